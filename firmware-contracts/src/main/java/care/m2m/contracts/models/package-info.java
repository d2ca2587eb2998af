/**
 * Device-model capability profiles: what each product model reports (metrics with units and ranges), which
 * faults it knows and which self-repair actions it can run. Profiles are JSON data files validated by
 * {@code model.schema.json}; {@link care.m2m.contracts.models.DeviceModels} loads them into a
 * {@link care.m2m.contracts.models.ModelCatalog}.
 */
package care.m2m.contracts.models;
