package care.m2m.gateway.coap;

import care.m2m.gateway.metrics.GatewayMetrics;
import org.eclipse.californium.core.network.interceptors.MalformedMessageInterceptor;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.RawData;

/**
 * Counts datagrams that Californium could not parse as CoAP ({@code m2mcare_packets_rejected_total
 * {reason="malformed_datagram"}}). Californium drops them inside its endpoint (answering a confirmable one with
 * RST or 4.02 where it can) and tells only the endpoint's {@link MalformedMessageInterceptor}s, which is this
 * hook (registered with {@code CoapEndpoint.addPostProcessInterceptor}, the only list Californium 3.14
 * notifies of malformed messages). On the DTLS endpoint it sees what an authenticated peer sent inside the session; garbage that is not a
 * DTLS record is dropped by Scandium before CoAP parsing and never reaches it.
 */
final class MalformedDatagramCounter extends MessageInterceptorAdapter implements MalformedMessageInterceptor {

    static final String REASON = "malformed_datagram";

    private final GatewayMetrics metrics;
    private final String transport;

    MalformedDatagramCounter(GatewayMetrics metrics, String transport) {
        this.metrics = metrics;
        this.transport = transport;
    }

    @Override
    public void receivedMalformedMessage(RawData message) {
        metrics.rejected("packets", transport, REASON);
    }
}
