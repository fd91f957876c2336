package org.hotline.intake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Members configured by {@link ClusterSetup}, three in this JVM. */
@DisplayName("cluster security")
class ClusterSecurityTest {
  private static final String SECRET = "test-secret-" + UUID.randomUUID();
  private static final List<HazelcastInstance> MEMBERS = new ArrayList<>();
  private static HazelcastInstance a;
  private static HazelcastInstance b;
  private static HazelcastInstance stranger;

  /** A class that Java deserialisation would instantiate: it notes whether it ever was. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
    static volatile boolean deserialised;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      deserialised = true;
    }
  }

  private static HazelcastInstance member(int port, String members, String secret) {
    HazelcastInstance member = TestMembers.start(port, members, secret);
    MEMBERS.add(member);
    return member;
  }

  @BeforeAll
  static void start() throws Exception {
    int[] ports = TestMembers.ports(3);
    String members = TestMembers.list(ports);
    a = member(ports[0], members, SECRET);
    b = member(ports[1], members, SECRET);
    stranger = member(ports[2], members, "another-secret-" + UUID.randomUUID());
  }

  @AfterAll
  static void stop() {
    MEMBERS.forEach(m -> m.getLifecycleService().terminate());
  }

  @Test
  @DisplayName("members with the shared secret form the cluster; a member without it stays out")
  void secretGuardsTheJoin() {
    assertThat(a.getCluster().getMembers()).hasSize(2);
    assertThat(b.getCluster().getMembers()).hasSize(2);
    assertThat(stranger.getCluster().getMembers()).hasSize(1);
    assertThat(a.getConfig().getClusterName())
        .startsWith("intake-gateway-")
        .doesNotContain(SECRET)
        .isEqualTo(ClusterSetup.clusterName(SECRET))
        .isNotEqualTo(stranger.getConfig().getClusterName());
  }

  @Test
  @DisplayName("Java deserialisation of a class outside Hazelcast's allow-list is refused")
  void javaDeserialisationRefused() {
    a.getMap("probe").put("gadget", new Gadget());
    assertThatThrownBy(() -> b.getMap("probe").get("gadget"))
        .hasRootCauseInstanceOf(SecurityException.class);
    assertThat(Gadget.deserialised).isFalse();
  }

  @Test
  @DisplayName("no log line names the cluster: the name is all a member needs to join")
  void nameNotLogged() {
    String name = ClusterSetup.clusterName(SECRET);
    assertThat(org.hotline.intake.support.CapturingAppender.allText())
        .as("members were started, and Hazelcast logged its start-up")
        .contains("Members {size:")
        .doesNotContain(name);
    assertThat(ClusterLogs.redact("Cluster name: " + name))
        .isEqualTo("Cluster name: " + ClusterLogs.REDACTED);
    Throwable thrown =
        ClusterLogs.redact(
            new IllegalStateException("join refused", new RuntimeException("cluster " + name)));
    assertThat(thrown.getCause().getMessage()).doesNotContain(name).contains(ClusterLogs.REDACTED);
    assertThat(thrown.getMessage()).contains("IllegalStateException").contains("join refused");
  }
}
