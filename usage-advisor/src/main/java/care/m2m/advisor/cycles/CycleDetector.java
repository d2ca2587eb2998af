package care.m2m.advisor.cycles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a power curve into cycles: stretches above a threshold, where short dips (a washing machine tumbling
 * between heating phases) do not end the cycle, and stretches shorter than a minimum are ignored (a kettle is
 * not a wash program).
 *
 * @param thresholdW power from which the appliance counts as running
 * @param maxDip longest stretch below the threshold inside one cycle
 * @param minDuration shortest cycle worth reporting
 */
public record CycleDetector(double thresholdW, Duration maxDip, Duration minDuration) {

    public List<PowerCycle> detect(PowerCurve curve) {
        List<Instant[]> runs = new ArrayList<>();
        for (int i = 0; i < curve.points().size(); i++) {
            if (curve.points().get(i).value() < thresholdW) {
                continue;
            }
            Instant from = curve.points().get(i).at();
            Instant to = curve.holdEnd(i);
            if (!runs.isEmpty() && !Duration.between(runs.getLast()[1], from).minus(maxDip).isPositive()) {
                runs.getLast()[1] = to;
            } else {
                runs.add(new Instant[] {from, to});
            }
        }
        List<PowerCycle> cycles = new ArrayList<>();
        for (Instant[] run : runs) {
            if (Duration.between(run[0], run[1]).compareTo(minDuration) >= 0) {
                cycles.add(new PowerCycle(run[0], run[1], curve.wattHours(run[0], run[1])));
            }
        }
        return cycles;
    }
}
