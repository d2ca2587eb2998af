package care.m2m.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.messages.DeviceEvent;
import care.m2m.contracts.topics.MessageType;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.ingest.IngestListener;
import care.m2m.gateway.store.TelemetryPoint;
import care.m2m.gateway.support.RunningGateway;
import care.m2m.gateway.support.RunningGateway.DeviceCredentials;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.vertx.core.Context;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices post telemetry and events over plain CoAP (token in the query) to a gateway on its embedded
 * defaults: JSON and CBOR, confirmable and non-confirmable, small and block-wise; every 2.04 can be read
 * back with exactly the values sent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CoapTelemetryIngestTest {

    private static final String MODEL = "coffee-espresso-x1";

    @TempDir
    Path dataDir;
    private RunningGateway gateway;

    @BeforeEach
    void startGateway() {
        gateway = RunningGateway.embedded(dataDir);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    static String uri(RunningGateway gateway, DeviceCredentials creds, MessageType type) {
        return gateway.coapUrl() + "/m2m/v1/" + creds.id() + "/" + type.segment() + "?token=" + creds.secret();
    }

    @Test
    void confirmableJsonTelemetryIsStoredWithTheExactValues() {
        DeviceCredentials creds = gateway.register("espresso-0001", MODEL);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        try (CoapTestDevice device = CoapTestDevice.plain()) {
            CoapResponse response = device.post(uri(gateway, creds, MessageType.TELEMETRY), """
                    {"v":1,"ts":%d,"seq":7,"fw":"1.4.2","metrics":{"boiler_temp_c":93.25,"pump_pressure_bar":9.1,
                     "state":"brewing","brew_count_total":1234}}""".formatted(ts.toEpochMilli()));
            assertThat(response).isNotNull();
            assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        }

        JsonArray points = gateway.telemetry(creds.id()).getJsonArray("points");
        assertThat(points).hasSize(1);
        JsonObject point = points.getJsonObject(0);
        assertThat(point.getString("ts")).isEqualTo(ts.toString());
        assertThat(point.getJsonObject("values").getMap()).containsOnly(
                Map.entry("boiler_temp_c", 93.25), Map.entry("pump_pressure_bar", 9.1),
                Map.entry("state", "brewing"), Map.entry("brew_count_total", 1234.0));
        assertThat(gateway.metric("m2mcare_telemetry_accepted_total", "transport=\"coap\"")).isEqualTo(1.0);
        assertThat(gateway.metric("m2mcare_ack_latency_seconds_count", "transport=\"coap\""))
                .as("arrival to 2.04, counted before the response leaves").isEqualTo(1.0);
    }

    @Test
    void nonConfirmableCborTelemetryIsStoredLikeJson() throws Exception {
        DeviceCredentials creds = gateway.register("washer-0001", "washer-front-w7");
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        byte[] cbor = new CBORMapper().writeValueAsBytes(Map.of("v", 1, "ts", ts.toEpochMilli(),
                "metrics", Map.of("drum_rpm", 1200, "door_locked", true, "phase", "spin")));
        try (CoapTestDevice device = CoapTestDevice.plain()) {
            CoapResponse response = device.post(uri(gateway, creds, MessageType.TELEMETRY), cbor, 60, false);
            assertThat(response).isNotNull();
            assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        }

        JsonObject values = gateway.telemetry(creds.id()).getJsonArray("points").getJsonObject(0).getJsonObject("values");
        assertThat(values.getMap()).containsOnly(Map.entry("drum_rpm", 1200.0), Map.entry("door_locked", true),
                Map.entry("phase", "spin"));
    }

    @Test
    void aBlockWiseEventLargerThanOneBlockIsRecorded() {
        DeviceCredentials creds = gateway.register("espresso-0002", MODEL);
        String text = "x".repeat(500);
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            data.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("d".repeat(250)).append('"');
        }
        String json = """
                {"v":1,"kind":"error","code":"E_GRINDER_JAM","text":"%s","data":{%s}}""".formatted(text, data);
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(3000);

        try (CoapTestDevice device = CoapTestDevice.plain()) {
            CoapResponse response = device.post(uri(gateway, creds, MessageType.EVENTS), json);
            assertThat(response).isNotNull();
            assertThat(response.getCode()).as(response.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        }

        JsonArray events = new JsonObject(gateway.get("/api/v1/devices/espresso-0002/events").body()).getJsonArray("events");
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getString("text")).isEqualTo(text);
        assertThat(events.getJsonObject(0).getJsonObject("data").getString("k9")).isEqualTo("d".repeat(250));
    }

    @Test
    void requestsAreHandledOnAVertxEventLoop() {
        // GIVEN a listener noting on which thread each stored message is reported; the telemetry writer reports
        // on the caller's Vert.x context, or on its own thread when the caller had none
        List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
        gateway.app().ingest().addListener(new IngestListener() {
            @Override
            public void onTelemetry(Device device, TelemetryPoint point) {
                onEventLoop.add(Context.isOnEventLoopThread());
            }

            @Override
            public void onEvent(Device device, DeviceEvent event) {
                onEventLoop.add(Context.isOnEventLoopThread());
            }
        });
        DeviceCredentials creds = gateway.register("espresso-0003", MODEL);

        // WHEN the device posts twice (the second time its registry entry is cached, so nothing else switches threads)
        try (CoapTestDevice device = CoapTestDevice.plain()) {
            for (int i = 0; i < 2; i++) {
                CoapResponse response = device.post(uri(gateway, creds, MessageType.TELEMETRY),
                        "{\"v\":1,\"metrics\":{\"boiler_temp_c\":9" + i + ".5}}");
                assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
            }
        }

        // THEN both were handled on an event loop
        assertThat(onEventLoop).containsExactly(true, true);
    }
}
