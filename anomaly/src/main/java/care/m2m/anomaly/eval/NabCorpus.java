package care.m2m.anomaly.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads NAB's data folder and {@code combined_windows.json}.
 *
 * <p>The windows file is a flat map of file key to a list of [start, end] timestamp pairs, so a tiny
 * reader of its quoted strings is enough and the module keeps no JSON dependency.
 */
public final class NabCorpus {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NabCorpus() {
    }

    /**
     * Loads every series listed in the windows file whose key contains one of {@code filters}
     * (all series when none is given), in the windows file's order.
     */
    public static List<NabSeries> load(Path nabDir, List<String> filters) {
        Map<String, List<String[]>> windows = readWindows(nabDir.resolve("combined_windows.json"));
        List<NabSeries> series = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> entry : windows.entrySet()) {
            String key = entry.getKey();
            if (!filters.isEmpty() && filters.stream().noneMatch(key::contains)) {
                continue;
            }
            series.add(readSeries(nabDir.resolve("data").resolve(key), key, entry.getValue()));
        }
        return series;
    }

    static Map<String, List<String[]>> readWindows(Path file) {
        Map<String, List<String[]>> windows = new LinkedHashMap<>();
        String current = null;
        String pendingStart = null;
        Matcher matcher = QUOTED.matcher(read(file));
        while (matcher.find()) {
            String text = matcher.group(1);
            if (text.endsWith(".csv")) {
                current = text;
                windows.put(current, new ArrayList<>());
            } else if (current == null) {
                throw new IllegalArgumentException(file + ": expected a file key before timestamp " + text);
            } else if (pendingStart == null) {
                pendingStart = text;
            } else {
                windows.get(current).add(new String[] {pendingStart, text});
                pendingStart = null;
            }
        }
        return windows;
    }

    private static NabSeries readSeries(Path csv, String key, List<String[]> windowTimes) {
        List<String> lines;
        try (Stream<String> stream = Files.lines(csv)) {
            lines = stream.skip(1).filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB file " + csv, e);
        }
        int n = lines.size();
        String[] stamps = new String[n];
        long[] millis = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            stamps[i] = line.substring(0, comma);
            millis[i] = toMillis(stamps[i]);
            values[i] = Double.parseDouble(line.substring(comma + 1).trim());
        }
        int[][] windows = new int[windowTimes.size()][];
        for (int w = 0; w < windows.length; w++) {
            long start = toMillis(windowTimes.get(w)[0]);
            long end = toMillis(windowTimes.get(w)[1]);
            int first = 0;
            while (first < n && millis[first] < start) {
                first++;
            }
            int last = n - 1;
            while (last >= 0 && millis[last] > end) {
                last--;
            }
            if (first > last) {
                throw new IllegalArgumentException(key + ": window " + windowTimes.get(w)[0] + " .. "
                        + windowTimes.get(w)[1] + " holds no row");
            }
            windows[w] = new int[] {first, last};
        }
        int slash = key.indexOf('/');
        return new NabSeries(key.substring(0, slash), key.substring(slash + 1), stamps, millis, values, windows);
    }

    static long toMillis(String timestamp) {
        String trimmed = timestamp.trim();
        String seconds = trimmed.length() > 19 ? trimmed.substring(0, 19) : trimmed;
        return LocalDateTime.parse(seconds, TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB windows " + file, e);
        }
    }
}
