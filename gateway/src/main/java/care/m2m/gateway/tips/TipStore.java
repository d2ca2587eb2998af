package care.m2m.gateway.tips;

import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.tips.Preferences.Channel;
import care.m2m.gateway.tips.TipRecord.Source;
import care.m2m.gateway.tips.TipRecord.State;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tips and their per-channel deliveries in the records database. Blocking JDBC, called from workers. */
public final class TipStore {

    private static final String COLUMNS = "id, device_id, customer_ref, kind, title, text, benefit_kwh, benefit_eur,"
            + " evidence_key, source, state, note, created_at, deliver_after, delivered_at, updated_at";

    /** A customer-set state that a device which showed the tip has not acknowledged. */
    private static final String UNSENT_DEVICE_STATE = "state IN ('READ', 'DONE', 'DISMISSED', 'SNOOZED')"
            + " AND (device_state_sent_at IS NULL OR device_state_sent_at < updated_at)"
            + " AND EXISTS (SELECT 1 FROM tip_deliveries d WHERE d.tip_id = tips.id AND d.channel = 'DEVICE')";

    private final RecordsDatabase db;

    public TipStore(RecordsDatabase db) {
        this.db = db;
    }

    /** The states in which a tip counts as open: at most one open tip per customer, device, kind and evidence. */
    public static final Set<State> OPEN = EnumSet.of(State.PENDING, State.DELIVERED, State.READ, State.SNOOZED,
            State.HELD_OUT);
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Inserts a tip; answers {@code false} when an open tip with the same customer, device, kind and evidence
     * already exists (the database's unique open key refused it: another gateway instance was faster).
     */
    public boolean insert(TipRecord t) {
        try {
            run("INSERT INTO tips (" + COLUMNS + ", open_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        bindInsert(ps, t);
                        ps.setString(17, openKey(t));
                    });
            return true;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Moves a tip to its next state only if it is still in the state it was read in: of two instances
     * delivering the same due tip, only one gets {@code true} and pushes it to the channels.
     */
    public boolean transition(TipRecord read, TipRecord next) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("UPDATE tips SET state = ?,"
                + " note = ?, deliver_after = ?, delivered_at = ?, updated_at = ?, open_key = ? WHERE id = ? AND state = ?")) {
            bindUpdate(ps, next);
            ps.setString(8, read.state().name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("tip records: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of customer, device, kind and evidence while the tip is open; null once it is not. */
    static String openKey(TipRecord t) {
        if (!OPEN.contains(t.state())) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\n", t.customerRef(), t.deviceId(),
                    t.kind(), t.evidenceKey()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void bindInsert(PreparedStatement ps, TipRecord t) throws SQLException {
        ps.setString(1, t.id());
        ps.setString(2, t.deviceId());
        ps.setString(3, t.customerRef());
        ps.setString(4, t.kind());
        ps.setString(5, t.title());
        ps.setString(6, t.text());
        setDouble(ps, 7, t.benefitKwh());
        setDouble(ps, 8, t.benefitEur());
        ps.setString(9, t.evidenceKey());
        ps.setString(10, t.source().name());
        ps.setString(11, t.state().name());
        ps.setString(12, t.note());
        ps.setTimestamp(13, ts(t.createdAt()));
        ps.setTimestamp(14, ts(t.deliverAfter()));
        ps.setTimestamp(15, ts(t.deliveredAt()));
        ps.setTimestamp(16, ts(t.updatedAt()));
    }

    private static void bindUpdate(PreparedStatement ps, TipRecord t) throws SQLException {
        ps.setString(1, t.state().name());
        ps.setString(2, t.note());
        ps.setTimestamp(3, ts(t.deliverAfter()));
        ps.setTimestamp(4, ts(t.deliveredAt()));
        ps.setTimestamp(5, ts(t.updatedAt()));
        ps.setString(6, openKey(t));
        ps.setString(7, t.id());
    }

    public void update(TipRecord t) {
        run("UPDATE tips SET state = ?, note = ?, deliver_after = ?, delivered_at = ?, updated_at = ?, open_key = ?"
                + " WHERE id = ?", ps -> bindUpdate(ps, t));
    }

    public Optional<TipRecord> find(String id) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE id = ?", id).stream().findFirst();
    }

    public List<TipRecord> ofCustomer(String customerRef, int limit) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE customer_ref = ?"
                + " AND state NOT IN ('SUPPRESSED', 'HELD_OUT')"
                + " ORDER BY created_at DESC LIMIT " + limit, customerRef);
    }

    /** Every tip of one kind (all states, the held-out ones included), oldest first. */
    public List<TipRecord> ofKind(String kind, int limit) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE kind = ? ORDER BY created_at LIMIT " + limit, kind);
    }

    public List<TipRecord> ofDevice(String deviceId, int limit) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE device_id = ? ORDER BY created_at DESC LIMIT " + limit,
                deviceId);
    }

    /** Pending and snoozed tips whose time has come, oldest first. */
    public List<TipRecord> due(Instant now, int limit) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE state IN ('PENDING', 'SNOOZED') AND deliver_after <= ?"
                + " ORDER BY deliver_after LIMIT " + limit, now);
    }

    /** Tips of the customer with the same device, kind and evidence (any state). */
    public List<TipRecord> sameEvidence(String customerRef, String deviceId, String kind, String evidenceKey) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE customer_ref = ? AND device_id = ? AND kind = ?"
                + " AND evidence_key = ?", customerRef, deviceId, kind, evidenceKey);
    }

    /** When the customer's tips of the last week were delivered, oldest first. */
    public List<Instant> deliveredSince(String customerRef, Instant since) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE customer_ref = ? AND delivered_at >= ?"
                + " ORDER BY delivered_at", customerRef, since).stream().map(TipRecord::deliveredAt).toList();
    }

    /**
     * Tips the device showed whose customer-set state (read, done, dismissed, snoozed) changed at or after
     * {@code since} and was not acknowledged by the device since that change, oldest change first.
     */
    public List<TipRecord> unsentDeviceStates(String deviceId, Instant since) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE device_id = ? AND updated_at >= ? AND "
                + UNSENT_DEVICE_STATE + " ORDER BY updated_at", deviceId, since);
    }

    /** The tip, if its device showed it and has not acknowledged its latest customer-set state. */
    public Optional<TipRecord> unsentDeviceState(String tipId) {
        return select("SELECT " + COLUMNS + " FROM tips WHERE id = ? AND " + UNSENT_DEVICE_STATE, tipId).stream()
                .findFirst();
    }

    /** The device acknowledged the tip's state as of {@code stateOf} (the tip's {@code updated_at} it was sent for). */
    public void deviceStateSent(String tipId, Instant stateOf) {
        run("UPDATE tips SET device_state_sent_at = ? WHERE id = ?"
                + " AND (device_state_sent_at IS NULL OR device_state_sent_at < ?)", ps -> {
                    ps.setTimestamp(1, ts(stateOf));
                    ps.setString(2, tipId);
                    ps.setTimestamp(3, ts(stateOf));
                });
    }

    public void recordDelivery(String tipId, Channel channel, Instant at) {
        run("INSERT INTO tip_deliveries (tip_id, channel, delivered_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, tipId);
            ps.setString(2, channel.name());
            ps.setTimestamp(3, ts(at));
        });
    }

    public Set<Channel> channelsOf(String tipId) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT channel FROM tip_deliveries WHERE tip_id = ?")) {
            ps.setString(1, tipId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    channels.add(Channel.valueOf(rs.getString(1)));
                }
            }
            return channels;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read deliveries of tip " + tipId + ": " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void run(String sql, Binder binder) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("tip records: " + e.getMessage(), e);
        }
    }

    /** Runs a query with its parameters bound in order (texts, or instants as timestamps). */
    private List<TipRecord> select(String sql, Object... parameters) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Instant at) {
                    ps.setTimestamp(i + 1, ts(at));
                } else {
                    ps.setString(i + 1, (String) parameters[i]);
                }
            }
            List<TipRecord> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read tips: " + e.getMessage(), e);
        }
    }

    private static TipRecord read(ResultSet rs) throws SQLException {
        return new TipRecord(rs.getString("id"), rs.getString("device_id"), rs.getString("customer_ref"),
                rs.getString("kind"), rs.getString("title"), rs.getString("text"), getDouble(rs, "benefit_kwh"),
                getDouble(rs, "benefit_eur"), rs.getString("evidence_key"), Source.valueOf(rs.getString("source")),
                State.valueOf(rs.getString("state")), rs.getString("note"), instant(rs, "created_at"),
                instant(rs, "deliver_after"), instant(rs, "delivered_at"), instant(rs, "updated_at"));
    }

    private static void setDouble(PreparedStatement ps, int i, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, value);
        }
    }

    private static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
