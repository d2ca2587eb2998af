package care.m2m.gateway.web;

import java.util.Locale;

/** Who a web session belongs to; each role reaches only its own pages, checked on the server. */
public enum Role {
    CUSTOMER("/web/customer"),
    OPERATOR("/web/operator"),
    FIELD_SERVICE("/web/field");

    private final String home;

    Role(String home) {
        this.home = home;
    }

    /** The page a freshly signed-in person lands on. */
    public String home() {
        return home;
    }

    /** Parses the login form's value ({@code customer}, {@code operator}, {@code field_service}). */
    public static Role parse(String value) {
        try {
            return Role.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role: expected customer, operator or field_service, got '" + value + "'");
        }
    }
}
