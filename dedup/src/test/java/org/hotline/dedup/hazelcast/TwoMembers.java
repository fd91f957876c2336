package org.hotline.dedup.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A two-member Hazelcast cluster inside the test JVM: loopback only, TCP-IP join on two free ports,
 * a private cluster name (so parallel builds never meet), few partitions for a fast start.
 */
final class TwoMembers implements AutoCloseable {
  // Held so the level survives: java.util.logging keeps loggers weakly.
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
  private static final Random RANDOM = new Random();

  final HazelcastInstance a;
  final HazelcastInstance b;
  private final String clusterName;
  private final List<String> members;

  TwoMembers() {
    HAZELCAST_LOG.setLevel(Level.WARNING);
    clusterName = "dedup-test-" + UUID.randomUUID();
    int portA = freePort();
    int portB = freePort();
    members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    a = Hazelcast.newHazelcastInstance(config(clusterName, portA, members));
    try {
      b = Hazelcast.newHazelcastInstance(config(clusterName, portB, members));
    } catch (RuntimeException e) {
      a.shutdown();
      throw e;
    }
  }

  /** A third member joining the two; the caller ends it. */
  HazelcastInstance startAnother() {
    return Hazelcast.newHazelcastInstance(config(clusterName, freePort(), members));
  }

  private static Config config(String clusterName, int port, List<String> members) {
    Config config = new Config().setClusterName(clusterName).setInstanceName(clusterName + port);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.partition.count", "11");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.logging.type", "jdk");
    DedupSerialization.register(config.getSerializationConfig());
    NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }

  /**
   * A free port below Linux's ephemeral range: a member dialling a not-yet-listening port in that
   * range can connect to itself (TCP self-connect) and then occupy the port it meant to reach.
   */
  private static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + RANDOM.nextInt(10_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port in 20000-29999"));
  }

  @Override
  public void close() {
    b.shutdown();
    a.shutdown();
  }
}
