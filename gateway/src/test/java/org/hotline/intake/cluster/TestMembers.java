package org.hotline.intake.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.hotline.dedup.DedupOptions;
import org.hotline.intake.config.ClusterOptions;

/** Hazelcast members configured by {@link ClusterSetup}, on 127.0.0.1, joining at once. */
final class TestMembers {
  private TestMembers() {}

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
