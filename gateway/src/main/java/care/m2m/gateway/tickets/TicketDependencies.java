package care.m2m.gateway.tickets;

import care.m2m.gateway.customers.CustomerProfileStore;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.outbox.OutboxStore;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.value.ValueMatrix;

/** What the ticket rung reads and writes, gathered so its constructor stays readable. */
public record TicketDependencies(RecordsDatabase db, OutboxStore outbox, CustomerProfileStore customers,
        DeviceRegistry registry, TelemetryStore telemetry, ValueMatrix matrix) {
}
