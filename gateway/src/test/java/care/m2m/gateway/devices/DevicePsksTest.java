package care.m2m.gateway.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device PSKs are derived, stable, different per device, printable, and follow the master key. */
class DevicePsksTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedMasterKeyIsKeptOwnerOnlyAndGivesTheSameKeysAfterARestart() throws Exception {
        DevicePsks first = DevicePsks.resolve(Optional.empty(), dataDir);
        DevicePsks again = DevicePsks.resolve(Optional.empty(), dataDir);

        assertThat(again.psk("espresso-0001")).isEqualTo(first.psk("espresso-0001"));
        assertThat(first.psk("espresso-0001")).isNotEqualTo(first.psk("espresso-0002"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(DevicePsks.FILE_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void aPskIs32PrintableCharactersWhoseAsciiBytesAreTheKey() {
        DevicePsks psks = DevicePsks.of(new byte[32]);

        String psk = psks.psk("washer-0001");

        assertThat(psk).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(psks.pskBytes("washer-0001")).isEqualTo(psk.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aConfiguredMasterKeyWinsAndNoFileIsWritten() {
        byte[] master = new byte[32];
        master[0] = 7;
        DevicePsks configured = DevicePsks.resolve(Optional.of(Base64.getEncoder().encodeToString(master)), dataDir);

        assertThat(configured.psk("heatpump-0001")).isEqualTo(DevicePsks.of(master).psk("heatpump-0001"));
        assertThat(dataDir.resolve(DevicePsks.FILE_NAME)).doesNotExist();
    }

    @Test
    void aMasterKeyThatIsNotBase64OrTooShortStopsTheStart() {
        assertThatThrownBy(() -> DevicePsks.resolve(Optional.of("not base64!"), dataDir))
                .hasMessageContaining("M2MCARE_PSK_MASTER_KEY");
        assertThatThrownBy(() -> DevicePsks.resolve(Optional.of(Base64.getEncoder().encodeToString(new byte[8])), dataDir))
                .hasMessageContaining("at least 16 bytes");
    }
}
