package care.m2m.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import care.m2m.contracts.codec.Encoding;
import care.m2m.sim.firmware.FaultInjection;
import care.m2m.sim.run.RunSettings;
import care.m2m.sim.transport.Protocol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private SimCommand parse(Map<String, String> environment, String... args) {
        CommandLine commandLine = SimCommand.commandLine(environment);
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    private int execute(String... args) {
        CommandLine commandLine = SimCommand.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SimCommand command = parse(Map.of());
        RunSettings settings = command.runSettings();

        assertThat(command.gateway.gatewayUrl).containsExactly(java.net.URI.create("http://127.0.0.1:8080"));
        assertThat(settings.mqttUrl()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(command.gateway.adminTokenFile).isEqualTo(Path.of("data/admin-token"));
        assertThat(command.fleet.devices).isEqualTo(10);
        assertThat(command.fleet.models).containsExactly("coffee-espresso-x1", "heatpump-air-w9", "washer-front-w7",
                "ev-charger-ac22");
        assertThat(command.fleet.idPrefix).isEqualTo("sim");
        assertThat(settings.ratePerDevice()).isEqualTo(1.0);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.protocol()).isEqualTo(Protocol.MQTT5);
        assertThat(settings.encoding()).isEqualTo(Encoding.JSON);
        assertThat(settings.maxInflight()).isEqualTo(10);
        assertThat(settings.connectRate()).isEqualTo(200);
        assertThat(settings.speed()).isEqualTo(1);
        assertThat(settings.firmware().repairSuccess()).isEqualTo(0.8);
        assertThat(settings.firmware().faultRatePerHour()).isZero();
        assertThat(settings.injections()).isEmpty();
    }

    @Test
    void everyOptionIsParsed() {
        SimCommand command = parse(Map.of(), "--gateway-url", "http://gw:9000", "--mqtt-url", "ssl://gw:8883",
                "--admin-token", "t0k", "--devices", "250", "--models", "washer-front-w7,ev-charger-ac22",
                "--id-prefix", "load", "--rate", "0.5", "--duration", "5m", "--protocol", "mqtt3", "--encoding",
                "CBOR", "--credentials", "fleet.json", "--provision-only", "--summary-json", "out.json",
                "--inject-fault", "E_DRAIN_BLOCKED@all:30s", "--inject-fault", "E_OVERTEMP@3", "--fault-rate", "0.01",
                "--seed", "42", "--max-inflight", "3", "--connect-rate", "50", "--speed", "60",
                "--repair-success", "0.5", "--ack-timeout", "10s", "--action-time-cap", "250ms");
        RunSettings settings = command.runSettings();

        assertThat(command.gateway.adminToken).isEqualTo("t0k");
        assertThat(command.fleet.devices).isEqualTo(250);
        assertThat(command.fleet.models).containsExactly("washer-front-w7", "ev-charger-ac22");
        assertThat(command.fleet.provisionOnly).isTrue();
        assertThat(command.fleet.credentials).isEqualTo(Path.of("fleet.json"));
        assertThat(command.output.summaryJson).isEqualTo(Path.of("out.json"));
        assertThat(settings.protocol()).isEqualTo(Protocol.MQTT3);
        assertThat(settings.encoding()).isEqualTo(Encoding.CBOR);
        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.speed()).isEqualTo(60);
        assertThat(settings.ackTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.firmware().actionTimeCap()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.injections()).containsExactly(
                new FaultInjection("E_DRAIN_BLOCKED", null, Duration.ofSeconds(30)),
                new FaultInjection("E_OVERTEMP", 3, Duration.ZERO));
    }

    @Test
    void optionsCanComeFromTheEnvironmentButTheCommandLineWins() {
        Map<String, String> environment = Map.of("M2MCARE_SIM_MQTT_URL", "tcp://broker:1883",
                "M2MCARE_SIM_DEVICES", "7", "M2MCARE_SIM_RATE", "3");

        SimCommand command = parse(environment, "--rate", "4");

        assertThat(command.runSettings().mqttUrl()).isEqualTo("tcp://broker:1883");
        assertThat(command.fleet.devices).isEqualTo(7);
        assertThat(command.runSettings().ratePerDevice()).isEqualTo(4);
    }

    @Test
    void helpListsTheSectionsAndTheExitCodes() {
        int code = execute("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Gateway:", "Fleet:", "Load:", "Simulation:", "Output:", "Exit codes:",
                "--inject-fault", "M2MCARE_SIM_");
    }

    @Test
    void aBadValueIsAUsageErrorWithExitCode2() {
        assertThat(execute("--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("30s, 5m");
        assertThat(execute("--inject-fault", "boiler")).isEqualTo(2);
        assertThat(execute("--models", "toaster-t1", "--credentials", dir.resolve("none.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("toaster-t1");
        assertThat(execute("--repair-success", "1.5")).isEqualTo(2);
        assertThat(execute("--mqtt-url", "http://127.0.0.1:1883")).isEqualTo(2);
        assertThat(err.toString()).contains("tcp://127.0.0.1:1883");
    }

    @Test
    void aFaultForADeviceWhoseModelLacksItIsRefusedBeforeConnecting() throws Exception {
        Path credentials = dir.resolve("fleet.csv");
        Files.writeString(credentials, "id,model,secret\nw-1,washer-front-w7,s\n");

        int code = execute("--credentials", credentials.toString(), "--devices", "1", "--inject-fault",
                "E_OVERTEMP@0", "--mqtt-url", "tcp://127.0.0.1:1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("E_OVERTEMP", "w-1", "washer-front-w7");
    }

    @Test
    void provisioningWithoutATokenFailsWithExitCode1AndSaysWhatToDo() {
        int code = execute("--credentials", dir.resolve("new.csv").toString(), "--admin-token-file",
                dir.resolve("missing-token").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("--admin-token", "M2MCARE_ADMIN_TOKEN");
    }

    @Test
    void provisionOnlyWithAFullCredentialsFileNeedsNoGateway() throws Exception {
        Path credentials = dir.resolve("fleet.csv");
        Files.writeString(credentials, "id,model,secret\na-1,ev-charger-ac22,s1\na-2,washer-front-w7,s2\n");

        int code = execute("--credentials", credentials.toString(), "--devices", "2", "--provision-only");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("2 devices ready (0 registered now)");
    }

    @Test
    void faultInjectionsAreReadInEveryForm() {
        FaultInjectionConverter converter = new FaultInjectionConverter();

        assertThat(converter.convert("E_GRINDER_JAM")).isEqualTo(new FaultInjection("E_GRINDER_JAM", 0, Duration.ZERO));
        assertThat(converter.convert("E_GRINDER_JAM@12")).isEqualTo(new FaultInjection("E_GRINDER_JAM", 12,
                Duration.ZERO));
        assertThat(converter.convert("W_DESCALE_DUE:90")).isEqualTo(new FaultInjection("W_DESCALE_DUE", 0,
                Duration.ofSeconds(90)));
        assertThat(converter.convert("E_NO_HEAT@all:2m")).isEqualTo(new FaultInjection("E_NO_HEAT", null,
                Duration.ofMinutes(2)));
    }

    @Test
    void durationsAreReadAsPeopleTypeThem() {
        assertThat(List.of("30s", "5m", "2h", "250ms", "0", "90", "1.5", "PT1M", "1d"))
                .map(DurationConverter::parse)
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(2),
                        Duration.ofMillis(250), Duration.ZERO, Duration.ofSeconds(90), Duration.ofMillis(1500),
                        Duration.ofMinutes(1), Duration.ofDays(1));
    }
}
