package org.hotline.intake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.support.CapturingAppender;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
    "secrets (database password, identity secret, bearer keys, signing secrets, data keys)")
class SecretsTest {
  static final String PASSWORD = "pg-Passw0rd-never-shown";
  static final String DEDUP_SECRET = "dedup-secret-never-shown-0001";
  static final String BEARER = "bearer-key-never-shown-0001";
  static final String OPERATOR = "operator-key-never-shown-01";
  static final String HMAC = "hmac-secret-never-shown";
  static final String DATA_KEY = dataKey();
  static final String OLD_DATA_KEY = dataKey();

  static final List<String> ALL =
      List.of(PASSWORD, DEDUP_SECRET, BEARER, OPERATOR, HMAC, DATA_KEY, OLD_DATA_KEY);

  static String dataKey() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  static Path yaml(Path dir, String pgUrl) throws Exception {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(
        file,
        """
        pg_url: "%s"
        keys:
          - key: "%s"
            channel: "12345"
            hmac_secrets: ["%s"]
          - key: "%s"
            operator: true
        dedup:
          secret: "%s"
        privacy:
          keys:
            - id: k2
              key: "%s"
            - id: k1
              key: "%s"
        """
            .formatted(pgUrl, BEARER, HMAC, OPERATOR, DEDUP_SECRET, DATA_KEY, OLD_DATA_KEY));
    return file;
  }

  static String withPassword(String url) {
    return url.replace("postgresql://postgres@", "postgresql://postgres:" + PASSWORD + "@");
  }

  static void assertNoSecretIn(String text) {
    for (String secret : ALL) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Nested
  @DisplayName("never appear in toString()")
  class ToString {
    @Test
    @DisplayName("of the configuration and the records it holds")
    void records(@TempDir Path dir) throws Exception {
      GatewayConfig c =
          GatewayConfig.load(
              Map.of(
                  "INTAKE_CONFIG",
                  yaml(dir, "postgresql://postgres:" + PASSWORD + "@db.example:5432/intake")
                      .toString()));
      assertThat(c.privacy().keys()).extracting(DataKey::id).containsExactly("k2", "k1");
      assertThat(c.toString())
          .contains("postgresql://postgres:***@db.example:5432/intake", "k2", "httpPort=8080");
      assertNoSecretIn(c.toString());
      assertNoSecretIn(c.keys().toString());
      assertNoSecretIn(c.privacy().toString());
      assertNoSecretIn(PgUrl.parse(c.pgUrl()).toString());
      assertNoSecretIn(Secrets.redactUrl("postgresql://db.example/intake?password=" + PASSWORD));
      assertThat(Secrets.redactUrl("postgresql://u:a@b c" + PASSWORD + "@h:5432/db"))
          .isEqualTo("postgresql://u:***@h:5432/db");
      assertThat(Secrets.redactUrl("postgresql://u@h/db")).isEqualTo("postgresql://u@h/db");
    }
  }

  @Nested
  @DisplayName("never appear in configuration errors")
  class Errors {
    @Test
    @DisplayName("a database URL that does not parse")
    void badUrl() {
      assertThatThrownBy(
              () ->
                  GatewayConfig.load(
                      Map.of("INTAKE_PG_URL", "postgresql://u:" + PASSWORD + " x@h/db")))
          .hasMessageContaining("INTAKE_PG_URL")
          .hasMessageNotContaining(PASSWORD);
    }

    @Test
    @DisplayName("a YAML file that does not parse, the secret on the bad line")
    void badYaml(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("bad.yaml");
      Files.writeString(file, "dedup:\n  secret: \"" + DEDUP_SECRET + "\n  bad: [\n");
      assertThatThrownBy(() -> GatewayConfig.load(Map.of("INTAKE_CONFIG", file.toString())))
          .hasMessageContaining("not valid YAML")
          .hasMessageNotContaining(DEDUP_SECRET);
    }

    @Test
    @DisplayName("a data key of the wrong length, in the file or the variable")
    void badDataKey(@TempDir Path dir) throws Exception {
      String short16 = Base64.getEncoder().encodeToString(new byte[16]);
      Path file = dir.resolve("k.yaml");
      Files.writeString(file, "privacy:\n  keys:\n    - id: k1\n      key: \"" + short16 + "\"\n");
      assertThatThrownBy(() -> GatewayConfig.load(Map.of("INTAKE_CONFIG", file.toString())))
          .hasMessageContaining("privacy.keys[0].key must be 32 bytes in base64")
          .hasMessageNotContaining(short16);
      assertThatThrownBy(() -> GatewayConfig.load(Map.of("INTAKE_PII_KEYS", "k2:" + short16 + "x")))
          .hasMessageContaining("INTAKE_PII_KEYS entry 1")
          .hasMessageNotContaining(short16);
    }
  }

  @Test
  @DisplayName("never appear in the logs of a gateway configured with all of them")
  void notLogged(@TempDir Path dir) throws Exception {
    String url = withPassword(SharedDatabase.privateDatabase("pii_secrets"));
    GatewayConfig c = GatewayConfig.load(Map.of("INTAKE_CONFIG", yaml(dir, url).toString()));
    try (TestGateway gw =
        TestGateway.start(d -> c.withHttpPort(0).withMaxEventLoopMs(d.maxEventLoopMs()))) {
      // A signed post, an unsigned one, a read and an unknown key: each may log.
      String body = Samples.complaint(Samples.newSourceId());
      long t = java.time.Instant.now().getEpochSecond();
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(HMAC.getBytes(), "HmacSHA256"));
      String signature =
          java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes()));
      HttpResponse<String> signed =
          gw.send(
              gw.post("/v1/complaints", BEARER, "application/json", body.getBytes())
                  .header("X-Intake-Signature", "t=" + t + ",v1=" + signature));
      assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
      assertThat(gw.postJson(BEARER, body).statusCode()).isEqualTo(401);
      String id = new JsonObject(signed.body()).getString("id");
      assertThat(gw.get("/v1/complaints/" + id + "/unmasked", OPERATOR).statusCode())
          .isEqualTo(200);
      assertThat(gw.postJson(HMAC + "-as-a-key", "{}").statusCode()).isEqualTo(401);
    }
    assertNoSecretIn(CapturingAppender.allText());
  }
}
