package care.m2m.gateway.web;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.security.AuthThrottle;
import care.m2m.gateway.security.PasswordHash;
import care.m2m.gateway.users.User;
import care.m2m.gateway.users.UserStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a username and password against the {@code users} table and says whose session to open. Guessing is
 * throttled per username and per address through the gateway's shared {@link AuthThrottle}; the slow hash runs
 * on the password workers; an unknown name costs as much time as a wrong password, so the answer does not tell
 * which usernames exist. A technician's session carries the field-service token for the ticket API calls the
 * pages make server-side.
 */
final class PasswordSignIn {

    /** What came of one attempt. */
    sealed interface Outcome permits Throttled, Refused, Accepted {
    }

    /** Too many wrong passwords for this name or from this address lately; nothing was checked. */
    record Throttled() implements Outcome {
    }

    /** Wrong password or unknown user (deliberately the same answer). */
    record Refused() implements Outcome {
    }

    /** Signed in: the session's role, subject (customer ref or username) and server-side API credential. */
    record Accepted(Role role, String subject, String credential) implements Outcome {
    }

    /** Longer names cannot exist; cutting them keeps the throttle's keys small whatever a client posts. */
    private static final int MAX_NAME = 64;

    private final UserStore users;
    private final AdminToken fieldService;
    private final WorkerExecutor passwordWorkers;
    private final AuthThrottle throttle;

    PasswordSignIn(UserStore users, AdminToken fieldService, WorkerExecutor passwordWorkers, AuthThrottle throttle) {
        this.users = users;
        this.fieldService = fieldService;
        this.passwordWorkers = passwordWorkers;
        this.throttle = throttle;
    }

    Future<Outcome> check(String address, String username, String password) {
        String trimmed = username.trim().toLowerCase(Locale.ROOT);
        String name = trimmed.length() > MAX_NAME ? trimmed.substring(0, MAX_NAME + 1) : trimmed;
        String userKey = "web-user:" + name;
        String addressKey = "web-login:" + address;
        if (throttle.blocked(userKey, addressKey)) {
            return Future.succeededFuture(new Throttled());
        }
        return passwordWorkers.executeBlocking(() -> verify(name, password), false).map(user -> {
            if (user.isEmpty()) {
                throttle.failure(userKey, addressKey);
                return new Refused();
            }
            throttle.success(userKey);
            User u = user.get();
            return switch (u.role()) {
                case CUSTOMER -> new Accepted(Role.CUSTOMER, u.customerRef(), null);
                case OPERATOR -> new Accepted(Role.OPERATOR, u.username(), null);
                case TECHNICIAN -> new Accepted(Role.FIELD_SERVICE, u.username(), fieldService.value());
            };
        });
    }

    private Optional<User> verify(String name, String password) {
        Optional<User> user;
        try {
            user = users.find(User.normalize(name));
        } catch (IllegalArgumentException e) {
            user = Optional.empty();
        }
        if (user.isEmpty()) {
            PasswordHash.verifyNobody(password);
            return Optional.empty();
        }
        return PasswordHash.verify(password, user.get().passwordHash()) ? user : Optional.empty();
    }
}
