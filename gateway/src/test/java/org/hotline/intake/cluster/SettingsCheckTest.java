package org.hotline.intake.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Three members in this JVM: two configured alike, one with another dedup window. */
@DisplayName("nodes whose settings differ")
class SettingsCheckTest {
  private static final String SECRET = "test-secret-" + UUID.randomUUID();
  private static final List<HazelcastInstance> MEMBERS = new ArrayList<>();
  private static final byte[] IDENTITY =
      "identity-secret-of-the-cluster!!".getBytes(StandardCharsets.UTF_8);
  private static final List<String> KEYS = List.of("web-key-0000000001|web|false|[]");
  private static SettingsCheck a;
  private static SettingsCheck b;
  private static SettingsCheck odd;

  private static HazelcastInstance member(int port, String members) {
    HazelcastInstance member = TestMembers.start(port, members, SECRET);
    MEMBERS.add(member);
    return member;
  }

  private static Map<String, String> settings(String dedup) {
    return SettingsCheck.digests(dedup, IDENTITY, KEYS);
  }

  @BeforeAll
  static void start() throws Exception {
    int[] ports = TestMembers.ports(3);
    String members = TestMembers.list(ports);
    HazelcastInstance ha = member(ports[0], members);
    HazelcastInstance hb = member(ports[1], members);
    HazelcastInstance hc = member(ports[2], members);
    a = SettingsCheck.start(ha, settings("window 30 days"));
    b = SettingsCheck.start(hb, settings("window 30 days"));
    odd = SettingsCheck.start(hc, settings("window 7 days"));
  }

  @AfterAll
  static void stop() {
    MEMBERS.forEach(m -> m.getLifecycleService().terminate());
  }

  private static int eventually(SettingsCheck check, int expected) throws InterruptedException {
    for (int i = 0; i < 100 && check.differing() != expected; i++) {
      Thread.sleep(100);
    }
    return check.differing();
  }

  @Test
  @DisplayName(
      "each node counts the members whose settings differ from its own, whoever started first")
  void counted() throws Exception {
    assertThat(eventually(a, 1)).as("a sees the odd one").isEqualTo(1);
    assertThat(eventually(b, 1)).as("b sees the odd one").isEqualTo(1);
    assertThat(eventually(odd, 2)).as("the odd one sees both").isEqualTo(2);
  }

  @Test
  @DisplayName("only digests are published: no key, no secret, no setting in the clear")
  void digestsOnly() {
    Map<String, String> parts = settings("window 30 days");
    assertThat(parts).containsOnlyKeys("dedup settings", "dedup identity secret", "channel keys");
    assertThat(String.join(";", parts.values()))
        .doesNotContain("web-key")
        .doesNotContain("identity-secret")
        .doesNotContain("window");
    assertThat(settings("window 30 days")).isEqualTo(parts);
    assertThat(SettingsCheck.digests("window 30 days", "another-secret".getBytes(), KEYS))
        .isNotEqualTo(parts);
  }
}
