package org.hotline.intake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.HOTLINE_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.intake.config.ChannelRate;
import org.hotline.intake.config.LimitOptions;
import org.hotline.intake.http.DedupIntakeTest;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("cluster mode")
class ClusterModeTest {
  /**
   * A free port below Linux's ephemeral range: a member dialling a not-yet-bound port inside that
   * range can end up connected to itself and keep its peer from binding.
   */
  static int freePort() throws Exception {
    for (int i = 0; i < 100; i++) {
      int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000);
      try (ServerSocket s = new ServerSocket(port)) {
        return s.getLocalPort();
      } catch (java.io.IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in 20000-29999");
  }

  private static TestGateway a;
  private static TestGateway b;

  /** Two nodes joining each other, started together as a deployment would. */
  @BeforeAll
  static void startTwoNodes() throws Exception {
    int portA = freePort();
    int portB = freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    CompletableFuture<TestGateway> startB =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return start(members, portB);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      a = start(members, portA);
    } finally {
      b = startB.get();
    }
    // One filing through each node first: the first calls to a fresh cluster (partition tables,
    // the entry processors' classes) can outlast the dedup call timeout on a busy machine, and a
    // call that times out is judged locally, as a new matter, by design. The tests below are about
    // sharing, not about that first call.
    for (TestGateway node : List.of(a, b)) {
      node.postJson(
          PHONE_KEY,
          DedupIntakeTest.phoneFiling(DedupIntakeTest.newPhone(), DedupIntakeTest.newCreditCode()));
    }
  }

  /** Long enough for a slow first call on a busy machine, short of the test client's patience. */
  private static final int CALL_TIMEOUT_MS = 10_000;

  /** The 12345 channel's bucket: 20 at once and one a second, for the whole cluster. */
  private static final ChannelRate HOTLINE_RATE = new ChannelRate(1, 20);

  private static TestGateway start(String members, int port) throws Exception {
    return TestGateway.start(
        c ->
            c.withCluster(members, port)
                // A cluster call that outlasts its timeout is judged locally, as a new matter, by
                // design (DedupTimeoutTest); on a loaded CI machine a Hazelcast call once took over
                // the default 2 s here. These tests are about what the nodes share, so they wait.
                .withClusterOptions(
                    c.clusterOptions()
                        .withSecret(TestGateway.CLUSTER_SECRET)
                        .withCallTimeoutMs(CALL_TIMEOUT_MS))
                .withLimits(LimitOptions.defaults().withChannelRate("12345", HOTLINE_RATE)));
  }

  @AfterAll
  static void stopNodes() throws Exception {
    try (TestGateway stopA = a;
        TestGateway stopB = b) {
      // closed in reverse order
    }
  }

  @Test
  @DisplayName("two nodes share one dedup index: a re-filing on node B is a duplicate of node A's")
  void sharedIndex() throws Exception {
    String phone = DedupIntakeTest.newPhone();
    String cc = DedupIntakeTest.newCreditCode();
    HttpResponse<String> first = a.postJson(PHONE_KEY, DedupIntakeTest.phoneFiling(phone, cc));
    HttpResponse<String> second = b.postJson(WEB_KEY, DedupIntakeTest.webFiling(phone, cc));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    JsonObject original = new JsonObject(first.body());
    JsonObject copy = new JsonObject(second.body());
    assertThat(original.getString("status")).isEqualTo("accepted");
    assertThat(copy.getString("status")).isEqualTo("duplicate");
    assertThat(copy.getString("duplicate_of")).isEqualTo(original.getString("id"));
  }

  @Test
  @DisplayName(
      "two nodes share merchant aliases: node B's filing under the shop name alone is a duplicate"
          + " of node A's filing under the credit code and registered name")
  void sharedAliases() throws Exception {
    String phone = DedupIntakeTest.newPhone();
    String cc = DedupIntakeTest.newCreditCode();
    String brand = newBrand();
    HttpResponse<String> first =
        a.postJson(PHONE_KEY, byCreditCode(phone, cc, "厦门市思明区" + brand + "有限公司"));
    HttpResponse<String> second = b.postJson(WEB_KEY, byShopName(phone, brand + "（中山路店）"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
    JsonObject original = new JsonObject(first.body());
    JsonObject copy = new JsonObject(second.body());
    assertThat(original.getString("status")).isEqualTo("accepted");
    assertThat(copy.getString("status")).isEqualTo("duplicate");
    assertThat(copy.getString("duplicate_of")).isEqualTo(original.getString("id"));
  }

  @Test
  @DisplayName(
      "a re-filing under another spelling is a duplicate on either node, whichever member owns the"
          + " keys (the index is told to forget it from the event loop, not a Hazelcast thread)")
  void refilingUnderAnotherSpelling() throws Exception {
    for (int i = 0; i < 8; i++) { // eight merchants: some keys are owned by the other member
      TestGateway node = i % 2 == 0 ? a : b;
      String phone = DedupIntakeTest.newPhone();
      String brand = DedupIntakeTest.newBrand() + DedupIntakeTest.newBrand();
      JsonObject original =
          new JsonObject(node.postJson(WEB_KEY, DedupIntakeTest.tourOnTheWeb(phone, brand)).body());
      HttpResponse<String> again =
          node.postJson(PHONE_KEY, DedupIntakeTest.tourByPhone(phone, brand));

      assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
      JsonObject copy = new JsonObject(again.body());
      assertThat(copy.getString("status")).as(brand).isEqualTo("duplicate");
      assertThat(copy.getString("duplicate_of")).isEqualTo(original.getString("id"));
    }
  }

  @Test
  @DisplayName("each node counts the cluster's members, and none whose settings differ")
  void membersCounted() throws Exception {
    for (TestGateway node : List.of(a, b)) {
      assertThat(node.get("/metrics", null).body())
          .contains("intake_cluster_members 2.0")
          .as("configured alike")
          .contains("intake_cluster_settings_differ 0.0");
    }
  }

  @Test
  @DisplayName("each of two nodes holds half of a channel's bucket")
  void rateShare() throws Exception {
    int admitted = 0;
    for (int i = 0; i < 30; i++) {
      // An empty object: admitted requests are refused as invalid (400), nothing is stored. Up to
      // the first refusal: asking again at once would have the next one held until its Retry-After.
      int status = a.postJson(HOTLINE_KEY, "{}").statusCode();
      assertThat(status).isIn(400, 429);
      if (status == 429) {
        break;
      }
      admitted++;
    }
    // 10 of the burst of 20 (plus what refills, half a token a second, while the loop runs)
    assertThat(admitted).isBetween(HOTLINE_RATE.burst() / 2, HOTLINE_RATE.burst() - 5);
  }

  /** A restaurant name no other test uses, so its name alias is new to the shared database. */
  private static String newBrand() {
    String han = "海味轩鲜渔港湾鹭岛潮汕闽南蚝仔沙茶面线糊";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      sb.append(han.charAt(ThreadLocalRandom.current().nextInt(han.length())));
    }
    return sb.append("餐饮").toString();
  }

  /** The call centre's summary, with the credit code the operator looked up. */
  private static String byCreditCode(String phone, String cc, String merchantName) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "林女士", "phone": "%s"},
         "merchant": {"name": "%s", "credit_code": "%s", "address": "厦门市思明区中山路66号"},
         "content": "来电人反映昨晚在该店吃海鲜，点的龙虾称重缺斤少两，多收费用480元，要求退还多收款。",
         "amount": 480}
        """
        .formatted(Samples.newSourceId(), hoursAgo(3), phone, merchantName, cc);
  }

  /** The same consumer on the web, naming the shop as its sign does, without a credit code. */
  private static String byShopName(String phone, String merchantName) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "林女士", "phone": "%s"},
         "merchant": {"name": "%s"},
         "content": "我昨晚在中山路这家店吃海鲜，点的龙虾称重缺斤少两，结账多收了４８０元，要求商家退还！",
         "amount": 480}
        """
        .formatted(Samples.newSourceId(), hoursAgo(1), phone, merchantName);
  }

  private static String hoursAgo(int hours) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8))
        .minusHours(hours)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
  }
}
