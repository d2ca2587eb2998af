package care.m2m.advisor.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the {@code Appliances} column of the UCI appliances-energy file ({@code "date","Appliances",...}, dates
 * like {@code 2016-01-11 17:30:00}, 10-minute Wh). The testing file holds a random subset of the original
 * 10-minute rows, so consecutive rows are often 20 to 60 minutes apart: the reader keeps the rows as they are
 * and leaves the gaps to the cycle extraction.
 */
public final class ApplianceLoadCsv {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ApplianceLoadCsv() {
    }

    /**
     * The rows, oldest first.
     *
     * @throws IllegalArgumentException naming file and line when a row is malformed
     * @throws UncheckedIOException if the file cannot be read
     */
    public static List<Reading> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read appliance load from " + file, e);
        }
        List<String> header = fields(lines.getFirst());
        int date = header.indexOf("date");
        int appliances = header.indexOf("Appliances");
        if (date < 0 || appliances < 0) {
            throw new IllegalArgumentException(file + ": expected columns \"date\" and \"Appliances\", got " + header);
        }
        List<Reading> readings = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = fields(lines.get(i));
            try {
                readings.add(new Reading(LocalDateTime.parse(row.get(date), DATE),
                        Double.parseDouble(row.get(appliances))));
            } catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected a date and an Appliances value in Wh, got "
                        + lines.get(i), e);
            }
        }
        readings.sort(Comparator.comparing(Reading::start));
        return readings;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            out.add(field.replace("\"", "").strip());
        }
        return out;
    }
}
