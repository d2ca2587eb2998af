package care.m2m.gateway.advice;

import care.m2m.advisor.history.Point;
import care.m2m.advisor.history.StatePoint;
import care.m2m.advisor.history.TimeRange;
import care.m2m.advisor.history.UsageHistory;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The advisor's view of usage history, read from whichever telemetry store the gateway runs on (InfluxDB or
 * the embedded one): the same queries work on both. Blocking: the advice job runs on a worker.
 */
final class StoreUsageHistory implements UsageHistory {

    private final TelemetryStore store;

    StoreUsageHistory(TelemetryStore store) {
        this.store = store;
    }

    @Override
    public List<Point> numeric(String deviceId, String metric, TimeRange range) {
        List<Point> points = new ArrayList<>();
        for (TelemetryPoint p : read(deviceId, metric, range)) {
            MetricValue value = p.values().get(metric);
            if (value instanceof MetricValue.Num n) {
                points.add(new Point(p.timestamp(), n.value()));
            } else if (value instanceof MetricValue.Bool b) {
                points.add(new Point(p.timestamp(), b.value() ? 1 : 0));
            }
        }
        return points;
    }

    @Override
    public List<StatePoint> states(String deviceId, String metric, TimeRange range) {
        List<StatePoint> points = new ArrayList<>();
        for (TelemetryPoint p : read(deviceId, metric, range)) {
            if (p.values().get(metric) instanceof MetricValue.Text t) {
                points.add(new StatePoint(p.timestamp(), t.value()));
            }
        }
        return points;
    }

    private List<TelemetryPoint> read(String deviceId, String metric, TimeRange range) {
        return store.query(new TelemetryQuery(deviceId, range.from(), range.to(), Set.of(metric), TelemetryQuery.MAX_LIMIT));
    }
}
