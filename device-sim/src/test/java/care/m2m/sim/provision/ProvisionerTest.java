package care.m2m.sim.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ProvisionerTest {

    @TempDir
    Path dir;

    private FakeAdminApi api;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        api = new FakeAdminApi();
        file = dir.resolve("fleet.csv");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Provisioner provisioner(String token) {
        return new Provisioner(() -> new AdminClient(api.url(), token));
    }

    @Test
    void registersTheFleetRoundRobinAndKeepsTheSecretsForTheNextRun() {
        FleetPlan plan = new FleetPlan(5, List.of("coffee-espresso-x1", "heatpump-air-w9"), "demo");

        Provisioner.Result first = provisioner(FakeAdminApi.TOKEN).provision(plan, file);
        Provisioner.Result second = provisioner(FakeAdminApi.TOKEN).provision(plan, file);

        assertThat(first.registered()).isEqualTo(5);
        assertThat(first.credentials()).extracting(DeviceCredentials::id, DeviceCredentials::model).containsExactly(
                tuple("demo-0001", "coffee-espresso-x1"),
                tuple("demo-0002", "heatpump-air-w9"),
                tuple("demo-0003", "coffee-espresso-x1"),
                tuple("demo-0004", "heatpump-air-w9"),
                tuple("demo-0005", "coffee-espresso-x1"));
        assertThat(first.credentials()).extracting(DeviceCredentials::secret).allMatch(s -> s.startsWith("secret-of-"));
        assertThat(api.requests).filteredOn(r -> r.path("id").asText().equals("demo-0002")).singleElement()
                .satisfies(r -> {
                    assertThat(r.path("model").asText()).isEqualTo("heatpump-air-w9");
                    assertThat(r.path("customerRef").asText()).isEqualTo("demo-cust-0002");
                    assertThat(r.path("location").asText()).isNotBlank();
                });
        assertThat(second.registered()).isZero();
        assertThat(second.credentials()).isEqualTo(first.credentials());
        assertThat(api.requests).hasSize(5);
    }

    @Test
    void aLargerFleetRegistersOnlyTheMissingDevices() {
        provisioner(FakeAdminApi.TOKEN).provision(new FleetPlan(2, List.of("washer-front-w7"), "sim"), file);

        Provisioner.Result grown = provisioner(FakeAdminApi.TOKEN)
                .provision(new FleetPlan(3, List.of("washer-front-w7"), "sim"), file);

        assertThat(grown.registered()).isEqualTo(1);
        assertThat(grown.credentials()).extracting(DeviceCredentials::id).containsExactly("sim-0001", "sim-0002",
                "sim-0003");
        assertThat(CredentialsFile.read(file)).hasSize(3);
    }

    @Test
    void aDeviceOfAnEarlierRunWhoseSecretIsLostIsTakenOverWithANewSecret() {
        api.devices.put("sim-0002", "washer-front-w7");

        Provisioner.Result result = provisioner(FakeAdminApi.TOKEN)
                .provision(new FleetPlan(3, List.of("ev-charger-ac22"), "sim"), file);

        assertThat(result.credentials()).extracting(DeviceCredentials::id, DeviceCredentials::model,
                DeviceCredentials::secret).containsExactly(
                tuple("sim-0001", "ev-charger-ac22", "secret-of-sim-0001"),
                tuple("sim-0002", "washer-front-w7", "rotated-secret-of-sim-0002"),
                tuple("sim-0003", "ev-charger-ac22", "secret-of-sim-0003"));
    }

    @Test
    void whenATakenIdCannotBeTakenOverProvisioningStopsButKeepsTheOthers() throws Exception {
        api.devices.put("sim-0002", "ev-charger-ac22");
        api.rotationSupported = false;

        assertThatThrownBy(() -> provisioner(FakeAdminApi.TOKEN)
                .provision(new FleetPlan(3, List.of("ev-charger-ac22"), "sim"), file))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("sim-0002").hasMessageContaining("404");
        assertThat(Files.readString(file)).contains("sim-0001", "sim-0003").doesNotContain("sim-0002");
    }

    @Test
    void aWrongTokenSaysWhereTheTokenComesFrom() {
        assertThatThrownBy(() -> provisioner("wrong").provision(new FleetPlan(1, List.of("washer-front-w7"), "x"), file))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("401").hasMessageContaining("bad token").hasMessageContaining("--admin-token");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFullFileNeedsNoAdminClientAtAll() {
        CredentialsFile.write(file, List.of(new DeviceCredentials("a-1", "washer-front-w7", "s")));

        Provisioner.Result result = new Provisioner(() -> {
            throw new AssertionError("no registration expected");
        }).provision(new FleetPlan(1, List.of("ev-charger-ac22"), "other"), file);

        assertThat(result.credentials()).extracting(DeviceCredentials::id).containsExactly("a-1");
    }
}
