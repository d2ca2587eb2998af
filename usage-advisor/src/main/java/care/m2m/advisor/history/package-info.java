/**
 * Reading a device's usage history: the one seam between the advisor and wherever telemetry is stored. The
 * gateway's telemetry store implements {@link care.m2m.advisor.history.UsageHistory}; tests and the evaluation
 * use {@link care.m2m.advisor.history.InMemoryUsageHistory}.
 */
package care.m2m.advisor.history;
