package org.hotline.intake.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.hotline.dedup.DedupOptions;
import org.hotline.intake.config.ClusterOptions;

/** Hazelcast members configured by {@link ClusterSetup}, on 127.0.0.1, joining at once. */
final class TestMembers {
  private TestMembers() {}

  /** {@code n} free ports on 127.0.0.1, for as many members. */
  static int[] ports(int n) throws Exception {
    int[] ports = new int[n];
    for (int i = 0; i < n; i++) {
      ports[i] = ClusterModeTest.freePort();
    }
    return ports;
  }

  /** The member list naming {@code ports} on 127.0.0.1, as INTAKE_CLUSTER writes it. */
  static String list(int[] ports) {
    return java.util.Arrays.stream(ports)
        .mapToObj(p -> "127.0.0.1:" + p)
        .collect(java.util.stream.Collectors.joining(","));
  }

  static HazelcastInstance start(int port, String members, String secret) {
    Config config =
        ClusterSetup.config(
            members,
            port,
            DedupOptions.defaults(),
            10_000,
            ClusterOptions.defaults().withSecret(secret));
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    return Hazelcast.newHazelcastInstance(config);
  }
}
