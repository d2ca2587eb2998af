/**
 * Self-repair, the first rung of the service ladder: repair commands, verified outcomes, and the randomised
 * hold-out that measures what repairs do for repeat faults and time to clear.
 */
package care.m2m.gateway.repair;
