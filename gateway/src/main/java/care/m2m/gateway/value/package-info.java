/**
 * The value matrix: how much a fault is worth in money (product value, cost of downtime) and in emotion
 * (safety, comfort, health, a vulnerable customer, a repeat), which quadrant that puts it in, and so whether
 * a person is needed at once or only when automation failed. Weights are configuration, not code.
 */
package care.m2m.gateway.value;
