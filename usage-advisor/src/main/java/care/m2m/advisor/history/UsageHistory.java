package care.m2m.advisor.history;

import java.util.List;

/**
 * Read access to the telemetry a device sent, metric by metric. An interface so that the gateway can back it
 * with InfluxDB or its embedded store while the advisor stays a plain library; every tip generator reads
 * through it and nothing else.
 */
public interface UsageHistory {

    /**
     * The numeric readings of one metric in the range, oldest first; empty when there are none.
     * Boolean metrics are returned as 0 and 1.
     */
    List<Point> numeric(String deviceId, String metric, TimeRange range);

    /** The readings of one enum metric in the range, oldest first; empty when there are none. */
    List<StatePoint> states(String deviceId, String metric, TimeRange range);
}
