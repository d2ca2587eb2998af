package care.m2m.gateway.coap;

import care.m2m.contracts.validation.ContractViolation.Reason;
import care.m2m.gateway.ingest.IngestException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;

/**
 * The one place that turns gateway failures into CoAP answers (see the table in {@code gateway/COAP.md}).
 * Every refusal carries a plain-text diagnostic payload, because a constrained device's log line is often
 * the only clue its developer gets; "retry later" answers carry Max-Age, which CoAP clients read as the
 * time to wait before trying again.
 */
final class CoapResponseCodes {

    /** How long a device should wait before retrying after 5.03 Service Unavailable. */
    static final int RETRY_AFTER_SECONDS = 30;
    private static final int MAX_DIAGNOSTIC_CHARS = 400;

    private CoapResponseCodes() {
    }

    /** 2.04 Changed: the message is durable. */
    static Response changed() {
        return new Response(ResponseCode.CHANGED);
    }

    static Response failure(IngestException failure) {
        return switch (failure.kind()) {
            case INVALID -> diagnostic(invalidCode(failure.reason()), failure.getMessage());
            case NOT_AUTHORIZED -> diagnostic(ResponseCode.FORBIDDEN, failure.getMessage());
            case UNAVAILABLE, OVERLOADED -> retryLater(failure.kind() == IngestException.Kind.OVERLOADED
                    ? "gateway overloaded, retry later" : "store unavailable, retry later");
        };
    }

    static Response refusal(CoapRefusal refusal) {
        return switch (refusal.kind()) {
            case UNAUTHENTICATED -> diagnostic(ResponseCode.UNAUTHORIZED, refusal.getMessage());
            case UNAVAILABLE -> retryLater(refusal.getMessage());
            case THROTTLED -> {
                Response response = diagnostic(ResponseCode.TOO_MANY_REQUESTS, refusal.getMessage());
                response.getOptions().setMaxAge(RETRY_AFTER_SECONDS);
                yield response;
            }
        };
    }

    private static ResponseCode invalidCode(String reason) {
        if (Reason.UNSUPPORTED_ENCODING.tag().equals(reason)) {
            return ResponseCode.UNSUPPORTED_CONTENT_FORMAT;
        }
        if (Reason.PAYLOAD_TOO_LARGE.tag().equals(reason)) {
            return ResponseCode.REQUEST_ENTITY_TOO_LARGE;
        }
        if ("invalid_topic".equals(reason)) {
            return ResponseCode.NOT_FOUND;
        }
        return ResponseCode.BAD_REQUEST;
    }

    private static Response retryLater(String text) {
        Response response = diagnostic(ResponseCode.SERVICE_UNAVAILABLE, text);
        response.getOptions().setMaxAge(RETRY_AFTER_SECONDS);
        return response;
    }

    private static Response diagnostic(ResponseCode code, String text) {
        Response response = new Response(code);
        String shortened = text == null ? code.name()
                : text.length() <= MAX_DIAGNOSTIC_CHARS ? text : text.substring(0, MAX_DIAGNOSTIC_CHARS) + "...";
        response.setPayload(shortened);
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        return response;
    }
}
