package care.m2m.contracts.validation;

import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Translates validator errors into what a firmware engineer reads: the JSON path of the offending field, what
 * the contract wants in plain words and what arrived.
 */
final class SchemaWords {

    private SchemaWords() {
    }

    static Violation toViolation(com.networknt.schema.Error error) {
        String at = path(error.getInstanceLocation());
        JsonNode node = error.getInstanceNode();
        JsonNode rule = error.getSchemaNode();
        String property = error.getProperty();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "type" -> new Violation(at, typeWords(rule), describe(node));
            case "enum" -> new Violation(at, "one of " + listWords(rule), describe(node));
            case "const" -> new Violation(at, "the value " + rule, describe(node));
            case "required" -> new Violation(JsonPath.member(at, property), "required property '" + property + "'",
                    "nothing");
            case "additionalProperties" -> new Violation(JsonPath.member(at, property),
                    "only the properties the contract defines", describe(child(node, property)));
            case "propertyNames" -> new Violation(JsonPath.member(at, property), nameWords(rule),
                    "name \"" + property + "\"");
            case "maxLength" -> new Violation(at, "at most " + rule + " characters", lengthWords(node));
            case "minLength" -> new Violation(at, "at least " + rule + " " + plural(rule, "character"),
                    lengthWords(node));
            case "pattern" -> new Violation(at, "text matching " + text(rule), describe(node));
            case "maximum" -> new Violation(at, "a number <= " + rule, describe(node));
            case "minimum" -> new Violation(at, "a number >= " + rule, describe(node));
            case "exclusiveMaximum" -> new Violation(at, "a number < " + rule, describe(node));
            case "exclusiveMinimum" -> new Violation(at, "a number > " + rule, describe(node));
            case "maxProperties" -> new Violation(at, "at most " + rule + " properties", sizeWords(node));
            case "minProperties" -> new Violation(at, "at least " + rule + " " + plural(rule, "property"),
                    sizeWords(node));
            case "maxItems" -> new Violation(at, "at most " + rule + " items", sizeWords(node));
            case "minItems" -> new Violation(at, "at least " + rule + " " + plural(rule, "item"), sizeWords(node));
            case "uniqueItems" -> new Violation(at, "items without repetition", describe(node));
            default -> new Violation(at, error.getMessage(), describe(node));
        };
    }

    /** A short, type-prefixed description of a value: {@code string "yes"}, {@code number 7.5}, {@code object}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isString()) {
            return "string \"" + node.stringValue() + "\"";
        }
        if (node.isNumber()) {
            return "number " + node;
        }
        if (node.isBoolean()) {
            return "boolean " + node.booleanValue();
        }
        if (node.isObject()) {
            return "object with " + node.size() + " " + plural(node.size(), "property", "properties");
        }
        if (node.isArray()) {
            return "array of " + node.size() + " " + plural(node.size(), "item", "items");
        }
        return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String path(NodePath location) {
        String at = JsonPath.ROOT;
        if (location == null) {
            return at;
        }
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            at = element instanceof Integer index ? JsonPath.element(at, index) : JsonPath.member(at, String.valueOf(element));
        }
        return at;
    }

    private static JsonNode child(JsonNode node, String property) {
        return node == null || property == null ? null : node.get(property);
    }

    private static String typeWords(JsonNode rule) {
        if (rule == null) {
            return "another type";
        }
        if (rule.isArray()) {
            return joinAlternatives(texts(rule));
        }
        return text(rule);
    }

    private static String listWords(JsonNode rule) {
        return rule == null ? "[]" : "[" + String.join(", ", texts(rule)) + "]";
    }

    private static String nameWords(JsonNode rule) {
        JsonNode pattern = rule == null ? null : rule.get("pattern");
        return pattern == null ? "a valid property name" : "a property name matching " + text(pattern);
    }

    private static String lengthWords(JsonNode node) {
        if (node == null || !node.isString()) {
            return describe(node);
        }
        String value = node.stringValue();
        int length = value.codePointCount(0, value.length());
        return "text of " + length + " " + plural(length, "character", "characters");
    }

    private static String sizeWords(JsonNode node) {
        return node == null ? "nothing" : describe(node);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            out.add(text(item));
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : node.toString();
    }

    private static String joinAlternatives(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
    }

    private static String plural(JsonNode count, String singular) {
        return count != null && count.isNumber() && count.asLong() == 1 ? singular : singular.endsWith("y")
                ? singular.substring(0, singular.length() - 1) + "ies" : singular + "s";
    }

    private static String plural(int count, String singular, String many) {
        return count == 1 ? singular : many;
    }
}
