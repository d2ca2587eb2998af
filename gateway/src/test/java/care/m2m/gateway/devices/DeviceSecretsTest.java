package care.m2m.gateway.devices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceSecretsTest {

    @Test
    void aSecretMatchesItsOwnHashOnly() {
        String secret = DeviceSecrets.newSecret();
        String hash = DeviceSecrets.sha256Hash(secret);

        assertThat(secret).hasSize(43);
        assertThat(hash).startsWith("sha256$").doesNotContain(secret);
        assertThat(DeviceSecrets.sha256Matches(secret, hash)).isTrue();
        assertThat(DeviceSecrets.sha256Matches(secret + "x", hash)).isFalse();
        assertThat(DeviceSecrets.sha256Matches(DeviceSecrets.newSecret(), hash)).isFalse();
    }

    @Test
    void theSameSecretHashesDifferentlyEachTime() {
        String secret = DeviceSecrets.newSecret();
        assertThat(DeviceSecrets.sha256Hash(secret)).isNotEqualTo(DeviceSecrets.sha256Hash(secret));
    }

    @Test
    void garbageStoredHashesNeverMatch() {
        assertThat(DeviceSecrets.sha256Matches("s", "plain")).isFalse();
        assertThat(DeviceSecrets.sha256Matches("s", "sha256$!!$??")).isFalse();
        assertThat(DeviceSecrets.sha256Matches(null, "sha256$a$b")).isFalse();
    }
}
