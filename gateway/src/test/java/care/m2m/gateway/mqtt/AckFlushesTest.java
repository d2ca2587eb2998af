package care.m2m.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GIVEN a real Vert.x MQTT server whose endpoint got the flush consolidation, WHEN a Paho client's ten QoS 1
 * publishes are all acknowledged in one event-loop task outside any read (as a finished store batch does), THEN
 * the consolidation sits at the head of the connection's pipeline and every acknowledgement reaches the client,
 * in order. Also guards the field lookup: a Vert.x upgrade that renames the endpoint's socket fails here instead
 * of silently going back to one write per acknowledgement.
 */
@Timeout(30)
class AckFlushesTest {

    private static final int MESSAGES = 10;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theAcknowledgementsOfOneTaskAllArriveThroughTheConsolidatedPipeline() throws Exception {
        CompletableFuture<Boolean> consolidated = new CompletableFuture<>();
        CompletableFuture<Object> headHandler = new CompletableFuture<>();
        MqttServer server = MqttServer.create(vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(0))
                .endpointHandler(endpoint -> {
                    consolidated.complete(AckFlushes.consolidate(endpoint));
                    headHandler.complete(pipelineHead(endpoint));
                    List<Integer> received = new ArrayList<>();
                    endpoint.publishHandler(message -> {
                        received.add(message.messageId());
                        if (received.size() == MESSAGES) {
                            vertx.runOnContext(v -> received.forEach(endpoint::publishAcknowledge));
                        }
                    });
                    endpoint.accept(false);
                });
        int port = server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();

        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "ack-flushes", new MemoryPersistence());
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(MESSAGES);
            client.connect(options).waitForCompletion(10_000);
            List<IMqttDeliveryToken> tokens = new CopyOnWriteArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                tokens.add(client.publish("devices/ack-flushes/telemetry", ("m" + i).getBytes(), 1, false));
            }
            for (IMqttDeliveryToken token : tokens) {
                token.waitForCompletion(10_000);
                assertThat(token.isComplete()).isTrue();
                assertThat(token.getException()).isNull();
            }
            assertThat(consolidated.get(5, TimeUnit.SECONDS)).as("socket field found").isTrue();
            assertThat(headHandler.get(5, TimeUnit.SECONDS)).isInstanceOf(FlushConsolidationHandler.class);
        } finally {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }

    private static Object pipelineHead(MqttEndpoint endpoint) {
        try {
            Class<?> type = endpoint.getClass();
            NetSocketInternal socket = (NetSocketInternal) MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                    .findVarHandle(type, "conn", NetSocketInternal.class).get(endpoint);
            return socket.channelHandlerContext().pipeline().first();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
