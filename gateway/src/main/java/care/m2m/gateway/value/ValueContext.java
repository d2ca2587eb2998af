package care.m2m.gateway.value;

import care.m2m.gateway.customers.CustomerProfile;
import care.m2m.gateway.diagnosis.Fault;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the matrix weighs for one fault: the fault, the customer, the latest outside temperature the
 * device reported (null when it reports none), whether the device had the same fault before, and now.
 */
public record ValueContext(Fault fault, CustomerProfile customer, Double outdoorTempC, boolean seenBefore,
        Instant now) {

    public ValueContext {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(now, "now");
    }
}
