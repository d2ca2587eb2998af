package care.m2m.gateway.devices;

import care.m2m.gateway.records.RecordsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The device table in the records database. Blocking JDBC: call it from worker threads
 * ({@link DeviceDirectory} does that for the transports and the API).
 */
public final class DeviceRegistry {

    private static final String COLUMNS =
            "id, model, secret_hash, customer_ref, location, firmware, created_at, last_seen_at";

    private final RecordsDatabase db;

    public DeviceRegistry(RecordsDatabase db) {
        this.db = db;
    }

    /**
     * Inserts the device.
     *
     * @throws DeviceAlreadyExistsException when the id is taken
     */
    public void insert(Device device) {
        String sql = "INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (find(c, device.id()).isPresent()) {
                throw new DeviceAlreadyExistsException(device.id());
            }
            ps.setString(1, device.id());
            ps.setString(2, device.model());
            ps.setString(3, device.secretHash());
            ps.setString(4, device.customerRef());
            ps.setString(5, device.location());
            ps.setString(6, device.firmware());
            ps.setTimestamp(7, Timestamp.from(device.createdAt()));
            ps.setTimestamp(8, device.lastSeenAt() == null ? null : Timestamp.from(device.lastSeenAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new DeviceAlreadyExistsException(device.id());
            }
            throw new IllegalStateException("could not register device " + device.id() + ": " + e.getMessage(), e);
        }
    }

    public Optional<Device> find(String id) {
        try (Connection c = db.connection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read device " + id + ": " + e.getMessage(), e);
        }
    }

    /** Devices ordered by id, starting after {@code afterId} (null: from the start). */
    public List<Device> list(String afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM devices WHERE id > ? ORDER BY id LIMIT ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, afterId == null ? "" : afterId);
            ps.setInt(2, limit);
            List<Device> devices = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    devices.add(read(rs));
                }
            }
            return devices;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list devices: " + e.getMessage(), e);
        }
    }

    /** The devices of one customer, ordered by id. */
    public List<Device> ofCustomer(String customerRef) {
        String sql = "SELECT " + COLUMNS + " FROM devices WHERE customer_ref = ? ORDER BY id LIMIT 1000";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customerRef);
            List<Device> devices = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    devices.add(read(rs));
                }
            }
            return devices;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list devices of " + customerRef + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the secret hash; false when there is no such device. */
    public boolean updateSecret(String id, String secretHash) {
        return update("UPDATE devices SET secret_hash = ? WHERE id = ?", secretHash, id);
    }

    /**
     * Replaces the secret hash only if it is still {@code expectedHash}, so that rewriting an old hash never
     * undoes a rotation that happened meanwhile; false when it was not replaced.
     */
    public boolean replaceSecret(String id, String expectedHash, String secretHash) {
        String sql = "UPDATE devices SET secret_hash = ? WHERE id = ? AND secret_hash = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, secretHash);
            ps.setString(2, id);
            ps.setString(3, expectedHash);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not rehash the secret of device " + id + ": " + e.getMessage(), e);
        }
    }

    /** Records when a device was last heard from and, if it told us, its firmware version. */
    public void touch(String id, Instant seenAt, String firmware) {
        String sql = "UPDATE devices SET last_seen_at = ?, firmware = COALESCE(?, firmware) WHERE id = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(seenAt));
            ps.setString(2, firmware);
            ps.setString(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update device " + id + ": " + e.getMessage(), e);
        }
    }

    public boolean delete(String id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("DELETE FROM devices WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete device " + id + ": " + e.getMessage(), e);
        }
    }

    private boolean update(String sql, String value, String id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setString(2, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not update device " + id + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Device> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM devices WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Device read(ResultSet rs) throws SQLException {
        Timestamp lastSeen = rs.getTimestamp("last_seen_at");
        return new Device(rs.getString("id"), rs.getString("model"), rs.getString("secret_hash"),
                rs.getString("customer_ref"), rs.getString("location"), rs.getString("firmware"),
                rs.getTimestamp("created_at").toInstant(), lastSeen == null ? null : lastSeen.toInstant());
    }

    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
