package care.m2m.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Passwords are kept as salted, slow PBKDF2 hashes that only the right password matches. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PasswordHashTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void theSamePasswordGetsADifferentSaltAndHashEachTime() {
        String a = PasswordHash.hash(PASSWORD);
        String b = PasswordHash.hash(PASSWORD);
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$210000$").doesNotContain(PASSWORD);
        assertThat(a.split("\\$")).hasSize(4);
        assertThat(a.split("\\$")[2]).isNotEqualTo(b.split("\\$")[2]);
        assertThat(PasswordHash.verify(PASSWORD, a)).isTrue();
        assertThat(PasswordHash.verify(PASSWORD, b)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String stored = PasswordHash.hash(PASSWORD);
        assertThat(PasswordHash.verify("correct-horse-batterY", stored)).isFalse();
        assertThat(PasswordHash.verify("", stored)).isFalse();
        assertThat(PasswordHash.verify(null, stored)).isFalse();
    }

    @Test
    void aTamperedOrMalformedHashNeverMatches() {
        String stored = PasswordHash.hash(PASSWORD);
        String[] parts = stored.split("\\$");
        char first = parts[3].charAt(0);
        String flippedHash = parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + (first == 'A' ? 'B' : 'A')
                + parts[3].substring(1);
        assertThat(PasswordHash.verify(PASSWORD, flippedHash)).as("hash changed").isFalse();
        assertThat(PasswordHash.verify(PASSWORD, parts[0] + "$1$" + parts[2] + "$" + parts[3])).as("fewer iterations").isFalse();
        String otherSalt = PasswordHash.hash(PASSWORD).split("\\$")[2];
        assertThat(PasswordHash.verify(PASSWORD, parts[0] + "$" + parts[1] + "$" + otherSalt + "$" + parts[3]))
                .as("salt swapped").isFalse();
        assertThat(PasswordHash.verify(PASSWORD, "md5$" + parts[1] + "$" + parts[2] + "$" + parts[3])).isFalse();
        assertThat(PasswordHash.verify(PASSWORD, "pbkdf2-sha256$abc$%%$!!")).isFalse();
        assertThat(PasswordHash.verify(PASSWORD, "")).isFalse();
        assertThat(PasswordHash.verify(PASSWORD, null)).isFalse();
    }
}
