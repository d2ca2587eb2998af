package care.m2m.sim.load;

import care.m2m.contracts.models.DeviceModels;
import care.m2m.sim.provision.CredentialsFile;
import care.m2m.sim.provision.DeviceCredentials;
import care.m2m.sim.provision.FleetPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code device-sim load}: the benchmark load generator. Unlike the fleet simulation it has no physics, faults or
 * downlink; it offers the same contract-valid QoS 1 telemetry to any MQTT server and measures what comes back.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        usageHelpWidth = 110,
        description = {"Benchmark load: N MQTT 3.1.1 devices on a few non-blocking Vert.x event loops publish "
                + "contract-valid JSON telemetry at QoS 1 and measure PUBACK latency and the acknowledged rate over a "
                + "steady window after a warm-up. The same load drives the gateway, Mosquitto or any broker.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every device connected and every message sent was acknowledged",
            "1:devices failed to connect, connections were lost, or messages stayed unacknowledged",
            "2:invalid command line"})
public final class LoadCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--mqtt-url", paramLabel = "URL", defaultValue = "tcp://127.0.0.1:1883",
            description = "MQTT server (tcp://host:port).")
    URI mqttUrl;

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "server", description = "Label for the report.")
    String target;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Device credentials written by `device-sim --provision-only`. Without it devices connect "
                    + "with generated ids and the id as password (for servers without authentication).")
    Path credentials;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "1000", description = "Devices to connect.")
    int devices;

    @Option(names = "--models", paramLabel = "MODEL", split = ",", defaultValue = "coffee-espresso-x1,"
            + "heatpump-air-w9,washer-front-w7,ev-charger-ac22", description = "Models of generated devices.")
    List<String> models;

    @Option(names = "--id-prefix", paramLabel = "PREFIX", defaultValue = "load", description = "Ids of generated devices.")
    String idPrefix;

    @Option(names = "--rate", paramLabel = "MSG/S", defaultValue = "0",
            description = "Fleet messages per second; 0 = saturate (each device keeps its window full).")
    double rate;

    @Option(names = "--window", paramLabel = "N", defaultValue = "10",
            description = "Unacknowledged QoS 1 messages per device.")
    int window;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "10s",
            converter = care.m2m.sim.cli.DurationConverter.class, description = "Warm-up before the measured window.")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
            converter = care.m2m.sim.cli.DurationConverter.class,
            description = "The measured window (with --idle: how long the connections are held).")
    Duration duration;

    @Option(names = "--idle", description = "Connect every device and hold the connections without publishing.")
    boolean idle;

    @Option(names = "--connect-rate", paramLabel = "N/S", defaultValue = "2000", description = "New connections per second.")
    double connectRate;

    @Option(names = "--source-addresses", paramLabel = "ADDR", split = ",",
            description = "Local addresses to spread connections over (127.0.0.1,127.0.0.2,...).")
    List<String> sourceAddresses = new ArrayList<>();

    @Option(names = "--event-loops", paramLabel = "N", defaultValue = "2", description = "Vert.x event loops.")
    int eventLoops;

    @Option(names = "--watch-pid", paramLabel = "PID[=NAME]",
            description = "Server process whose CPU and memory over the window are reported. Repeatable.")
    List<String> watch = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LoadSettings settings;
        List<DeviceCredentials> fleet;
        try {
            settings = new LoadSettings(mqttUrl.getHost(), mqttUrl.getPort() < 0 ? 1883 : mqttUrl.getPort(), rate,
                    window, warmup, duration, idle, connectRate, sourceAddresses, eventLoops);
            fleet = fleet();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PayloadTemplates templates = new PayloadTemplates(DeviceModels.builtIn(),
                fleet.stream().map(DeviceCredentials::model).distinct().toList(), 42);
        LoadResult result = new LoadRun(settings, fleet, templates, watched(), spec.commandLine().getErr())
                .run(target);
        LoadReport.printText(result, out);
        if (json != null) {
            JSON.writeValue(json.toFile(), result);
        }
        boolean clean = result.connected() == result.devices() && result.connectionsLost() == 0
                && result.unanswered() == 0 && result.lost() == 0;
        return clean ? 0 : 1;
    }

    private List<DeviceCredentials> fleet() {
        if (credentials != null) {
            List<DeviceCredentials> all = CredentialsFile.read(credentials);
            if (all.size() < devices) {
                throw new IllegalArgumentException("--credentials " + credentials + " has " + all.size()
                        + " devices, --devices asks for " + devices);
            }
            return all.subList(0, devices);
        }
        FleetPlan plan = new FleetPlan(devices, models, idPrefix);
        List<DeviceCredentials> generated = new ArrayList<>();
        for (int i = 1; i <= devices; i++) {
            generated.add(new DeviceCredentials(plan.deviceId(i), plan.model(i), plan.deviceId(i), null));
        }
        return generated;
    }

    private Map<Long, String> watched() {
        Map<Long, String> pids = new LinkedHashMap<>();
        pids.put(ProcessHandle.current().pid(), LoadResult.GENERATOR);
        for (String entry : watch) {
            String[] parts = entry.split("=", 2);
            try {
                pids.put(Long.parseLong(parts[0].strip()), parts.length > 1 ? parts[1] : "pid " + parts[0]);
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--watch-pid expects PID or PID=NAME, got '" + entry + "'");
            }
        }
        return pids;
    }
}
