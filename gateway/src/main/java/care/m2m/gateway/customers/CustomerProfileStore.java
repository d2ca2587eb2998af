package care.m2m.gateway.customers;

import care.m2m.gateway.records.RecordsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Customer profiles in the records database. Blocking JDBC: call it on a worker. */
public final class CustomerProfileStore {

    private final RecordsDatabase db;

    public CustomerProfileStore(RecordsDatabase db) {
        this.db = db;
    }

    public Optional<CustomerProfile> find(String customerRef) {
        if (customerRef == null) {
            return Optional.empty();
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT segment, vulnerable,"
                + " contact_preference, region FROM customers WHERE customer_ref = ?")) {
            ps.setString(1, customerRef);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CustomerProfile(customerRef, rs.getString(1), rs.getBoolean(2),
                        rs.getString(3), rs.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read customer " + customerRef + ": " + e.getMessage(), e);
        }
    }

    /** The profile, or the documented assumptions when there is none. */
    public CustomerProfile profileOf(String customerRef) {
        return find(customerRef).orElseGet(() -> CustomerProfile.unknown(customerRef));
    }

    public void save(CustomerProfile p) {
        try (Connection c = db.connection()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET segment = ?, vulnerable = ?,"
                    + " contact_preference = ?, region = ?, updated_at = ? WHERE customer_ref = ?")) {
                bind(ps, p);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (segment, vulnerable,"
                        + " contact_preference, region, updated_at, customer_ref) VALUES (?, ?, ?, ?, ?, ?)")) {
                    bind(ps, p);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save customer " + p.customerRef() + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, CustomerProfile p) throws SQLException {
        ps.setString(1, p.segment());
        ps.setBoolean(2, p.vulnerable());
        ps.setString(3, p.contactPreference());
        ps.setString(4, p.region());
        ps.setTimestamp(5, Timestamp.from(Instant.now()));
        ps.setString(6, p.customerRef());
    }
}
