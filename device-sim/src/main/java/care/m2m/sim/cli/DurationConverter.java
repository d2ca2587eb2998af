package care.m2m.sim.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations the way people type them: {@code 30s}, {@code 5m}, {@code 2h}, {@code 250ms}, a plain number of
 * seconds ({@code 90}, {@code 0.5}) or ISO-8601 ({@code PT30S}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(text);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double seconds = switch (unit) {
                case "ms" -> amount / 1000;
                case "m" -> amount * 60;
                case "h" -> amount * 3600;
                case "d" -> amount * 86400;
                default -> amount;
            };
            return Duration.ofNanos(Math.round(seconds * 1e9));
        }
        try {
            return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("expected a duration such as 30s, 5m, 1h, 250ms or 0, got '"
                    + value + "'");
        }
    }
}
