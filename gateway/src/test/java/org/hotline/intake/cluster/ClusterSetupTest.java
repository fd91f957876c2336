package org.hotline.intake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import org.hotline.dedup.DedupOptions;
import org.hotline.intake.config.ClusterOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the cluster's Hazelcast configuration")
class ClusterSetupTest {
  private static final ClusterOptions WITH_SECRET =
      ClusterOptions.defaults().withSecret("a-long-enough-cluster-secret");

  @Test
  @DisplayName("refuses to configure a member without the shared secret")
  void secretRequired() {
    assertThatThrownBy(
            () ->
                ClusterSetup.config(
                    "10.0.0.5:5701",
                    5701,
                    DedupOptions.defaults(),
                    10_000,
                    ClusterOptions.defaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INTAKE_CLUSTER_SECRET");
  }

  @Test
  @DisplayName("a member list joins over TCP only")
  void tcpList() {
    JoinConfig join =
        ClusterSetup.config(
                "10.0.0.5:5701, 10.0.0.6:5701", 5701, DedupOptions.defaults(), 10_000, WITH_SECRET)
            .getNetworkConfig()
            .getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers())
        .containsExactly("10.0.0.5:5701", "10.0.0.6:5701");
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
  }

  @Test
  @DisplayName("kubernetes:<service> uses Hazelcast's Kubernetes discovery in DNS lookup mode")
  void kubernetes() {
    Config config =
        ClusterSetup.config(
            "kubernetes:intake-gateway.hotline.svc.cluster.local",
            5702,
            DedupOptions.defaults(),
            10_000,
            WITH_SECRET);
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("intake-gateway.hotline.svc.cluster.local");
    assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5702");
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    // Validated as Hazelcast would at start-up: exactly one join method.
    config.getNetworkConfig().getJoin().verify();
  }
}
