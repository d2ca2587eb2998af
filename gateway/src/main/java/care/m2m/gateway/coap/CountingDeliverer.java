package care.m2m.gateway.coap;

import care.m2m.gateway.metrics.GatewayMetrics;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.server.DelivererException;
import org.eclipse.californium.core.server.ServerMessageDeliverer;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;

/**
 * Counts the refusals Californium makes by itself, before any resource of ours runs: requests to paths
 * outside the contract (4.04, {@code unknown_path}) and bodies larger than the configured maximum (4.13 from
 * the block-wise layer, {@code payload_too_large}). Our own resources never answer 4.13, so counting
 * every 4.13 that leaves the endpoint counts each of them once.
 */
final class CountingDeliverer extends ServerMessageDeliverer {

    private final GatewayMetrics metrics;

    CountingDeliverer(Resource root, Configuration config, GatewayMetrics metrics) {
        super(root, config);
        this.metrics = metrics;
    }

    @Override
    protected Resource findResource(List<String> path) throws DelivererException {
        Resource resource;
        try {
            resource = super.findResource(path);
        } catch (DelivererException e) {
            metrics.rejected("packets", CoapTransport.TRANSPORT, "unknown_path");
            throw e;
        }
        if (resource == null) {
            metrics.rejected("packets", CoapTransport.TRANSPORT, "unknown_path");
        }
        return resource;
    }

    /** Endpoint interceptor counting the 4.13 answers of the block-wise layer. */
    static final class TooLargeCounter extends MessageInterceptorAdapter {
        private final GatewayMetrics metrics;

        TooLargeCounter(GatewayMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void sendResponse(Response response) {
            if (response.getCode() == ResponseCode.REQUEST_ENTITY_TOO_LARGE) {
                metrics.rejected("packets", CoapTransport.TRANSPORT, "payload_too_large");
            }
        }
    }
}
