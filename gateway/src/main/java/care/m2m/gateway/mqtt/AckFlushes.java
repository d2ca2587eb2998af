package care.m2m.gateway.mqtt;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the acknowledgements of one store batch leave a connection in one socket write instead of one each.
 *
 * <p>A PUBACK is sent when its batch is durable, outside any read of the connection, and Vert.x flushes every
 * such write at once: one {@code write(2)} per acknowledgement, the largest single cost of the ingest path in a
 * profile (a sixth of the gateway's CPU under load). Netty's {@link FlushConsolidationHandler} at the head of the
 * pipeline turns the flushes of one event-loop task into one, done by a task queued right behind it, so a device
 * whose several messages were in one batch gets its acknowledgements in one segment, a few microseconds later
 * at most. Vert.x's MQTT endpoint does not expose its channel, so the socket is read from the endpoint's field
 * once per class; if a later Vert.x renames it, connections simply keep the per-acknowledgement flushes. A
 * connection gets it with its first QoS 1/2 PUBLISH, so idle devices do not carry the handler.
 */
final class AckFlushes {

    private static final Logger LOG = LoggerFactory.getLogger(AckFlushes.class);
    static final String HANDLER_NAME = "m2mcare-flush-consolidation";
    private static final Optional<VarHandle> SOCKET = socketField();

    private AckFlushes() {
    }

    /** Adds the consolidation to the endpoint's pipeline; returns whether it could. */
    static boolean consolidate(MqttEndpoint endpoint) {
        if (SOCKET.isEmpty()) {
            return false;
        }
        try {
            if (SOCKET.get().get(endpoint) instanceof NetSocketInternal socket) {
                ChannelPipeline pipeline = socket.channelHandlerContext().pipeline();
                if (pipeline.get(HANDLER_NAME) == null) {
                    pipeline.addFirst(HANDLER_NAME, new FlushConsolidationHandler(
                            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
                }
                return true;
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not consolidate the flushes of {}: {}", endpoint.clientIdentifier(), e.toString());
        }
        return false;
    }

    private static Optional<VarHandle> socketField() {
        try {
            Class<?> type = Class.forName("io.vertx.mqtt.impl.MqttEndpointImpl");
            return Optional.of(MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findVarHandle(type, "conn", NetSocketInternal.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("MQTT acknowledgements are flushed one by one: this Vert.x MQTT has no socket field ({})",
                    e.toString());
            return Optional.empty();
        }
    }
}
