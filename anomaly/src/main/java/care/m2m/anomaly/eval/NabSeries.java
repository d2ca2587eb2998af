package care.m2m.anomaly.eval;

/**
 * One NAB data file with its labelled anomaly windows, as row indices.
 *
 * @param category NAB's folder, e.g. {@code realKnownCause}
 * @param fileName the CSV's name, e.g. {@code nyc_taxi.csv}
 * @param timestamps the rows' timestamps as written in the file (results files repeat them verbatim)
 * @param millis the same timestamps as epoch milliseconds (UTC)
 * @param values the rows' values
 * @param windows inclusive {@code [first, last]} row indices of each anomaly window, in time order
 */
public record NabSeries(String category, String fileName, String[] timestamps, long[] millis, double[] values,
        int[][] windows) {

    /** NAB's key for the file, {@code category/fileName}. */
    public String key() {
        return category + "/" + fileName;
    }

    /** Number of rows. */
    public int size() {
        return values.length;
    }

    /** NAB's label column: 1 inside an anomaly window, else 0. */
    public int[] labels() {
        int[] labels = new int[size()];
        for (int[] window : windows) {
            for (int i = window[0]; i <= window[1]; i++) {
                labels[i] = 1;
            }
        }
        return labels;
    }
}
