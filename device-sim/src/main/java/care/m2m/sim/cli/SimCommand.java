package care.m2m.sim.cli;

import care.m2m.contracts.models.DeviceModels;
import care.m2m.sim.behaviour.Behaviours;
import care.m2m.sim.firmware.Firmware;
import care.m2m.sim.load.LoadCommand;
import care.m2m.sim.provision.AdminClient;
import care.m2m.sim.provision.FleetPlan;
import care.m2m.sim.provision.ProvisioningException;
import care.m2m.sim.provision.Provisioner;
import care.m2m.sim.run.FleetRunner;
import care.m2m.sim.run.RunSettings;
import care.m2m.sim.stats.Summary;
import care.m2m.sim.stats.SummaryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code device-sim} command: provisions a fleet through the gateway's admin API (or reuses its credentials
 * file), runs it over MQTT for a while and prints a summary. The exit code tells CI whether every message the
 * fleet sent got an answer from the gateway.
 */
@Command(name = "device-sim", mixinStandardHelpOptions = true, subcommands = LoadCommand.class, sortOptions = false, showDefaultValues = true,
        usageHelpWidth = 110, version = "M2M Care device-sim, simulated firmware " + Firmware.VERSION,
        description = {"Simulates a fleet of connected products (espresso machines, heat pumps, washers, EV chargers) "
                + "that register at an M2M Care gateway, publish realistic telemetry over MQTT at QoS 1 or CoAP, raise fault "
                + "events and obey repair commands; and measures what the gateway acknowledges and how fast.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every sent message was acknowledged, or rejected with a reason code",
            "1:messages failed (no PUBACK in time, lost with the connection), no device connected, or provisioning "
                + "failed",
            "2:invalid command line or fleet"},
        footerHeading = "%nEnvironment:%n",
        footer = {"Each option can also be set as M2MCARE_SIM_<OPTION>, for example M2MCARE_SIM_MQTT_URL or "
                + "M2MCARE_SIM_DEVICES; the command line wins.",
            "",
            "Examples:",
            "  device-sim --devices 100 --rate 2 --duration 5m --summary-json run.json",
            "  device-sim --devices 4 --speed 60 --inject-fault E_BOILER_OVERHEAT@0:30s",
            "  device-sim --devices 200 --fault-rate 0.5 --offline-rate 1 --offline-kind abrupt --duration 10m"})
public final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(validate = false, heading = "%nGateway:%n", order = 1)
    SimOptions.Gateway gateway = new SimOptions.Gateway();

    @ArgGroup(validate = false, heading = "%nFleet:%n", order = 2)
    SimOptions.Fleet fleet = new SimOptions.Fleet();

    @ArgGroup(validate = false, heading = "%nLoad:%n", order = 3)
    SimOptions.Load load = new SimOptions.Load();

    @ArgGroup(validate = false, heading = "%nSimulation:%n", order = 4)
    SimOptions.Simulation simulation = new SimOptions.Simulation();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 5)
    SimOptions.Output output = new SimOptions.Output();

    private final Map<String, String> environment;
    private volatile FleetRunner runner;
    private volatile boolean stopRequested;

    public SimCommand() {
        this(System.getenv());
    }

    SimCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A command line for this command, with environment defaults and case-insensitive enum values. */
    public static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new SimCommand(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAllowSubcommandsAsOptionParameters(true)
                .setDefaultValueProvider(new EnvironmentDefaults(environment));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunSettings settings;
        FleetPlan plan;
        try {
            settings = runSettings();
            plan = new FleetPlan(fleet.devices, fleet.models, fleet.idPrefix);
            fleet.models.forEach(SimCommand::requireSimulated);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Provisioner.Result provisioned;
        try {
            provisioned = new Provisioner(this::adminClient).provision(plan, fleet.credentials);
        } catch (ProvisioningException e) {
            err.println("device-sim: " + e.getMessage());
            return Summary.EXIT_FAILED;
        }
        if (fleet.provisionOnly) {
            out.printf("%d devices ready (%d registered now), credentials in %s%n", provisioned.credentials().size(),
                    provisioned.registered(), fleet.credentials);
            return Summary.EXIT_OK;
        }
        try {
            runner = new FleetRunner(settings, provisioned.credentials(), DeviceModels.builtIn(), err);
            if (stopRequested) {
                runner.requestStop();
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Summary summary = runner.run();
        SummaryWriter.printText(summary, out);
        if (output.summaryJson != null) {
            try {
                SummaryWriter.writeJson(summary, output.summaryJson);
            } catch (IOException e) {
                err.println("device-sim: cannot write " + output.summaryJson + ": " + e.getMessage());
                return Summary.EXIT_FAILED;
            }
        }
        return summary.exitCode();
    }

    /** Stops a running fleet early (Ctrl-C); the run still drains, disconnects and prints its summary. */
    public void requestStop() {
        stopRequested = true;
        FleetRunner current = runner;
        if (current != null) {
            current.requestStop();
        }
    }

    RunSettings runSettings() {
        long seed = simulation.seed != null ? simulation.seed : ThreadLocalRandom.current().nextLong();
        return new RunSettings(gateway.serverUrl(), gateway.protocol, gateway.encodingOrDefault(), load.rate,
                load.duration, simulation.speed, load.maxInflight, load.connectRate, seed, simulation.firmware(),
                simulation.injections == null ? List.of() : simulation.injections, load.ackTimeout,
                output.progressInterval, ZoneId.systemDefault(), simulation.offline());
    }

    private static void requireSimulated(String model) {
        if (!Behaviours.SIMULATED.contains(model)) {
            throw new IllegalArgumentException("--models: no simulation for '" + model + "'; choose from "
                    + SimOptions.ALL_MODELS);
        }
    }

    private AdminClient adminClient() {
        String token = gateway.adminToken;
        if (token == null || token.isBlank()) {
            token = environment.get("M2MCARE_ADMIN_TOKEN");
        }
        if (token == null || token.isBlank()) {
            token = readToken(gateway.adminTokenFile);
        }
        return new AdminClient(gateway.gatewayUrl, token);
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new ProvisioningException("devices must be registered but there is no admin token: pass "
                    + "--admin-token, set M2MCARE_ADMIN_TOKEN, or point --admin-token-file at the file the gateway "
                    + "wrote (" + file + " could not be read: " + e.getMessage() + ")", e);
        }
    }
}
