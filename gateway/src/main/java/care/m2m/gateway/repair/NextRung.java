package care.m2m.gateway.repair;

import care.m2m.gateway.diagnosis.Fault;

/**
 * Where a fault goes when the machine cannot fix it: a self-service tip, a ticket for field service. The tip
 * and ticket features plug in here; called on the service-ladder context, must not block.
 */
public interface NextRung {

    void escalate(Fault fault, String reason);
}
