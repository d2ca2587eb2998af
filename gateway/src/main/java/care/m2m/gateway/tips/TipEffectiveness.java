package care.m2m.gateway.tips;

import care.m2m.advisor.effect.EffectEstimate;
import care.m2m.advisor.effect.EffectEstimator;
import care.m2m.advisor.effect.Observation;
import care.m2m.contracts.messages.MetricValue;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.tips.TipRecord.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Did a kind of tip work? For every device that got it and every device held out from it, the daily usage
 * (from a counter metric such as {@code energy_wh_total}) in equal windows before and after the tip; the
 * effect is the difference in differences between the two groups, with a 95 % interval. Blocking: call from a
 * worker.
 */
public final class TipEffectiveness {

    private static final Set<State> TREATED = Set.of(State.DELIVERED, State.READ, State.DONE, State.DISMISSED,
            State.SNOOZED);
    private static final int MAX_TIPS = 5000;

    private final TipStore tips;
    private final TelemetryStore telemetry;

    public TipEffectiveness(TipStore tips, TelemetryStore telemetry) {
        this.tips = tips;
        this.telemetry = telemetry;
    }

    /** The estimate, or empty while fewer than two devices in either group have both windows complete. */
    public Optional<EffectEstimate> measure(String kind, String counterMetric, Duration window, Instant now) {
        List<Observation> observations = new ArrayList<>();
        for (TipRecord tip : tips.ofKind(kind, MAX_TIPS)) {
            boolean treated = TREATED.contains(tip.state());
            if (!treated && tip.state() != State.HELD_OUT || tip.createdAt().plus(window).isAfter(now)) {
                continue;
            }
            Optional<Double> before = perDay(tip.deviceId(), counterMetric, tip.createdAt().minus(window), tip.createdAt());
            Optional<Double> after = perDay(tip.deviceId(), counterMetric, tip.createdAt(), tip.createdAt().plus(window));
            if (before.isPresent() && after.isPresent()) {
                observations.add(new Observation(tip.deviceId(), treated, before.get(), after.get()));
            }
        }
        long treatedCount = observations.stream().filter(Observation::treated).count();
        if (treatedCount < 2 || observations.size() - treatedCount < 2) {
            return Optional.empty();
        }
        return Optional.of(new EffectEstimator(kind.hashCode()).estimate(observations, 0.95));
    }

    /** Growth of a counter per day within the range, from its first and last reading there. */
    private Optional<Double> perDay(String deviceId, String metric, Instant from, Instant to) {
        List<TelemetryPoint> points = telemetry.query(new TelemetryQuery(deviceId, from, to, Set.of(metric),
                TelemetryQuery.MAX_LIMIT));
        List<TelemetryPoint> withValue = points.stream().filter(p -> p.values().get(metric) instanceof MetricValue.Num).toList();
        if (withValue.size() < 2) {
            return Optional.empty();
        }
        TelemetryPoint first = withValue.get(0);
        TelemetryPoint last = withValue.get(withValue.size() - 1);
        double days = Duration.between(first.timestamp(), last.timestamp()).toMinutes() / (24.0 * 60);
        if (days <= 0) {
            return Optional.empty();
        }
        double growth = ((MetricValue.Num) last.values().get(metric)).value() - ((MetricValue.Num) first.values().get(metric)).value();
        return Optional.of(growth / days);
    }
}
