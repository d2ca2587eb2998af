package care.m2m.gateway.users;

import care.m2m.gateway.records.RecordsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** The {@code users} table. Blocking JDBC: call it on a worker. */
public final class UserStore {

    /** SQL state of a unique-key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final RecordsDatabase db;

    public UserStore(RecordsDatabase db) {
        this.db = db;
    }

    /**
     * Adds the user.
     *
     * @throws UsernameTakenException when the username exists already
     */
    public void create(User user) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO users"
                + " (username, role, customer_ref, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, user.username());
            ps.setString(2, user.role().name());
            ps.setString(3, user.customerRef());
            ps.setString(4, user.passwordHash());
            ps.setTimestamp(5, Timestamp.from(user.createdAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new UsernameTakenException(user.username());
            }
            throw new IllegalStateException("could not create user " + user.username() + ": " + e.getMessage(), e);
        }
    }

    /** The user with this (normalized) username, if any. */
    public Optional<User> find(String username) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT role, customer_ref,"
                + " password_hash, created_at FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new User(username, User.Role.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read user " + username + ": " + e.getMessage(), e);
        }
    }

    /** Someone asked for a username that already belongs to another person. */
    public static final class UsernameTakenException extends RuntimeException {
        public UsernameTakenException(String username) {
            super("username: '" + username + "' is taken; choose another");
        }
    }
}
