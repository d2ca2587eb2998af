package care.m2m.gateway.devices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceSecretsTest {

    @Test
    void aSecretMatchesItsOwnHashOnly() {
        String secret = DeviceSecrets.newSecret();
        String hash = DeviceSecrets.hash(secret);

        assertThat(secret).hasSize(43);
        assertThat(hash).startsWith("sha256$").doesNotContain(secret);
        assertThat(DeviceSecrets.matches(secret, hash)).isTrue();
        assertThat(DeviceSecrets.matches(secret + "x", hash)).isFalse();
        assertThat(DeviceSecrets.matches(DeviceSecrets.newSecret(), hash)).isFalse();
    }

    @Test
    void theSameSecretHashesDifferentlyEachTime() {
        String secret = DeviceSecrets.newSecret();
        assertThat(DeviceSecrets.hash(secret)).isNotEqualTo(DeviceSecrets.hash(secret));
    }

    @Test
    void garbageStoredHashesNeverMatch() {
        assertThat(DeviceSecrets.matches("s", "plain")).isFalse();
        assertThat(DeviceSecrets.matches("s", "sha256$!!$??")).isFalse();
        assertThat(DeviceSecrets.matches(null, "sha256$a$b")).isFalse();
    }
}
