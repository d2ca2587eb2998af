/**
 * Streaming anomaly scoring for metrics that nobody wrote a rule for.
 *
 * <p>One {@link care.m2m.anomaly.AnomalyDetector} per (device, metric) stream turns each point into a
 * score in [0, 1] in constant time and memory; {@link care.m2m.anomaly.StreamMonitor} turns a score at or
 * above the configured threshold into an {@link care.m2m.anomaly.Alert}, which the gateway maps onto a
 * generic fault. Nothing here depends on Vert.x: the gateway wraps it.
 */
package care.m2m.anomaly;
