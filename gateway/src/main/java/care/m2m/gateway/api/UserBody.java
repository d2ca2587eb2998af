package care.m2m.gateway.api;

import care.m2m.gateway.security.PasswordHash;
import care.m2m.gateway.users.User;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code POST /api/v1/admin/users}: user name, role, password (10 to 128 characters) and, for a
 * customer, the customer reference. The password is only checked here; hashing happens on a worker thread.
 */
record UserBody(String username, User.Role role, String password, String customerRef) {

    static final int MAX_PASSWORD_LENGTH = 128;

    @Override
    public String toString() {
        return "UserBody[username=" + username + ", role=" + role + ", customerRef=" + customerRef + "]";
    }

    static UserBody of(JsonObject body) {
        String username;
        User.Role role;
        try {
            username = User.normalize(Json.requiredText(body, "username"));
            role = User.Role.parse(Json.requiredText(body, "role"));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        Object rawPassword = body.getValue("password");
        if (!(rawPassword instanceof String password) || password.length() < PasswordHash.MIN_PASSWORD_LENGTH) {
            throw Problem.badRequest("password: expected at least " + PasswordHash.MIN_PASSWORD_LENGTH
                    + " characters, got " + (rawPassword instanceof String s ? s.length() + "" : "none"));
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw Problem.badRequest("password: expected at most " + MAX_PASSWORD_LENGTH + " characters, got "
                    + password.length());
        }
        String customerRef = role == User.Role.CUSTOMER ? Json.optionalText(body, "customerRef") : null;
        if (role == User.Role.CUSTOMER && customerRef == null) {
            throw Problem.badRequest("customerRef: required for a user with role CUSTOMER");
        }
        return new UserBody(username, role, password, customerRef);
    }
}
