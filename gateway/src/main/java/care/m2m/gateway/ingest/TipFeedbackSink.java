package care.m2m.gateway.ingest;

import care.m2m.contracts.messages.TipFeedback;
import io.vertx.core.Future;

/**
 * Takes what a customer did with a tip on the device's display. The future succeeds once the new state is
 * stored, which is when the device gets its acknowledgement; it fails with an {@link IngestException}.
 */
@FunctionalInterface
public interface TipFeedbackSink {

    Future<Void> accept(String deviceId, TipFeedback feedback);
}
