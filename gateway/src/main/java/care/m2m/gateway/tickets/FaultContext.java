package care.m2m.gateway.tickets;

import care.m2m.gateway.customers.CustomerProfile;
import care.m2m.gateway.customers.CustomerProfileStore;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.store.TelemetryQuery;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.value.ValueAssessment;
import care.m2m.gateway.value.ValueContext;
import care.m2m.gateway.value.ValueMatrix;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what a ticket decision needs about one fault: the device, the customer, a telemetry excerpt
 * around the fault (the last points up to now, {@link #EXCERPT_POINTS} at most) and the value matrix's
 * verdict. Blocking: runs on the ticket worker.
 */
final class FaultContext {

    private static final Logger LOG = LoggerFactory.getLogger(FaultContext.class);
    static final int EXCERPT_POINTS = 30;
    static final Duration EXCERPT_LOOKBACK = Duration.ofHours(6);

    /** What was gathered. */
    record Gathered(Fault fault, Optional<Device> device, CustomerProfile customer, JsonArray excerpt,
            ValueAssessment assessment) {
    }

    private final RecordsDatabase db;
    private final DeviceRegistry registry;
    private final CustomerProfileStore customers;
    private final TelemetryStore telemetry;
    private final ValueMatrix matrix;

    FaultContext(RecordsDatabase db, DeviceRegistry registry, CustomerProfileStore customers, TelemetryStore telemetry,
            ValueMatrix matrix) {
        this.db = db;
        this.registry = registry;
        this.customers = customers;
        this.telemetry = telemetry;
        this.matrix = matrix;
    }

    Gathered gather(Fault fault, Instant now) {
        Optional<Device> device = registry.find(fault.deviceId());
        CustomerProfile customer = customers.profileOf(device.map(Device::customerRef).orElse(null));
        JsonArray excerpt = excerpt(fault, device.map(Device::model).orElse(fault.model()), now);
        Double outdoor = outdoor(excerpt, matrix.outdoorMetric(fault.model()));
        ValueAssessment assessment = matrix.assess(new ValueContext(fault, customer, outdoor, seenBefore(fault), now));
        return new Gathered(fault, device, customer, excerpt, assessment);
    }

    private JsonArray excerpt(Fault fault, String model, Instant now) {
        JsonArray points = new JsonArray();
        try {
            Instant from = fault.firstSeen().minus(EXCERPT_LOOKBACK);
            Instant to = now.isAfter(fault.lastSeen()) ? now.plusMillis(1) : fault.lastSeen().plusMillis(1);
            List<TelemetryPoint> found = telemetry.query(new TelemetryQuery(fault.deviceId(), from, to, Set.of(),
                    TelemetryQuery.MAX_LIMIT));
            found.subList(Math.max(0, found.size() - EXCERPT_POINTS), found.size()).forEach(p -> {
                JsonObject values = new JsonObject();
                p.values().forEach((k, v) -> values.put(k, v.raw()));
                points.add(new JsonObject().put("ts", p.timestamp().toString()).put("metrics", values));
            });
        } catch (RuntimeException e) {
            LOG.warn("No telemetry excerpt for fault {} of device {} (model {}): {}", fault.code(), fault.deviceId(),
                    model, e.getMessage());
        }
        return points;
    }

    private static Double outdoor(JsonArray excerpt, String metric) {
        if (metric == null) {
            return null;
        }
        for (int i = excerpt.size() - 1; i >= 0; i--) {
            Object value = excerpt.getJsonObject(i).getJsonObject("metrics").getValue(metric);
            if (value instanceof Number n) {
                return n.doubleValue();
            }
        }
        return null;
    }

    private boolean seenBefore(Fault fault) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM faults WHERE device_id = ? AND code = ? AND id <> ?")) {
            ps.setString(1, fault.deviceId());
            ps.setString(2, fault.code());
            ps.setString(3, fault.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count earlier faults of " + fault.deviceId() + ": " + e.getMessage(), e);
        }
    }
}
