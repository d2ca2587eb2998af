package care.m2m.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.m2m.gateway.config.ClusterSettings;
import care.m2m.gateway.config.ConfigLoader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clustered mode is a switch that is off by default, and it refuses settings that cannot work as one. */
class ClusterConfigTest {

    private static Map<String, String> clustered() {
        Map<String, String> env = new HashMap<>();
        env.put("M2MCARE_CLUSTER_ENABLED", "true");
        env.put("M2MCARE_CLUSTER_MEMBERS", "gw-a:5701, gw-b:5701,gw-c");
        env.put("M2MCARE_CLUSTER_HOST", "gw-a");
        env.put("M2MCARE_SQL_URL", "jdbc:postgresql://db:5432/m2mcare");
        env.put("M2MCARE_INFLUX_URL", "http://influx:8086");
        env.put("M2MCARE_ADMIN_TOKEN", "admin");
        env.put("M2MCARE_FIELD_SERVICE_TOKEN", "field");
        env.put("M2MCARE_PSK_MASTER_KEY", "MDEyMzQ1Njc4OWFiY2RlZg==");
        return env;
    }

    @Test
    void singleNodeIsTheDefault() {
        assertThat(ConfigLoader.from(Map.of()).cluster().enabled()).isFalse();
    }

    @Test
    void aClusteredMemberReadsItsAddressesAndFailureDetection() {
        Map<String, String> env = clustered();
        env.put("M2MCARE_CLUSTER_PUBLIC_HOST", "10.0.0.5");
        env.put("M2MCARE_EVENTBUS_PORT", "15701");
        env.put("M2MCARE_CLUSTER_FAILURE_SECONDS", "6");
        ClusterSettings cluster = ConfigLoader.from(env).cluster();
        assertThat(cluster.enabled()).isTrue();
        assertThat(cluster.members()).containsExactly("gw-a:5701", "gw-b:5701", "gw-c");
        assertThat(cluster.host()).isEqualTo("gw-a");
        assertThat(cluster.port()).isEqualTo(ClusterSettings.DEFAULT_PORT);
        assertThat(cluster.publicHost()).contains("10.0.0.5");
        assertThat(cluster.eventBusPort()).isEqualTo(15701);
        assertThat(cluster.heartbeat()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cluster.failureTimeout()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void clusteredModeRefusesTheEmbeddedStoresAndGeneratedSecrets() {
        Map<String, String> h2 = clustered();
        h2.remove("M2MCARE_SQL_URL");
        assertThatThrownBy(() -> ConfigLoader.from(h2)).hasMessageContaining("M2MCARE_SQL_URL")
                .hasMessageContaining("embedded H2");
        Map<String, String> h2Url = clustered();
        h2Url.put("M2MCARE_SQL_URL", "jdbc:h2:./data/records");
        assertThatThrownBy(() -> ConfigLoader.from(h2Url)).hasMessageContaining("jdbc:h2:./data/records");
        Map<String, String> embeddedTelemetry = clustered();
        embeddedTelemetry.remove("M2MCARE_INFLUX_URL");
        assertThatThrownBy(() -> ConfigLoader.from(embeddedTelemetry)).hasMessageContaining("M2MCARE_INFLUX_URL");
        Map<String, String> noKey = clustered();
        noKey.remove("M2MCARE_PSK_MASTER_KEY");
        assertThatThrownBy(() -> ConfigLoader.from(noKey)).hasMessageContaining("M2MCARE_PSK_MASTER_KEY")
                .hasMessageContaining("same value on every instance");
    }

    @Test
    void clusteredModeNeedsAMemberListAndSaneFailureDetection() {
        Map<String, String> noMembers = clustered();
        noMembers.remove("M2MCARE_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> ConfigLoader.from(noMembers)).hasMessageContaining("M2MCARE_CLUSTER_MEMBERS");
        Map<String, String> badMember = clustered();
        badMember.put("M2MCARE_CLUSTER_MEMBERS", "gw-a:5701,gw b");
        assertThatThrownBy(() -> ConfigLoader.from(badMember)).hasMessageContaining("'gw b'");
        Map<String, String> tooFast = clustered();
        tooFast.put("M2MCARE_CLUSTER_HEARTBEAT_SECONDS", "5");
        tooFast.put("M2MCARE_CLUSTER_FAILURE_SECONDS", "6");
        assertThatThrownBy(() -> ConfigLoader.from(tooFast)).hasMessageContaining("M2MCARE_CLUSTER_FAILURE_SECONDS");
    }
}
