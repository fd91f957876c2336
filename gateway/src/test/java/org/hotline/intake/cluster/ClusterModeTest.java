package org.hotline.intake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.hotline.intake.http.DedupIntakeTest;
import org.hotline.intake.support.TestGateway;
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

  @Test
  @DisplayName("two nodes share one dedup index: a re-filing on node B is a duplicate of node A's")
  void sharedIndex() throws Exception {
    int portA = freePort();
    int portB = freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    CompletableFuture<TestGateway> startB =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return TestGateway.start(members, portB);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try (TestGateway a = TestGateway.start(members, portA);
        TestGateway b = startB.get()) {
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
  }
}
