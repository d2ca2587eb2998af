package care.m2m.advisor.tariff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the ENTSO-E day-ahead price file ({@code time,DAM_price}, times like {@code 01jan2022 00:00:00}, EUR
 * per kWh). Its times are Brussels wall-clock times, so the clock changes show in the file: the skipped hour
 * in spring is a row without price, and the repeated hour in autumn appears twice, first in summer time
 * (UTC+2), then in winter time (UTC+1). Both are mapped to the right instant here, once.
 */
public final class PriceSeriesCsv {

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("ddMMMyyyy HH:mm:ss")
            .toFormatter(Locale.ENGLISH);

    private PriceSeriesCsv() {
    }

    /**
     * Loads the file; rows without a price are skipped.
     *
     * @throws IllegalArgumentException naming file and line if a row is malformed
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PriceSeries read(Path file, DayAheadPublication publication) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prices from " + file, e);
        }
        Map<Instant, Double> hourly = new HashMap<>();
        LocalDateTime previous = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'time,price', got " + line);
            }
            LocalDateTime local = parseTime(line.substring(0, comma), file, i + 1);
            String price = line.substring(comma + 1).strip();
            ZonedDateTime zoned = ZonedDateTime.ofLocal(local, publication.zone(), null);
            if (local.equals(previous)) {
                zoned = zoned.withLaterOffsetAtOverlap();
            }
            previous = local;
            boolean skippedHour = !zoned.toLocalDateTime().equals(local);
            if (!price.isEmpty() && !skippedHour) {
                hourly.put(zoned.toInstant(), parsePrice(price, file, i + 1));
            }
        }
        return PriceSeries.of(hourly, publication);
    }

    private static LocalDateTime parseTime(String text, Path file, int line) {
        try {
            return LocalDateTime.parse(text.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ":" + line + ": expected a time like 01jan2022 00:00:00, got "
                    + text, e);
        }
    }

    private static double parsePrice(String text, Path file, int line) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": expected a price in EUR/kWh, got " + text, e);
        }
    }
}
