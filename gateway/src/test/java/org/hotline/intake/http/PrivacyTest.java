package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.hotline.intake.support.CapturingAppender;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("personal data")
class PrivacyTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  @Test
  @DisplayName("never appears in log lines or error bodies, for good or bad records")
  void neverLoggedOrEchoed() throws Exception {
    String phone = "13905921234";
    String idNumber = "35020319900307123X";
    String name = "王小明";
    String sourceId = Samples.newSourceId();
    String good =
        Samples.complaint(sourceId).replace(Samples.phone(sourceId), phone).replace("张三", name);
    assertThat(gw.postJson(PHONE_KEY, good).statusCode()).isEqualTo(202);

    JsonObject bad = new JsonObject(Samples.complaint(Samples.newSourceId()));
    bad.getJsonObject("complainant").put("id_number", idNumber).put("name", name);
    bad.getJsonObject("complainant").put("phone", phone + "99");
    HttpResponse<String> rejected = gw.postJson(PHONE_KEY, bad.encode());
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.body()).doesNotContain(phone).doesNotContain(idNumber).doesNotContain(name);

    String logs = CapturingAppender.allText();
    assertThat(logs).doesNotContain(phone).doesNotContain(idNumber).doesNotContain(name);
    assertThat(logs).doesNotContain(Samples.idNumber(sourceId));
  }
}
