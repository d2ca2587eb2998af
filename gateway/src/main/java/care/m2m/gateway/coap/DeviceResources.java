package care.m2m.gateway.coap;

import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.topics.Topics;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * The resource tree below {@code /m2m/v1}: any valid device id, then any message type of the contract.
 * Children are resolved from their names instead of being added one per device, so registering a device
 * needs no change here; any other path gets Californium's 4.04 (counted by {@link CountingDeliverer}).
 */
final class DeviceResources {

    private DeviceResources() {
    }

    /** Finds or makes the downlink resource of one device and type (per device, as observers are). */
    interface Downlinks {
        Resource resource(String deviceId, MessageType type);
    }

    /**
     * {@code /m2m/v1/...}: the uplink types go to the one resource that serves every device's uplink, the
     * downlink types to the device's own observable resource.
     */
    static Resource tree(Resource uplink, Downlinks downlinks) {
        CoapResource root = new CoapResource(Topics.ROOT);
        root.add(new VersionResource(uplink, downlinks));
        return root;
    }

    /** {@code v1}, whose children are the device ids: a short-lived node for every well-formed id. */
    private static final class VersionResource extends CoapResource {
        private final Resource uplink;
        private final Downlinks downlinks;

        VersionResource(Resource uplink, Downlinks downlinks) {
            super(Topics.VERSION);
            this.uplink = uplink;
            this.downlinks = downlinks;
        }

        @Override
        public Resource getChild(String name) {
            return Topics.isValidDeviceId(name) ? new DeviceNode(name, uplink, downlinks) : null;
        }
    }

    /** {@code {deviceId}/{type}}: the message types of the contract. */
    private static final class DeviceNode extends CoapResource {
        private final Resource uplink;
        private final Downlinks downlinks;

        DeviceNode(String deviceId, Resource uplink, Downlinks downlinks) {
            super(deviceId, false);
            this.uplink = uplink;
            this.downlinks = downlinks;
        }

        @Override
        public Resource getChild(String name) {
            return MessageType.fromSegment(name)
                    .map(type -> type.isUplink() ? uplink : downlinks.resource(getName(), type))
                    .orElse(null);
        }
    }
}
