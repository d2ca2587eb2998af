/**
 * How a broken contract is reported: {@link care.m2m.contracts.validation.ContractViolation} with a stable
 * reason and field-level {@link care.m2m.contracts.validation.Violation}s, and the checks that need a device
 * model ({@link care.m2m.contracts.validation.TelemetryValidator}) rather than the schema alone.
 */
package care.m2m.contracts.validation;
