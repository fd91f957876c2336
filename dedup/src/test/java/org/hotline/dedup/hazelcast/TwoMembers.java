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

  final HazelcastInstance a;
  final HazelcastInstance b;

  TwoMembers() {
    HAZELCAST_LOG.setLevel(Level.WARNING);
    String clusterName = "dedup-test-" + UUID.randomUUID();
    int portA = freePort();
    int portB = freePort();
    List<String> members = List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB);
    a = Hazelcast.newHazelcastInstance(config(clusterName, portA, members));
    try {
      b = Hazelcast.newHazelcastInstance(config(clusterName, portB, members));
    } catch (RuntimeException e) {
      a.shutdown();
      throw e;
    }
  }

  private static Config config(String clusterName, int port, List<String> members) {
    Config config = new Config().setClusterName(clusterName).setInstanceName(clusterName + port);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.partition.count", "11");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.logging.type", "jdk");
    NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    b.shutdown();
    a.shutdown();
  }
}
