package care.m2m.gateway.api;

import care.m2m.gateway.devices.DeviceAlreadyExistsException;
import care.m2m.gateway.devices.UnknownModelException;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP error mapper: every failure of a route ends here and leaves as problem+json, with known
 * exceptions mapped to their status and anything unexpected to a 500 that does not leak internals.
 */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static Problem toProblem(Throwable failure, int statusCode) {
        if (failure instanceof Problem p) {
            return p;
        }
        if (failure instanceof DeviceAlreadyExistsException) {
            return Problem.conflict(failure.getMessage());
        }
        if (failure instanceof UnknownModelException || failure instanceof IllegalArgumentException) {
            return Problem.badRequest(failure.getMessage());
        }
        if (failure == null) {
            return switch (statusCode) {
                case 404 -> Problem.notFound("no such resource");
                case 405 -> new Problem(405, "method-not-allowed", "Method not allowed", "this method is not allowed here");
                case 413 -> new Problem(413, "too-large", "Payload too large", "the request body is too large");
                case 415 -> new Problem(415, "unsupported-media-type", "Unsupported media type", "send application/json");
                default -> new Problem(statusCode, "error", "Error", "the request failed with status " + statusCode);
            };
        }
        LOG.error("Unexpected failure in HTTP API", failure);
        return new Problem(500, "internal", "Internal error", "an unexpected error occurred; see the gateway log");
    }

    static void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.CONTENT_TYPE)
                .end(problem.toJson(ctx.request().path()).encode());
    }

    static void handle(RoutingContext ctx) {
        send(ctx, toProblem(ctx.failure(), ctx.statusCode()));
    }
}
