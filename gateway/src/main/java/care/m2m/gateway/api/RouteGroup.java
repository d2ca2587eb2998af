package care.m2m.gateway.api;

import io.vertx.ext.web.Router;

/** A feature's routes, mounted by {@link HttpApi} behind the same authentication and error handling. */
public interface RouteGroup {

    void mount(Router router);
}
