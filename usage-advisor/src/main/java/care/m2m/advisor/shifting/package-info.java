/**
 * Choosing when a flexible load should run: the cheapest start of a rigid load block within its window,
 * using only prices known at decision time, and the tip that offers this to a customer. The same
 * {@link care.m2m.advisor.shifting.StartPlanner} serves the live tips and the evaluation on recorded data, so
 * the evaluation measures the advice the customer would really get.
 */
package care.m2m.advisor.shifting;
