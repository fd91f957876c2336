package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.http.BadInputTest.assertProblem;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.SIGNED_KEY;
import static org.hotline.intake.support.TestGateway.SIGNING_SECRETS;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.hotline.intake.support.Rows;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("authentication")
class AuthenticationTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  private HttpResponse<String> post(String key, String body, String signature) throws Exception {
    var b =
        gw.post("/v1/complaints", key, "application/json", body.getBytes(StandardCharsets.UTF_8));
    if (signature != null) {
      b.header("X-Intake-Signature", signature);
    }
    return gw.send(b);
  }

  static String sign(String secret, long t, String body) {
    byte[] mac =
        Authenticator.hmac(
            secret,
            (t + ".").getBytes(StandardCharsets.US_ASCII),
            body.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac);
  }

  @Nested
  @DisplayName("bearer keys")
  class BearerKeys {
    @Test
    @DisplayName("a missing, malformed or unknown key is a 401 and stores nothing")
    void badKeys() throws Exception {
      String sourceId = Samples.newSourceId();
      String body = Samples.complaint(sourceId);
      assertProblem(post(null, body, null), 401);
      assertProblem(post("no-such-key", body, null), 401);
      var basic =
          gw.post("/v1/complaints", null, "application/json", body.getBytes(StandardCharsets.UTF_8))
              .header("Authorization", "Basic ZGVtbzpkZW1v");
      assertProblem(gw.send(basic), 401);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }

    @Test
    @DisplayName("two Authorization headers are a 401, whichever comes first, and store nothing")
    void twoKeys() throws Exception {
      String sourceId = Samples.newSourceId();
      var two =
          gw.post(
                  "/v1/complaints",
                  WEB_KEY,
                  "application/json",
                  Samples.complaint(sourceId).getBytes(StandardCharsets.UTF_8))
              .header("Authorization", "Bearer " + OPERATOR_KEY);
      assertProblem(gw.send(two), 401);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }

    @Test
    @DisplayName("the operator key cannot post records")
    void operatorCannotPost() throws Exception {
      String sourceId = Samples.newSourceId();
      assertProblem(post(OPERATOR_KEY, Samples.complaint(sourceId), null), 403);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }
  }

  @Nested
  @DisplayName("a channel that signs its bodies")
  class Signatures {
    long now() {
      return System.currentTimeMillis() / 1000;
    }

    @Test
    @DisplayName("is accepted with a valid signature under either rotating secret")
    void valid() throws Exception {
      for (String secret : SIGNING_SECRETS) {
        String body = Samples.complaint(Samples.newSourceId());
        long t = now();
        HttpResponse<String> r = post(SIGNED_KEY, body, "t=" + t + ",v1=" + sign(secret, t, body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      }
    }

    @Test
    @DisplayName("accepts a header carrying several v1 values when one matches")
    void rotation() throws Exception {
      String body = Samples.complaint(Samples.newSourceId());
      long t = now();
      String header =
          "t="
              + t
              + ",v1="
              + sign("retired", t, body)
              + ",v1="
              + sign(SIGNING_SECRETS.get(1), t, body);
      assertThat(post(SIGNED_KEY, body, header).statusCode()).isEqualTo(202);
    }

    @Test
    @DisplayName("is a 401 without a signature, with a wrong one, or outside 300 s")
    void invalid() throws Exception {
      String sourceId = Samples.newSourceId();
      String body = Samples.complaint(sourceId);
      String secret = SIGNING_SECRETS.get(0);
      long t = now();
      assertProblem(post(SIGNED_KEY, body, null), 401);
      assertProblem(post(SIGNED_KEY, body, "t=" + t + ",v1=" + sign("wrong", t, body)), 401);
      assertProblem(
          post(SIGNED_KEY, body, "t=" + (t - 301) + ",v1=" + sign(secret, t - 301, body)), 401);
      assertProblem(post(SIGNED_KEY, body, "t=" + t + ",v1=" + sign(secret, t, body + " ")), 401);
      assertProblem(post(SIGNED_KEY, body, "garbage"), 401);
      assertThat(Rows.countBySourceId(sourceId)).isZero();
    }
  }
}
