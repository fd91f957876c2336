package org.hotline.intake.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Arrays;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.hazelcast.HazelcastDedupIndex;
import org.hotline.dedup.hazelcast.HazelcastMerchantAliases;
import org.hotline.intake.config.GatewayConfig;

/**
 * Cluster mode: Vert.x's Hazelcast cluster manager, configured from {@code INTAKE_CLUSTER}, with
 * the dedup index's map (TTL and backup) and the merchant alias map (bounded, see {@link
 * HazelcastMerchantAliases}) registered in the same Hazelcast, so that one member list serves all,
 * every node gives a merchant the same blocking key, and the dedup decision for a merchant runs on
 * that merchant's partition owner.
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  /**
   * A cluster manager joining the listed members over TCP, or the pods behind a Kubernetes headless
   * service ({@code kubernetes:<service DNS name>}, Hazelcast's DNS lookup mode, which needs no
   * Kubernetes API permissions). Never multicast.
   */
  public static HazelcastClusterManager clusterManager(
      String members, int port, DedupOptions options) {
    return new HazelcastClusterManager(config(members, port, options));
  }

  /** The Hazelcast configuration {@link #clusterManager} uses. */
  static Config config(String members, int port, DedupOptions options) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("intake-gateway");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (members.startsWith(GatewayConfig.KUBERNETES_PREFIX)) {
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig()
          .setEnabled(true)
          .setProperty("service-dns", members.substring(GatewayConfig.KUBERNETES_PREFIX.length()))
          .setProperty("service-port", String.valueOf(port));
    } else {
      join.getTcpIpConfig()
          .setEnabled(true)
          .setMembers(Arrays.stream(members.split(",")).map(String::trim).toList());
    }
    config.addMapConfig(HazelcastDedupIndex.mapConfig(options));
    config.addMapConfig(HazelcastMerchantAliases.mapConfig(options));
    return config;
  }
}
