package care.m2m.gateway.tickets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures that show whether the ladder works: tickets opened by quadrant and priority, tickets that
 * resolved themselves, and contacts prevented (faults closed by self-repair without a ticket, counted from
 * the records so the figure survives restarts).
 */
public final class TicketMetrics {

    private final MeterRegistry registry;
    private final Counter autoResolved;
    private final AtomicLong contactsPrevented = new AtomicLong();

    public TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.autoResolved = Counter.builder("m2mcare.tickets.auto.resolved")
                .description("Tickets resolved automatically because the device stayed healthy").register(registry);
        FunctionCounter.builder("m2mcare.contacts.prevented", contactsPrevented, AtomicLong::doubleValue)
                .description("Faults closed by verified self-repair without a ticket").register(registry);
    }

    /** For tests of components that do not look at metrics. */
    public static TicketMetrics none() {
        return new TicketMetrics(new SimpleMeterRegistry());
    }

    void opened(String quadrant, String priority) {
        Counter.builder("m2mcare.tickets.opened").tag("quadrant", quadrant).tag("priority", priority)
                .description("Tickets opened by value-matrix quadrant and priority").register(registry).increment();
    }

    void autoResolved() {
        autoResolved.increment();
    }

    /** The count from the records; the counter never goes down. */
    void contactsPrevented(long total) {
        contactsPrevented.accumulateAndGet(total, Math::max);
    }
}
