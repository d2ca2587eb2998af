package care.m2m.gateway.tips;

import care.m2m.gateway.devices.DeviceSecrets;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.tips.Preferences.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Customers' communication preferences and their API tokens. A token is {@code <id>.<secret>}: the id finds
 * the row, the secret is checked against a salted hash (as device secrets are), and only the hash is stored.
 */
public final class CustomerStore {

    private final RecordsDatabase db;

    public CustomerStore(RecordsDatabase db) {
        this.db = db;
    }

    public Optional<Preferences> preferences(String customerRef) {
        String sql = "SELECT channels, quiet_start, quiet_end, time_zone, max_per_week, opted_out"
                + " FROM customer_preferences WHERE customer_ref = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customerRef);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
                Arrays.stream(rs.getString(1).split(",")).filter(s -> !s.isBlank()).map(Channel::valueOf).forEach(channels::add);
                return Optional.of(new Preferences(customerRef, channels, LocalTime.parse(rs.getString(2)),
                        LocalTime.parse(rs.getString(3)), ZoneId.of(rs.getString(4)), rs.getInt(5), rs.getBoolean(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read preferences of " + customerRef + ": " + e.getMessage(), e);
        }
    }

    public void save(Preferences p) {
        try (Connection c = db.connection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE customer_preferences SET channels = ?, quiet_start = ?,"
                    + " quiet_end = ?, time_zone = ?, max_per_week = ?, opted_out = ?, updated_at = ? WHERE customer_ref = ?")) {
                bind(ps, p);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer_preferences (channels, quiet_start,"
                        + " quiet_end, time_zone, max_per_week, opted_out, updated_at, customer_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, p);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save preferences of " + p.customerRef() + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Preferences p) throws SQLException {
        ps.setString(1, p.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        ps.setString(2, p.quietStart().toString());
        ps.setString(3, p.quietEnd().toString());
        ps.setString(4, p.zone().getId());
        ps.setInt(5, p.maxPerWeek());
        ps.setBoolean(6, p.optedOut());
        ps.setTimestamp(7, Timestamp.from(Instant.now()));
        ps.setString(8, p.customerRef());
    }

    /** Issues a new API token for the customer; the returned text is the only copy. */
    public String issueToken(String customerRef) {
        String id = DeviceSecrets.randomToken(9);
        String secret = DeviceSecrets.newSecret();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO customer_tokens (id, customer_ref, token_hash, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, customerRef);
            ps.setString(3, DeviceSecrets.sha256Hash(secret));
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not issue a token for " + customerRef + ": " + e.getMessage(), e);
        }
        return id + "." + secret;
    }

    /** The customer a presented token belongs to, if it is valid. */
    public Optional<String> customerOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT customer_ref, token_hash FROM customer_tokens WHERE id = ?")) {
            ps.setString(1, token.substring(0, dot));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && DeviceSecrets.sha256Matches(token.substring(dot + 1), rs.getString(2))) {
                    return Optional.of(rs.getString(1));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check a customer token: " + e.getMessage(), e);
        }
    }
}
