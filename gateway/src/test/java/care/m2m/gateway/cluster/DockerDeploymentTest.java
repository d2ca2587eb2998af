package care.m2m.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The docker/ deployment is checked without a Docker engine: Debian's docker-compose validates and resolves the
 * compose file, and HAProxy checks its configuration. Skipped, with the reason, where a tool is not installed
 * (scripts/install-test-servers.sh installs both).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DockerDeploymentTest {

    private static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();

    private record Run(int exit, String output) {
    }

    @Test
    void theComposeFileIsValidAndRunsTheWholeClusteredTopology() throws Exception {
        Path compose = DOCKER.resolve("docker-compose.yml");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")),
                "docker-compose (Debian package docker-compose) is not installed here");
        Run valid = run(List.of("/usr/bin/docker-compose", "-f", compose.toString(), "config", "-q"));
        assertThat(valid.exit()).as(valid.output()).isZero();
        Run services = run(List.of("/usr/bin/docker-compose", "-f", compose.toString(), "config", "--services"));
        assertThat(services.exit()).as(services.output()).isZero();
        assertThat(services.output().lines().map(String::strip).toList()).contains("influxdb", "postgres",
                "gateway-1", "gateway-2", "gateway-3", "haproxy", "prometheus", "grafana", "device-sim",
                "device-sim-direct");
        Run resolved = run(List.of("/usr/bin/docker-compose", "-f", compose.toString(), "config"));
        assertThat(resolved.output()).contains("M2MCARE_CLUSTER_ENABLED: \"true\"",
                "M2MCARE_CLUSTER_MEMBERS: gateway-1:5701,gateway-2:5701,gateway-3:5701", "M2MCARE_CLUSTER_HOST: gateway-3");
        assertThat(Files.readString(DOCKER.resolve("prometheus/prometheus.yml")))
                .contains("gateway-1:8080", "gateway-2:8080", "gateway-3:8080");
        String dashboard = Files.readString(DOCKER.resolve("grafana/dashboards/m2mcare.json"));
        assertThat(dashboard).contains("m2mcare_telemetry_accepted_total", "m2mcare_telemetry_rejected_total",
                "m2mcare_devices_connected", "m2mcare_faults_raised_total", "m2mcare_repairs_total",
                "m2mcare_tickets_opened_total", "m2mcare_tips_delivered_total", "m2mcare_store_write_seconds",
                "m2mcare_cluster_members");
    }

    @Test
    void theLoadBalancerConfigurationIsValid() throws Exception {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assumeTrue(Files.isExecutable(haproxy), "haproxy (Debian package haproxy) is not installed here");
        Run check = run(List.of(haproxy.toString(), "-c", "-f", DOCKER.resolve("haproxy/haproxy.cfg").toString()));
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("Configuration file is valid");
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(process.exitValue(), output);
    }
}
