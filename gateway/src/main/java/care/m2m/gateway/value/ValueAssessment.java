package care.m2m.gateway.value;

import java.time.Duration;
import java.util.List;

/**
 * The matrix's verdict on one fault: both values, the quadrant, the policy that follows, the priority with
 * its SLA, and the reasons in words, so that a technician and an operator can see why.
 */
public record ValueAssessment(double monetary, double emotional, Quadrant quadrant, QuadrantPolicy policy,
        Duration sla, List<String> reasons) {

    public ValueAssessment {
        reasons = List.copyOf(reasons);
    }

    public Priority priority() {
        return policy.priority();
    }
}
