package care.m2m.gateway.coap;

import java.nio.charset.StandardCharsets;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * A device as the tests see it: a real Californium client with its own endpoint (plain UDP, or DTLS with a
 * pre-shared key), configured in code so that no {@code Californium3.properties} file is written.
 */
final class CoapTestDevice implements AutoCloseable {

    static final long TIMEOUT_MS = 10_000;

    private final CoapEndpoint endpoint;
    private final CoapClient client = new CoapClient();

    private CoapTestDevice(CoapEndpoint endpoint) {
        this.endpoint = endpoint;
        client.setEndpoint(endpoint);
        client.setTimeout(TIMEOUT_MS);
    }

    static CoapTestDevice plain() {
        return new CoapTestDevice(new CoapEndpoint.Builder().setConfiguration(CoapConfigurations.defaults()).build());
    }

    /** A DTLS client presenting {@code identity} with the PSK whose ASCII text is {@code psk}. */
    static CoapTestDevice dtls(String identity, String psk) {
        Configuration config = CoapConfigurations.defaults();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY)
                .set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, psk.getBytes(StandardCharsets.US_ASCII)))
                .build();
        return new CoapTestDevice(new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build());
    }

    /** POSTs and waits for the answer; null when none came (timeout, failed handshake). */
    CoapResponse post(String uri, byte[] payload, int contentFormat, boolean confirmable) {
        Request request = Request.newPost();
        request.setURI(uri);
        request.setType(confirmable ? Type.CON : Type.NON);
        request.setPayload(payload);
        if (contentFormat >= 0) {
            request.getOptions().setContentFormat(contentFormat);
        }
        try {
            return client.advanced(request);
        } catch (Exception e) {
            return null;
        }
    }

    /** Observes {@code uri} (waiting for the first answer) asking for {@code accept} (-1: none); notifications go to {@code handler}. */
    CoapObserveRelation observe(String uri, int accept, CoapHandler handler) {
        Request request = Request.newGet();
        request.setURI(uri);
        request.setObserve();
        if (accept >= 0) {
            request.getOptions().setAccept(accept);
        }
        try {
            return client.observeAndWait(request, handler);
        } catch (Exception e) {
            throw new IllegalStateException("observe of " + uri + " failed: " + e, e);
        }
    }

    /** Sends one GET with Observe: 0 and returns the answer, for observes that are meant to be refused. */
    CoapResponse observeOnce(String uri) {
        Request request = Request.newGet();
        request.setURI(uri);
        request.setObserve();
        try {
            return client.advanced(request);
        } catch (Exception e) {
            return null;
        }
    }

    CoapResponse post(String uri, String json) {
        return post(uri, json.getBytes(StandardCharsets.UTF_8), 50, true);
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }
}
