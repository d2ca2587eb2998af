package care.m2m.sim.cli;

import care.m2m.contracts.codec.Encoding;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.FaultInjection;
import care.m2m.sim.firmware.FirmwareSettings;
import care.m2m.sim.run.OfflineSettings;
import care.m2m.sim.transport.Protocol;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** The option groups of {@code device-sim}; each group is one section of the help. */
final class SimOptions {

    static final String ALL_MODELS = Behaviours.ESPRESSO + "," + Behaviours.HEAT_PUMP + "," + Behaviours.WASHER + ","
            + Behaviours.CHARGER;

    private SimOptions() {
    }

    /** Where the gateway is and how devices talk to it. */
    static final class Gateway {
        @Option(names = "--gateway-url", paramLabel = "URL[,URL...]", defaultValue = "http://127.0.0.1:8080",
                split = ",", description = "Gateway HTTP base URL, for registering devices; several instances of a"
                        + " cluster separated by commas (tried in turn when one cannot be reached).")
        List<URI> gatewayUrl;

        @Option(names = "--mqtt-url", paramLabel = "URL[,URL...]", defaultValue = "tcp://127.0.0.1:1883",
                description = "MQTT broker URI (tcp:// or ssl://); several gateway instances separated by commas:"
                        + " each device starts at its own one and fails over to the next, like firmware.")
        String mqttUrl;

        @Option(names = "--admin-token", paramLabel = "TOKEN", showDefaultValue = Visibility.NEVER,
                description = "Admin API token. Default: $M2MCARE_ADMIN_TOKEN, else the token file.")
        String adminToken;

        @Option(names = "--admin-token-file", paramLabel = "FILE", defaultValue = "data/admin-token",
                description = "File the gateway wrote its admin token to.")
        Path adminTokenFile;

        @Option(names = "--coap-url", paramLabel = "URL", showDefaultValue = Visibility.NEVER,
                description = "Gateway CoAP URI for --protocol coap|coaps. Default: coap://127.0.0.1:5683, "
                        + "coaps://127.0.0.1:5684.")
        String coapUrl;

        @Option(names = "--protocol", paramLabel = "mqtt5|mqtt3|coap|coaps", defaultValue = "mqtt5",
                description = "What the devices speak: an MQTT version, CoAP with a token, or CoAP over DTLS-PSK.")
        Protocol protocol;

        @Option(names = "--encoding", paramLabel = "json|cbor", showDefaultValue = Visibility.NEVER,
                description = "Payload encoding of uplink messages. Default: json for MQTT, cbor for CoAP.")
        Encoding encoding;

        /** The server the devices talk to: the MQTT broker, or the CoAP endpoint for the protocol's scheme. */
        String serverUrl() {
            if (!protocol.isCoap()) {
                return mqttUrl;
            }
            if (coapUrl != null) {
                return coapUrl;
            }
            return protocol == Protocol.COAPS ? "coaps://127.0.0.1:5684" : "coap://127.0.0.1:5683";
        }

        Encoding encodingOrDefault() {
            if (encoding != null) {
                return encoding;
            }
            return protocol.isCoap() ? Encoding.CBOR : Encoding.JSON;
        }
    }

    /** Which devices run. */
    static final class Fleet {
        @Option(names = "--devices", paramLabel = "N", defaultValue = "10", description = "Number of devices.")
        int devices;

        @Option(names = "--models", paramLabel = "MODEL", split = ",", defaultValue = ALL_MODELS,
                description = "Device models, assigned in turn.")
        List<String> models;

        @Option(names = "--id-prefix", paramLabel = "PREFIX", defaultValue = "sim",
                description = "Device ids are PREFIX-0001, PREFIX-0002, ...")
        String idPrefix;

        @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "data/device-sim-credentials.csv",
                description = {"Device credentials (CSV id,model,secret, or JSON when named *.json). Devices in it are "
                        + "reused; missing ones are registered through the admin API and added to it."})
        Path credentials;

        @Option(names = "--provision-only", description = "Register the devices, write the credentials and stop.")
        boolean provisionOnly;
    }

    /** How much load they make. */
    static final class Load {
        @Option(names = "--rate", paramLabel = "MSG/S", defaultValue = "1.0",
                description = "Telemetry messages per second per device (fleet rate = devices x rate).")
        double rate;

        @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s",
                converter = DurationConverter.class, description = "Run time (30s, 5m, 2h); 0 runs until Ctrl-C.")
        Duration duration;

        @Option(names = "--max-inflight", paramLabel = "N", defaultValue = "10",
                description = "Unacknowledged QoS 1 messages per device; when full, samples are deferred.")
        int maxInflight;

        @Option(names = "--connect-rate", paramLabel = "N/S", defaultValue = "200",
                description = "New connections per second, so large fleets do not stampede.")
        double connectRate;

        @Option(names = "--ack-timeout", paramLabel = "DURATION", defaultValue = "30s",
                converter = DurationConverter.class, description = "A message without PUBACK after this counts as failed.")
        Duration ackTimeout;
    }

    /** How the products behave. */
    static final class Simulation {
        @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1",
                description = "Simulated seconds per real second; 60 shows a day of usage in 24 minutes.")
        double speed;

        @Option(names = "--seed", paramLabel = "SEED",
                description = "Random seed, to replay a run. Default: a new one, printed in the log.")
        Long seed;

        @Option(names = "--inject-fault", paramLabel = "CODE[@N|@all][:AFTER]", converter = FaultInjectionConverter.class,
                showDefaultValue = Visibility.NEVER, description = {"Inject a model fault into device N (counting from 0; default 0) or into all devices "
                        + "whose model has it, AFTER a delay (default 0). Repeatable."})
        List<FaultInjection> injections = new ArrayList<>();

        @Option(names = "--fault-rate", paramLabel = "P", defaultValue = "0",
                description = "Random faults per device and simulated hour.")
        double faultRate;

        @Option(names = "--repair-success", paramLabel = "P", defaultValue = "0.8",
                description = "Probability that a repair command clears its fault.")
        double repairSuccess;

        @Option(names = "--action-time-cap", paramLabel = "DURATION", defaultValue = "5s",
                converter = DurationConverter.class,
                description = "Longest real time a command's action takes (its model duration / speed, capped).")
        Duration actionTimeCap;

        @Option(names = "--offline-rate", paramLabel = "P", defaultValue = "0",
                description = {"Times per device and simulated hour that a device goes offline for a random 30 s to "
                        + "5 min of simulated time, then reconnects with its session. Simulated time: --speed "
                        + "makes episodes shorter and more frequent in real time, like --fault-rate."})
        double offlineRate;

        @Option(names = "--offline-kind", paramLabel = "clean|abrupt|mixed", defaultValue = "mixed",
                description = "How a device leaves: DISCONNECT, socket closed without it, or either at random.")
        OfflineSettings.Kind offlineKind;

        @Option(names = "--tip-follow", paramLabel = "P", defaultValue = "0",
                description = "Probability that a simulated customer follows a tip the device shows.")
        double tipFollow;

        @Option(names = "--tip-saving", paramLabel = "SHARE", defaultValue = "0.15",
                description = "Share of the product's energy a followed tip saves from then on: the known effect "
                        + "the gateway's tip-effectiveness measurement should recover.")
        double tipSaving;

        @Option(names = "--relapse-after-repair", paramLabel = "P", defaultValue = "0",
                description = "Probability that a fault cleared by a repair command comes back an hour (simulated) later.")
        double relapseAfterRepair;

        @Option(names = "--relapse-after-manual-fix", paramLabel = "P", defaultValue = "0",
                description = "Probability that a fault the customer fixed by hand (following its self-service tip, "
                        + "see --tip-follow) comes back: with --relapse-after-repair, the known effect of repairs on "
                        + "repeat faults that GET /api/v1/repairs/effect should recover.")
        double relapseAfterManualFix;

        OfflineSettings offline() {
            return new OfflineSettings(offlineRate, offlineKind);
        }

        FirmwareSettings firmware() {
            return new FirmwareSettings(repairSuccess, faultRate, actionTimeCap, tipFollow, tipSaving,
                    relapseAfterRepair, relapseAfterManualFix);
        }
    }

    /** What the run reports. */
    static final class Output {
        @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON.")
        Path summaryJson;

        @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "5s",
                converter = DurationConverter.class, description = "Progress line on stderr this often; 0 for none.")
        Duration progressInterval;
    }
}
