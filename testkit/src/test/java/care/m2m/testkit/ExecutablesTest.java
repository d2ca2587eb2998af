package care.m2m.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutablesTest {

    @Test
    void findsAServerBinaryFromDebiansPackages() {
        assertThat(Executables.find("influxd", "influxdb")).isExecutable();
    }

    @Test
    void saysWhichPackageToInstallWhenABinaryIsMissing() {
        assertThatThrownBy(() -> Executables.find("no-such-server-d", "no-such-package", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no-such-server-d not found")
                .hasMessageContaining("run scripts/test.sh, which installs Debian's no-such-package package");
    }
}
