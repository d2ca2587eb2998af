/**
 * Standby and idle waste: energy a device spends staying ready while nobody uses it, which an auto-off
 * setting would save without the customer noticing.
 */
package care.m2m.advisor.standby;
