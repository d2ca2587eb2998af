package care.m2m.sim.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @TempDir
    Path dir;

    private final List<DeviceCredentials> fleet = List.of(
            new DeviceCredentials("sim-0001", "coffee-espresso-x1", "s3cr3t-1"),
            new DeviceCredentials("sim-0002", "ev-charger-ac22", null));

    @Test
    void csvRoundTripsAndIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("sub/fleet.csv");

        CredentialsFile.write(file, fleet);

        assertThat(Files.readString(file)).startsWith("id,model,secret\nsim-0001,coffee-espresso-x1,s3cr3t-1\n");
        assertThat(CredentialsFile.read(file)).isEqualTo(fleet);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aJsonNameIsWrittenAsJsonAndReadBack() throws Exception {
        Path file = dir.resolve("fleet.json");

        CredentialsFile.write(file, fleet);

        assertThat(Files.readString(file)).startsWith("[");
        assertThat(CredentialsFile.read(file)).isEqualTo(fleet);
    }

    @Test
    void csvMayHaveCommentsBlankLinesAndNoHeader() throws Exception {
        Path file = dir.resolve("hand-made.csv");
        Files.writeString(file, "# made by hand\n\nw-1, washer-front-w7, abc\nh-1,heatpump-air-w9\n");

        assertThat(CredentialsFile.read(file)).containsExactly(
                new DeviceCredentials("w-1", "washer-front-w7", "abc"),
                new DeviceCredentials("h-1", "heatpump-air-w9", null));
    }

    @Test
    void aBrokenLineNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "id,model,secret\nw-1,washer-front-w7,abc,extra\n");

        assertThatThrownBy(() -> CredentialsFile.read(file))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("broken.csv").hasMessageContaining("line 2");
    }

    @Test
    void anInvalidDeviceIdIsRefused() throws Exception {
        Path file = dir.resolve("bad-id.csv");
        Files.writeString(file, "not a device id,washer-front-w7,abc\n");

        assertThatThrownBy(() -> CredentialsFile.read(file)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("bad-id.csv");
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(fleet.get(0).toString()).doesNotContain("s3cr3t").contains("***");
    }
}
