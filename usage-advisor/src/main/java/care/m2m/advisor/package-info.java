/**
 * Usage analysis and tip generation (shift to cheap hours, standby waste, eco modes, maintenance due, unused
 * features), with benefit estimates computed from the customer's own data, and the evaluation that proves the
 * shifting advice on real data. A plain library: the gateway schedules it through
 * {@link care.m2m.advisor.Generators#defaultAdvisor()}.
 */
package care.m2m.advisor;
