package care.m2m.gateway.customers;

import java.util.Objects;
import java.util.Set;

/**
 * What the gateway knows about a customer beyond their devices, so that a fault at a vulnerable customer's
 * home weighs more and a technician knows how to reach them. Unknown customers get {@link #unknown(String)}.
 */
public record CustomerProfile(String customerRef, String segment, boolean vulnerable, String contactPreference,
        String region) {

    public static final String DEFAULT_SEGMENT = "residential";
    public static final String DEFAULT_CONTACT = "phone";
    public static final Set<String> CONTACT_PREFERENCES = Set.of("phone", "email", "sms", "whatsapp", "none");

    public CustomerProfile {
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(contactPreference, "contactPreference");
        if (!segment.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("segment: expected 1 to 32 of a-z, 0-9, _ or -, got '" + segment + "'");
        }
        if (!CONTACT_PREFERENCES.contains(contactPreference)) {
            throw new IllegalArgumentException("contactPreference: expected one of " + CONTACT_PREFERENCES
                    + ", got '" + contactPreference + "'");
        }
        if (region != null && region.length() > 64) {
            throw new IllegalArgumentException("region: expected at most 64 characters, got " + region.length());
        }
    }

    /** The assumptions for a customer nobody described yet. */
    public static CustomerProfile unknown(String customerRef) {
        return new CustomerProfile(customerRef == null ? "" : customerRef, DEFAULT_SEGMENT, false, DEFAULT_CONTACT, null);
    }
}
