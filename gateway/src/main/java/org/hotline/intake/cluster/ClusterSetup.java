package org.hotline.intake.cluster;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Arrays;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.hazelcast.HazelcastDedupIndex;
import org.hotline.dedup.hazelcast.HazelcastMerchantAliases;
import org.hotline.intake.overload.ChannelLimiter;

/**
 * Cluster mode: Vert.x's Hazelcast cluster manager, configured from {@code INTAKE_CLUSTER}, with
 * the dedup index's map (TTL and backup) and the merchant alias map (bounded, see {@link
 * HazelcastMerchantAliases}) registered in the same Hazelcast, so that one member list serves all,
 * every node gives a merchant the same blocking key, and the dedup decision for a merchant runs on
 * that merchant's partition owner.
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  /** A cluster manager joining the listed members over TCP (no multicast). */
  public static HazelcastClusterManager clusterManager(
      String members, int port, DedupOptions options) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("intake-gateway");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setMembers(Arrays.stream(members.split(",")).map(String::trim).toList());
    config.addMapConfig(HazelcastDedupIndex.mapConfig(options));
    config.addMapConfig(HazelcastMerchantAliases.mapConfig(options));
    return new HazelcastClusterManager(config);
  }

  /**
   * Keeps {@code limiter} at this node's share of the channels' rates: the rate divided by the
   * members, recomputed on Hazelcast's event thread when one joins or leaves (see the package doc
   * of {@code overload}).
   */
  public static void shareRates(HazelcastInstance hazelcast, ChannelLimiter limiter) {
    Cluster cluster = hazelcast.getCluster();
    cluster.addMembershipListener(
        new MembershipListener() {
          @Override
          public void memberAdded(MembershipEvent event) {
            limiter.members(event.getMembers().size());
          }

          @Override
          public void memberRemoved(MembershipEvent event) {
            limiter.members(event.getMembers().size());
          }
        });
    limiter.members(cluster.getMembers().size());
  }
}
