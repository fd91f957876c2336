package org.hotline.intake.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the verdict's wire form")
class VerdictJsonTest {
  @Test
  @DisplayName("a provisional flag is a JSON boolean beside its deadline, which stays a string")
  void provisionalIsBoolean() {
    JsonObject d =
        Verdict.deadlinesJson(
            Map.of(
                "accept_by",
                "2027-01-12T23:59:59+08:00",
                "accept_by" + Verdict.PROVISIONAL_SUFFIX,
                "true"));
    assertThat(d.getValue("accept_by_provisional")).isEqualTo(Boolean.TRUE);
    assertThat(d.getValue("accept_by")).isEqualTo("2027-01-12T23:59:59+08:00");
    assertThat(d.encode()).contains("\"accept_by_provisional\":true");
  }
}
