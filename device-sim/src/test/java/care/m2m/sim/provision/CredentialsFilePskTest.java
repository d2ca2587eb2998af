package care.m2m.sim.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DTLS pre-shared key travels in the credentials file next to the secret; older files without it still load. */
class CredentialsFilePskTest {

    @TempDir
    Path dir;

    private final List<DeviceCredentials> fleet = List.of(
            new DeviceCredentials("sim-0001", "coffee-espresso-x1", "s3cr3t-1", "q3J0aGVyZS1pcy1hLXBzay1oZXJlLTAx"),
            new DeviceCredentials("sim-0002", "ev-charger-ac22", "s3cr3t-2", null));

    @Test
    void csvWithAPskHasAPskColumnAndRoundTrips() throws Exception {
        Path file = dir.resolve("fleet.csv");

        CredentialsFile.write(file, fleet);

        assertThat(Files.readString(file)).startsWith("id,model,secret,psk\n"
                + "sim-0001,coffee-espresso-x1,s3cr3t-1,q3J0aGVyZS1pcy1hLXBzay1oZXJlLTAx\n");
        assertThat(CredentialsFile.read(file)).isEqualTo(fleet);
    }

    @Test
    void jsonWithAPskRoundTrips() {
        Path file = dir.resolve("fleet.json");

        CredentialsFile.write(file, fleet);

        assertThat(CredentialsFile.read(file)).isEqualTo(fleet);
    }

    @Test
    void filesFromBeforeThePskLoadWithoutOne() throws Exception {
        Path csv = dir.resolve("old.csv");
        Files.writeString(csv, "id,model,secret\nw-1,washer-front-w7,abc\n");
        Path json = dir.resolve("old.json");
        Files.writeString(json, "[{\"id\":\"w-1\",\"model\":\"washer-front-w7\",\"secret\":\"abc\"}]");

        assertThat(CredentialsFile.read(csv)).containsExactly(new DeviceCredentials("w-1", "washer-front-w7", "abc"));
        assertThat(CredentialsFile.read(json)).containsExactly(new DeviceCredentials("w-1", "washer-front-w7", "abc"));
    }

    @Test
    void thePskNeverShowsInToString() {
        assertThat(fleet.get(0).toString()).doesNotContain("q3J0").contains("psk=***");
    }
}
