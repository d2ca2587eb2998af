package care.m2m.contracts.validation;

/**
 * Builds the JSON paths that {@link Violation}s name, so that the codec, the schema translation and the model
 * checks all spell a location the same way: {@code $.metrics.boiler_temp_c}, {@code $.data['odd key']},
 * {@code $.faults[2]}.
 */
public final class JsonPath {

    /** The whole message. */
    public static final String ROOT = "$";

    private JsonPath() {
    }

    /** The path of property {@code name} inside the object at {@code parent}. */
    public static String member(String parent, String name) {
        if (isPlain(name)) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
