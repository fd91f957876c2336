package org.hotline.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("readiness during a drain")
class DrainReadinessTest {
  @Test
  @DisplayName("is 503 from the moment draining starts, while liveness stays UP")
  void notReadyWhileDraining() throws Exception {
    try (TestGateway gw = TestGateway.start()) {
      assertThat(gw.get("/health/ready", null).statusCode()).isEqualTo(200);

      gw.gateway().startDraining();

      HttpResponse<String> ready = gw.get("/health/ready", null);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(ready.headers().firstValue("retry-after")).isPresent();
      assertThat(gw.get("/health/live", null).statusCode()).isEqualTo(200);
    }
  }
}
