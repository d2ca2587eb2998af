/**
 * The proof on real data: recorded appliance load of a real house, real Belgian day-ahead prices, and three
 * schedules for its flexible cycles (as recorded, as advised with only published prices, and the exact
 * perfect-foresight optimum). {@link care.m2m.advisor.evaluation.ShiftingEvaluation} is the command.
 */
package care.m2m.advisor.evaluation;
