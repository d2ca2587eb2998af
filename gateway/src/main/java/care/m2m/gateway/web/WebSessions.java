package care.m2m.gateway.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web sessions kept in memory: the browser holds only a random session id, the server knows whose it is.
 * Sessions expire after a while without use and are lost on restart (people sign in again); each carries its
 * own CSRF token for the forms it renders.
 */
public final class WebSessions {

    public static final Duration IDLE_TIMEOUT = Duration.ofHours(8);
    private static final int MAX_SESSIONS = 10_000;

    /**
     * One signed-in person: their role, the customer ref (customers) or role name, the CSRF token, and for
     * field service the bearer token the pages use on the ticket API (kept here, never sent to the browser).
     */
    public record Session(String id, Role role, String subject, String credential, String csrf, Instant lastUsed) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public WebSessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(Role role, String subject, String credential) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now));
        }
        Session session = new Session(randomId(), role, subject, credential, randomId(), now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle timer restarted; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session found = sessions.get(id);
        if (found == null) {
            return Optional.empty();
        }
        if (expired(found, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(found.id(), found.role(), found.subject(), found.credential(), found.csrf(),
                now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static boolean expired(Session s, Instant now) {
        return s.lastUsed().plus(IDLE_TIMEOUT).isBefore(now);
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
