package care.m2m.gateway.users;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One person who may sign in: the role decides which pages they reach, and a customer's {@code customerRef}
 * decides whose devices they see. Validated here so the admin API and the store agree on what is allowed.
 */
public record User(String username, Role role, String customerRef, String passwordHash, Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    /** What a person does; each reaches only their own web pages. */
    public enum Role {
        CUSTOMER, TECHNICIAN, OPERATOR;

        /** Parses {@code CUSTOMER}, {@code TECHNICIAN} or {@code OPERATOR}, in any case. */
        public static Role parse(String value) {
            try {
                return valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("role: expected CUSTOMER, TECHNICIAN or OPERATOR, got '" + value + "'");
            }
        }
    }

    public User {
        if (role == Role.CUSTOMER && (customerRef == null || customerRef.isBlank())) {
            throw new IllegalArgumentException("customerRef: required for a user with role CUSTOMER");
        }
    }

    /**
     * The canonical form of a username (trimmed, lower case), so {@code Anna} and {@code anna} are one person.
     *
     * @throws IllegalArgumentException naming the field when it is not 3 to 64 letters, digits or {@code ._@-}
     */
    public static String normalize(String username) {
        String canonical = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(canonical).matches()) {
            throw new IllegalArgumentException("username: expected 3 to 64 letters, digits or . _ @ -, got '"
                    + (username == null ? "" : username) + "'");
        }
        return canonical;
    }
}
