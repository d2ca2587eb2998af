package care.m2m.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.contracts.codec.Encoding;
import care.m2m.contracts.codec.MessageCodec;
import care.m2m.contracts.models.DeviceModels;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.contracts.topics.DeviceTopic;
import care.m2m.contracts.validation.ContractViolation;
import care.m2m.contracts.validation.TelemetryValidator;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAPMessageFormatException;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.MessageFormatException;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads a device's CoAP datagram before the store: Californium's
 * {@link UdpDataParser} on raw bytes (our {@link StrictUdpDataParser}, as the endpoints use it), then, for requests, the block options the
 * block-wise layer reads, our {@link CoapRequestOptions} (Uri-Path to device and type, Content-Format, Accept,
 * the token query) and the contract decoders and model check the ingest path runs on the payload. The only
 * acceptable refusals are Californium's {@link MessageFormatException} (the datagram is dropped and counted as
 * {@code malformed_datagram}) and our {@link ContractViolation} (a 4.xx answer). In the normal test run the fuzz
 * tests replay their seeds and a seeded mutation run of 20,000 datagrams; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/RELIABILITY.md).
 */
class CoapRequestFuzzTest {

    private static final UdpDataParser PARSER = new StrictUdpDataParser();
    private static final MessageCodec CODEC = new MessageCodec();
    private static final ModelCatalog MODELS = DeviceModels.builtIn();

    @FuzzTest(maxDuration = "30s")
    void rawDatagramsOnlyEverRefuseAsDocumented(FuzzedDataProvider data) {
        handle(data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void shapedRequestsOnlyEverRefuseAsDocumented(FuzzedDataProvider data) {
        boolean post = data.consumeBoolean();
        byte[] header;
        try {
            header = new UdpDataSerializer().getByteArray(shape(data, post));
        } catch (IllegalArgumentException refusedByTheClientApi) {
            // Californium will not build it (an option too long, say); such bytes are the raw target's job
            return;
        }
        byte[] payload = post ? data.consumeRemainingAsBytes() : new byte[0];
        // the payload goes on the wire as a device would send it, past the checks of Californium's client API
        byte[] datagram = java.util.Arrays.copyOf(header, header.length + (payload.length == 0 ? 0 : payload.length + 1));
        if (payload.length > 0) {
            datagram[header.length] = (byte) 0xFF;
            System.arraycopy(payload, 0, datagram, header.length + 1, payload.length);
        }
        handle(datagram);
    }

    /** A request with fuzzed path, queries, formats and block options, and no payload yet. */
    private static Request shape(FuzzedDataProvider data, boolean post) {
        Request request = post ? Request.newPost() : Request.newGet();
        request.setType(data.consumeBoolean() ? Type.CON : Type.NON);
        request.setMID(data.consumeInt(0, 0xFFFF));
        request.setToken(new Token(data.consumeBytes(8)));
        OptionSet options = request.getOptions();
        int segments = data.consumeInt(0, 6);
        for (int i = 0; i < segments; i++) {
            options.addUriPath(data.consumeString(70));
        }
        int queries = data.consumeInt(0, 3);
        for (int i = 0; i < queries; i++) {
            options.addUriQuery(data.consumeString(90));
        }
        if (data.consumeBoolean()) {
            options.setContentFormat(data.consumeInt(0, 0xFFFF));
        }
        if (data.consumeBoolean()) {
            options.setAccept(data.consumeInt(0, 0xFFFF));
        }
        if (data.consumeBoolean()) {
            options.setBlock1(data.consumeInt(0, 6), data.consumeBoolean(), data.consumeInt(0, 0xFFFFF));
        }
        if (data.consumeBoolean()) {
            options.setBlock2(data.consumeInt(0, 6), data.consumeBoolean(), data.consumeInt(0, 0xFFFFF));
        }
        return request;
    }

    @Test
    void aValidTelemetryDatagramGoesAllTheWayThrough() {
        Request request = validRequest();
        Message parsed = PARSER.parseMessage(new UdpDataSerializer().getByteArray(request));
        assertThat(parsed).isInstanceOf(Request.class);
        OptionSet options = parsed.getOptions();
        assertThat(CoapRequestOptions.topic(options).deviceId()).isEqualTo("espresso-0001");
        assertThat(CoapRequestOptions.contentFormat(options)).isEqualTo(Encoding.JSON);
        assertThat(CoapRequestOptions.token(options)).isEqualTo("secret");
        assertThat(CoapRequestOptions.accept(options)).isEqualTo(Encoding.CBOR);
        assertThatNoException().isThrownBy(() -> decode(CoapRequestOptions.topic(options), Encoding.JSON,
                parsed.getPayload()));
    }

    /** Found by the mutation run: Californium's own parser throws an exception its endpoint does not catch. */
    @Test
    void aBlockOptionSmallerThanThePayloadIsAMalformedDatagramAnswered400() {
        byte[] datagram = blockTooSmallForPayload();
        assertThatThrownBy(() -> new UdpDataParser().parseMessage(datagram)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exceeds the blocksize");
        assertThatThrownBy(() -> PARSER.parseMessage(datagram)).isInstanceOfSatisfying(CoAPMessageFormatException.class,
                e -> {
                    assertThat(e.getErrorCode()).isEqualTo(ResponseCode.BAD_REQUEST);
                    assertThat(e.isConfirmable()).isTrue();
                    assertThat(e.getMid()).isEqualTo(42);
                });
    }

    /** A confirmable POST whose Block1 option says 64-byte blocks but which carries 170 bytes. */
    static byte[] blockTooSmallForPayload() {
        Request request = validRequest();
        request.setPayload(new byte[60]);
        byte[] fits = new UdpDataSerializer().getByteArray(request);
        return java.util.Arrays.copyOf(fits, fits.length + 110);
    }

    @Test
    void twentyThousandMutatedDatagramsOnlyEverGetADocumentedRefusal() {
        byte[] valid = new UdpDataSerializer().getByteArray(validRequest());
        Random random = new Random(23);
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = mutate(random, valid);
            assertThatNoException().as("datagram %d", i).isThrownBy(() -> handle(datagram));
        }
    }

    /** What the endpoint and our resources do with one datagram; throws only on a crash. */
    static void handle(byte[] datagram) {
        Message message;
        try {
            message = PARSER.parseMessage(datagram);
        } catch (MessageFormatException dropped) {
            return;
        }
        if (!(message instanceof Request request)) {
            return;
        }
        OptionSet options = request.getOptions();
        readBlock(options.getBlock1());
        readBlock(options.getBlock2());
        CoapRequestOptions.token(options);
        CoapRequestOptions.accept(options);
        try {
            DeviceTopic topic = CoapRequestOptions.topic(options);
            if (request.getCode() == Code.POST) {
                decode(topic, CoapRequestOptions.contentFormat(options), request.getPayload());
            }
        } catch (ContractViolation refused) {
            // answered with a 4.xx naming what was wrong
        }
    }

    /** The decoding and model check of the ingest path, for the message type the path names. */
    private static void decode(DeviceTopic topic, Encoding encoding, byte[] payload) {
        switch (topic.type()) {
            case TELEMETRY -> TelemetryValidator.check(MODELS.require("coffee-espresso-x1"),
                    CODEC.decodeTelemetry(payload, encoding));
            case EVENTS -> TelemetryValidator.check(MODELS.require("coffee-espresso-x1"), CODEC.decodeEvent(payload, encoding));
            case COMMAND_RESULTS -> CODEC.decodeCommandResult(payload, encoding);
            default -> {
                // downlink types are refused before decoding (4.03)
            }
        }
    }

    /** What the block-wise layer reads from a block option. */
    private static void readBlock(BlockOption block) {
        if (block != null) {
            block.getOffset();
            block.getSize();
            block.isM();
            block.getNum();
        }
    }

    static Request validRequest() {
        Request request = Request.newPost();
        request.setMID(42);
        request.setToken(new Token(new byte[] {1, 2, 3, 4}));
        request.getOptions().setUriPath("m2m/v1/espresso-0001/telemetry").addUriQuery("token=secret")
                .setContentFormat(50).setBlock1(2, false, 0);
        request.setPayload("{\"v\":1,\"metrics\":{\"boiler_temp_c\":93.5,\"state\":\"ready\"}}".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** Flips bits, overwrites, truncates, duplicates or inserts bytes of a valid datagram. */
    private static byte[] mutate(Random random, byte[] valid) {
        byte[] out = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                case 3 -> {
                    byte[] longer = java.util.Arrays.copyOf(out, out.length + 1);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    longer[at] = (byte) random.nextInt(256);
                    out = longer;
                }
                default -> {
                    byte[] doubled = java.util.Arrays.copyOf(out, out.length * 2);
                    System.arraycopy(out, 0, doubled, out.length, out.length);
                    out = doubled.length > 1100 ? out : doubled;
                }
            }
        }
        return out;
    }
}
