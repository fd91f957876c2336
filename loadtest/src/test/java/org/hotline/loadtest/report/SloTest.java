package org.hotline.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SloTest {
  @Test
  @DisplayName("p99=50ms,errors=0.1% parses into a latency and an error objective")
  void parses() {
    Slo slo = Slo.parse("p99=50ms,errors=0.1%, max=2s");
    assertThat(slo.objectives())
        .containsExactly(
            new Slo.Objective("p99", 50),
            new Slo.Objective("errors", 0.1),
            new Slo.Objective("max", 2000));
  }

  @Test
  @DisplayName("an objective is met at its limit and missed above it")
  void checks() {
    Slo slo = Slo.parse("p99=50ms,errors=0.1%");
    Map<String, Double> latency = Map.of("p99", 50.0);
    assertThat(slo.check(latency::get, 0.1)).allMatch(Slo.Check::met);
    assertThat(slo.check(n -> 50.5, 0.0)).extracting(Slo.Check::met).containsExactly(false, true);
    assertThat(slo.check(latency::get, 0.2))
        .extracting(Slo.Check::met)
        .containsExactly(true, false);
  }

  @Test
  @DisplayName("a malformed objective names the part that is wrong")
  void refuses() {
    assertThatThrownBy(() -> Slo.parse("p98=5ms")).hasMessageContaining("p98");
    assertThatThrownBy(() -> Slo.parse("p99=50")).hasMessageContaining("ms or s");
    assertThatThrownBy(() -> Slo.parse("errors=0.1")).hasMessageContaining("percentage");
    assertThatThrownBy(() -> Slo.parse("errors=101%")).hasMessageContaining("at most 100");
    assertThatThrownBy(() -> Slo.parse("p99")).hasMessageContaining("name=value");
    assertThat(Slo.parse(null).objectives()).isEmpty();
  }
}
