package care.m2m.gateway.diagnosis.anomaly;

import care.m2m.anomaly.AnomalyDetector;
import care.m2m.anomaly.DetectorFactory;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.MetricSpec;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.diagnosis.FaultSignal;
import care.m2m.gateway.diagnosis.FaultSignal.Kind;
import care.m2m.gateway.diagnosis.FaultSignal.Source;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The learned half of diagnosis: every numeric metric that no rule of its model watches (and that is not a
 * counter) gets a streaming anomaly detector per device. A score at or above the threshold raises the
 * generic fault {@link #FAULT_CODE}, which then climbs the service ladder like any other; it clears once
 * the device's streams stayed below the threshold for the quiet period. O(1) per point, single-threaded
 * (the diagnosis context).
 */
public final class AnomalyWatch {

    public static final String FAULT_CODE = "ANOMALY";

    private static final class DeviceStreams {
        final Map<String, AnomalyDetector> detectors = new HashMap<>(8);
        long lastAlertAt = -1;
        boolean raised;
    }

    private final DetectorFactory factory;
    private final double threshold;
    private final Duration quiet;
    private final Map<String, Set<String>> watchedByModel = new HashMap<>();
    private final Map<String, DeviceStreams> devices = new HashMap<>();

    public AnomalyWatch(DetectorFactory factory, double threshold, Duration quiet, ModelCatalog models, RuleBook rules) {
        this.factory = factory;
        this.threshold = threshold;
        this.quiet = quiet;
        for (DeviceModel model : models.all()) {
            Set<String> ruled = rules.forModel(model.id()).rules().stream()
                    .filter(r -> r.condition() != null).map(r -> r.condition().metric()).collect(Collectors.toSet());
            watchedByModel.put(model.id(), model.metrics().stream()
                    .filter(m -> m.type() == MetricSpec.Type.NUMBER && !m.counter() && !ruled.contains(m.name()))
                    .map(MetricSpec::name).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /** Scores the point's unwatched metrics; returns a raise or clear of {@link #FAULT_CODE} when it changes. */
    public List<FaultSignal> onPoint(String deviceId, String model, Instant at, Map<String, MetricValue> values) {
        Set<String> watched = watchedByModel.getOrDefault(model, Set.of());
        if (watched.isEmpty()) {
            return List.of();
        }
        DeviceStreams streams = devices.computeIfAbsent(deviceId, id -> new DeviceStreams());
        String worstMetric = null;
        double worst = 0;
        for (Map.Entry<String, MetricValue> entry : values.entrySet()) {
            if (entry.getValue() instanceof MetricValue.Num num && watched.contains(entry.getKey())) {
                AnomalyDetector detector = streams.detectors.computeIfAbsent(entry.getKey(), m -> factory.newDetector());
                double score = detector.score(at.toEpochMilli(), num.value());
                if (score >= threshold && score > worst) {
                    worst = score;
                    worstMetric = entry.getKey();
                }
            }
        }
        long now = at.toEpochMilli();
        if (worstMetric != null) {
            streams.lastAlertAt = now;
            if (!streams.raised) {
                streams.raised = true;
                return List.of(new FaultSignal(deviceId, model, FAULT_CODE, Kind.RAISE, Source.ANOMALY,
                        String.format(Locale.ROOT, "unusual %s: anomaly score %.3f (threshold %.3f)", worstMetric,
                                worst, threshold), at));
            }
        } else if (streams.raised && now - streams.lastAlertAt >= quiet.toMillis()) {
            streams.raised = false;
            return List.of(new FaultSignal(deviceId, model, FAULT_CODE, Kind.CLEAR, Source.ANOMALY,
                    "streams back to normal for " + quiet.toMinutes() + " min", at));
        }
        return List.of();
    }

    /** Metrics watched for a model (those without a rule), for tests and the operator's view. */
    public Set<String> watched(String model) {
        return watchedByModel.getOrDefault(model, Set.of());
    }
}
