/**
 * Maintenance before performance degrades: descaling from water hardness and drinks since the last descale,
 * a drain filter filling up (drain time rising), a heat pump losing efficiency at the same outdoor
 * temperature. The benefit is product life and, where measurable, energy.
 */
package care.m2m.advisor.maintenance;
