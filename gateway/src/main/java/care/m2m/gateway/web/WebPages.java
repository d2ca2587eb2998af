package care.m2m.gateway.web;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.api.RouteGroup;
import care.m2m.gateway.mqtt.ConnectedDevices;
import care.m2m.gateway.records.RecordsDatabase;
import care.m2m.gateway.security.AuthThrottle;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.timeline.DeviceTimeline;
import care.m2m.gateway.tips.CustomerStore;
import care.m2m.gateway.tips.TipEvents;
import care.m2m.gateway.tips.TipEffectiveness;
import care.m2m.gateway.tips.TipService;
import care.m2m.gateway.tips.TipStore;
import care.m2m.gateway.users.UserStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;

/**
 * The web pages under {@code /web}: sign-in, the customer's self-service pages, the operator's fleet overview,
 * the field-service ticket queue,
 * and the browser libraries (htmx, Chart.js) served from their WebJars inside the gateway jar, so the pages
 * work offline and the Maven build alone builds them.
 */
public final class WebPages implements RouteGroup {

    /**
     * What the pages read and call; the customer part shares the customer API's services, and sign-in hashes
     * passwords on its own small worker pool so a burst of logins cannot starve the queries.
     */
    public record Dependencies(Vertx vertx, AdminToken admin, AdminToken fieldService, CustomerStore customers,
            TipService tips, TipEvents events, DeviceRegistry registry, DeviceTimeline timeline, TelemetryStore store,
            RecordsDatabase records, MeterRegistry meters, ConnectedDevices connected, AuthThrottle throttle,
            WorkerExecutor workers, Clock clock, UserStore users, WorkerExecutor passwordWorkers) {
    }

    private final Dependencies deps;

    public WebPages(Dependencies deps) {
        this.deps = deps;
    }

    @Override
    public void mount(Router router) {
        router.route("/web/assets/lib/*").handler(StaticHandler.create("META-INF/resources/webjars")
                .setCachingEnabled(true).setMaxAgeSeconds(86_400).setDirectoryListing(false));
        router.route("/web/assets/*").handler(StaticHandler.create("web/static").setDirectoryListing(false));
        WebSessions sessions = new WebSessions(deps.clock());
        Templates templates = new Templates(deps.vertx());
        new LoginPages(sessions, templates, deps.customers(), deps.admin(), deps.fieldService(), deps.workers(),
                deps.throttle(), new PasswordSignIn(deps.users(), deps.fieldService(), deps.passwordWorkers(),
                        deps.throttle())).mount(router);
        new CustomerPages(new CustomerPages.Dependencies(deps.tips(), deps.events(), deps.registry(),
                deps.timeline(), deps.store(), deps.connected(), deps.workers(), deps.clock()), templates)
                .mount(router, new WebAuth(sessions, Role.CUSTOMER));
        new OperatorPages(new FleetNumbers(deps.records(), deps.meters(), deps.connected()::count,
                new TipEffectiveness(new TipStore(deps.records()), deps.store()), deps.clock()),
                templates, deps.workers()).mount(router, new WebAuth(sessions, Role.OPERATOR));
        new FieldServicePages(new TicketApi(deps.vertx()), templates, deps.clock())
                .mount(router, new WebAuth(sessions, Role.FIELD_SERVICE));
    }
}
