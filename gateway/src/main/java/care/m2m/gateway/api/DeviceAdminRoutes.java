package care.m2m.gateway.api;

import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.devices.DevicePsks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin API for the device registry: register a device (its secret is returned this once), list, read,
 * rotate the secret, delete. Mounted behind {@link AdminAuth}. Registration also returns the device's DTLS
 * pre-shared key ({@code psk}), derived from the gateway's PSK master key rather than stored (see
 * {@link DevicePsks}).
 */
final class DeviceAdminRoutes {

    static final String BASE = "/api/v1/admin/devices";
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final DeviceDirectory directory;
    private final DevicePsks psks;

    DeviceAdminRoutes(DeviceDirectory directory, DevicePsks psks) {
        this.directory = directory;
        this.psks = psks;
    }

    void mount(Router router) {
        router.post(BASE).handler(this::register);
        router.get(BASE).handler(this::list);
        router.get(BASE + "/:id").handler(this::get);
        router.delete(BASE + "/:id").handler(this::delete);
        router.post(BASE + "/:id/secret").handler(this::rotateSecret);
    }

    private void register(RoutingContext ctx) {
        DeviceRegistrationBody body = DeviceRegistrationBody.of(Json.body(ctx));
        directory.register(body.id(), body.model(), body.customerRef(), body.location())
                .onSuccess(r -> ctx.response()
                        .setStatusCode(201)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Location", BASE + "/" + r.device().id())
                        .end(toJson(r.device()).put("secret", r.secret())
                                .put("psk", psks.psk(r.device().id())).encode()))
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        int limit = Json.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        String after = ctx.queryParams().get("after");
        directory.list(after, limit).onSuccess(devices -> {
            JsonArray items = new JsonArray();
            devices.forEach(d -> items.add(toJson(d)));
            JsonObject page = new JsonObject().put("devices", items);
            if (devices.size() == limit) {
                page.put("next", BASE + "?limit=" + limit + "&after=" + devices.get(devices.size() - 1).id());
            }
            Json.ok(ctx, page);
        }).onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        directory.find(id).onSuccess(found -> found.ifPresentOrElse(
                d -> Json.ok(ctx, toJson(d)),
                () -> ctx.fail(Problem.notFound("no device with id '" + id + "'"))))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        directory.delete(id).onSuccess(deleted -> {
            if (deleted) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.fail(Problem.notFound("no device with id '" + id + "'"));
            }
        }).onFailure(ctx::fail);
    }

    private void rotateSecret(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        directory.rotateSecret(id).onSuccess(secret -> secret.ifPresentOrElse(
                s -> Json.ok(ctx, new JsonObject().put("id", id).put("secret", s)),
                () -> ctx.fail(Problem.notFound("no device with id '" + id + "'"))))
                .onFailure(ctx::fail);
    }

    static JsonObject toJson(Device d) {
        return new JsonObject()
                .put("id", d.id())
                .put("model", d.model())
                .put("customerRef", d.customerRef())
                .put("location", d.location())
                .put("firmware", d.firmware())
                .put("createdAt", d.createdAt().toString())
                .put("lastSeenAt", d.lastSeenAt() == null ? null : d.lastSeenAt().toString());
    }
}
