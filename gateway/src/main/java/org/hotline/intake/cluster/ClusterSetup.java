package org.hotline.intake.cluster;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.hazelcast.DedupSerialization;
import org.hotline.dedup.hazelcast.HazelcastDedupIndex;
import org.hotline.dedup.hazelcast.HazelcastMerchantAliases;
import org.hotline.intake.config.ClusterOptions;
import org.hotline.intake.config.GatewayConfig;
import org.hotline.intake.overload.ChannelLimiter;

/**
 * Cluster mode: Vert.x's Hazelcast cluster manager, configured from {@code INTAKE_CLUSTER}, with
 * the dedup index's map (TTL, backup and a cap per member) and the merchant alias map (bounded, see
 * {@link HazelcastMerchantAliases}) registered in the same Hazelcast, so that one member list
 * serves all, every node gives a merchant the same blocking key, and the dedup decision for a
 * merchant runs on that merchant's partition owner.
 *
 * <p>What guards the cluster, and what does not (Hazelcast's open-source edition has no member
 * authentication and no TLS; both are Enterprise features):
 *
 * <ul>
 *   <li>The cluster's name is derived from the shared secret ({@link #clusterName}). Hazelcast
 *       refuses a join request that names another cluster, so a member started without the secret
 *       (a stray node, another environment's gateway, a scanner) cannot join. The name travels in
 *       clear in the join request, however: anyone who can read the cluster's traffic can replay
 *       it. The cluster port must therefore sit on a network only the gateways reach (a private
 *       subnet or VLAN with a firewall on {@code INTAKE_CLUSTER_PORT}, or a WireGuard/IPsec
 *       tunnel); that is also what keeps the traffic itself, merchant keys and identity hashes,
 *       from being read.
 *   <li>No Java deserialisation of untrusted classes: the dedup library's processors and values
 *       travel as {@code IdentifiedDataSerializable} and a custom serializer ({@link
 *       DedupSerialization}), and Hazelcast's Java serialisation filter is on with its default
 *       allow-list ({@code java*}, {@code com.hazelcast.}, arrays), so a gadget class of any other
 *       library on the class path is refused before its {@code readObject} runs.
 * </ul>
 */
public final class ClusterSetup {
  static final String NAME_PREFIX = "intake-gateway-";

  private ClusterSetup() {}

  /**
   * A cluster manager joining the listed members over TCP, or the pods behind a Kubernetes headless
   * service ({@code kubernetes:<service DNS name>}, Hazelcast's DNS lookup mode, which needs no
   * Kubernetes API permissions). Never multicast.
   */
  public static HazelcastClusterManager clusterManager(
      String members, int port, DedupOptions options, int dedupMaxBlocks, ClusterOptions cluster) {
    return new HazelcastClusterManager(config(members, port, options, dedupMaxBlocks, cluster));
  }

  /**
   * The member's Hazelcast configuration: Vert.x's defaults, this node's port, TCP join to the
   * listed members (or the Kubernetes service), the dedup maps and serialisation, the cluster name
   * from the secret and the Java serialisation filter.
   *
   * @param dedupMaxBlocks the dedup index's cap per member ({@link HazelcastDedupIndex#mapConfig})
   * @throws IllegalStateException when no secret is configured
   */
  public static Config config(
      String members, int port, DedupOptions options, int dedupMaxBlocks, ClusterOptions cluster) {
    if (cluster.secret() == null) {
      throw new IllegalStateException(
          "cluster mode needs a shared secret (INTAKE_CLUSTER_SECRET or cluster_secret)");
    }
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName(cluster.secret()));
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Hazelcast's log lines name the cluster by default; the name is the join credential. The
    // details setting takes it out of each line's prefix; its start-up line still writes it, so
    // every message goes through ClusterLogs. Hazelcast reads its logger factory from a system
    // property only.
    config.setProperty("hazelcast.logging.details.enabled", "false");
    System.setProperty("hazelcast.logging.class", ClusterLogs.class.getName());
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
    config.addMapConfig(HazelcastDedupIndex.mapConfig(options, dedupMaxBlocks));
    config.addMapConfig(HazelcastMerchantAliases.mapConfig(options));
    DedupSerialization.register(config.getSerializationConfig())
        .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    return config;
  }

  /**
   * {@code intake-gateway-} and 128 bits of HMAC-SHA256 of a fixed label under the secret: equal on
   * every member that has the secret, and telling nothing about it.
   */
  public static String clusterName(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] tag = mac.doFinal("intake-gateway hazelcast cluster".getBytes(StandardCharsets.UTF_8));
      return NAME_PREFIX + HexFormat.of().formatHex(tag, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
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
