package care.m2m.gateway.support;

/** Reads sample values out of Prometheus text exposition, for asserting on counters in tests. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** Sum of the samples of {@code name} whose label set contains every given {@code key="value"}. */
    public static double value(String text, String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
