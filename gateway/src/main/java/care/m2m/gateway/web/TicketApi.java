package care.m2m.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The field-service pages talk to the ticket API over the gateway's own HTTP port, with the technician's
 * bearer token from their server-side session: the pages get exactly the API's rules (authentication,
 * transitions, validation) and stay independent of how the ticket feature is built inside.
 */
final class TicketApi {

    /** The API's answer: status code and JSON body (a problem+json document when it refused). */
    record Answer(int status, JsonObject body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** What went wrong, in the API's words. */
        String problem() {
            return body.getString("detail", body.getString("title", "the ticket API answered " + status));
        }
    }

    private final HttpClient client;

    TicketApi(Vertx vertx) {
        this.client = vertx.createHttpClient();
    }

    Future<Answer> get(RoutingContext ctx, String token, String path) {
        return call(ctx, token, HttpMethod.GET, path, null);
    }

    Future<Answer> post(RoutingContext ctx, String token, String path, JsonObject body) {
        return call(ctx, token, HttpMethod.POST, path, body);
    }

    private Future<Answer> call(RoutingContext ctx, String token, HttpMethod method, String path, JsonObject body) {
        SocketAddress local = ctx.request().localAddress();
        RequestOptions options = new RequestOptions().setMethod(method).setHost(local.hostAddress())
                .setPort(local.port()).setURI(path).putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> body == null ? request.send()
                        : request.putHeader("Content-Type", "application/json").send(body.toBuffer()))
                .compose(response -> response.body().map(buffer -> new Answer(response.statusCode(),
                        buffer.length() == 0 ? new JsonObject() : buffer.toJsonObject())));
    }
}
