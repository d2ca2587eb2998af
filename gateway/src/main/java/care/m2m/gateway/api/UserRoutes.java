package care.m2m.gateway.api;

import care.m2m.gateway.security.PasswordHash;
import care.m2m.gateway.users.User;
import care.m2m.gateway.users.UserStore;
import care.m2m.gateway.users.UserStore.UsernameTakenException;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * {@code POST /api/v1/admin/users}: an operator creates a person who signs in to the web pages with a
 * username and password (behind the admin token like all of {@code /api/v1/admin}). The password is hashed
 * on the password workers, since the KDF is slow on purpose, and never stored or echoed.
 */
public final class UserRoutes implements RouteGroup {

    private final UserStore users;
    private final WorkerExecutor passwordWorkers;
    private final Clock clock;

    public UserRoutes(UserStore users, WorkerExecutor passwordWorkers, Clock clock) {
        this.users = users;
        this.passwordWorkers = passwordWorkers;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/v1/admin/users").handler(this::create);
    }

    private void create(RoutingContext ctx) {
        UserBody body = UserBody.of(Json.body(ctx));
        passwordWorkers.executeBlocking(() -> {
            User user = new User(body.username(), body.role(), body.customerRef(), PasswordHash.hash(body.password()),
                    clock.instant());
            users.create(user);
            return user;
        }, false).onSuccess(user -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("username", user.username()).put("role", user.role().name())
                        .put("customerRef", user.customerRef()).put("createdAt", user.createdAt().toString()).encode()))
                .onFailure(e -> ctx.fail(e instanceof UsernameTakenException ? Problem.conflict(e.getMessage()) : e));
    }
}
