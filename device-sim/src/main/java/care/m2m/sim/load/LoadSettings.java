package care.m2m.sim.load;

import java.time.Duration;
import java.util.List;

/**
 * One load run, validated.
 *
 * @param host            MQTT server host
 * @param port            MQTT server port
 * @param rate            fleet messages per second; 0 = as fast as each device's window allows (saturation)
 * @param window          unacknowledged QoS 1 messages a device may have in flight
 * @param warmup          time after all devices connected before the measured window starts
 * @param steady          the measured window
 * @param idle            connect and hold the connections for {@code steady} without publishing (connection cost)
 * @param connectRate     new connections per second
 * @param sourceAddresses local addresses the connections are spread over (more than ~28k connections to one port
 *                        need several, for example 127.0.0.2, 127.0.0.3)
 * @param eventLoops      Vert.x event loops the devices are spread over
 */
public record LoadSettings(String host, int port, double rate, int window, Duration warmup, Duration steady,
        boolean idle, double connectRate, List<String> sourceAddresses, int eventLoops) {

    public LoadSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("MQTT port must be 1..65535, got " + port);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must be 0 (saturate) or positive, got " + rate);
        }
        if (window < 1 || window > 65535) {
            throw new IllegalArgumentException("--window must be 1..65535, got " + window);
        }
        if (warmup.isNegative() || steady.isNegative() || steady.isZero()) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --duration > 0");
        }
        if (connectRate <= 0) {
            throw new IllegalArgumentException("--connect-rate must be positive, got " + connectRate);
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("--event-loops must be at least 1, got " + eventLoops);
        }
        sourceAddresses = List.copyOf(sourceAddresses);
    }
}
