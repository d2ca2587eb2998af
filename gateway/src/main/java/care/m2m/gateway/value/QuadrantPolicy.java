package care.m2m.gateway.value;

/**
 * What the ladder does for one quadrant: open a ticket as soon as the fault is raised (even while self-repair
 * runs), open one when automation gave up, and with which priority.
 */
public record QuadrantPolicy(boolean ticketOnRaise, boolean ticketOnEscalation, Priority priority) {
}
