/**
 * Usage analysis and tip generation (shift to cheap hours, standby waste, maintenance due), with benefit
 * estimates computed from the customer's own data. A plain library: the gateway schedules it.
 */
package care.m2m.advisor;
