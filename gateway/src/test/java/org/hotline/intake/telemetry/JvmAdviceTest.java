package org.hotline.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmAdviceTest {
  @Test
  void theDefaultThresholdGetsAdvice() {
    assertThat(JvmAdvice.forTenuring("15"))
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("-XX:MaxTenuringThreshold=15")
                    .contains("gateway/bin/intake-gateway"));
  }

  @Test
  void theRecommendedThresholdOrLessGetsNone() {
    assertThat(JvmAdvice.forTenuring("1")).isEmpty();
    assertThat(JvmAdvice.forTenuring("0")).isEmpty();
    assertThat(JvmAdvice.forTenuring("not a number")).isEmpty();
  }

  @Test
  void theLauncherSetsTheThresholdTheAdviceNames() throws Exception {
    String script = Files.readString(Path.of("bin/intake-gateway"));
    assertThat(script)
        .contains("java -XX:MaxTenuringThreshold=" + JvmAdvice.RECOMMENDED_TENURING + " ");
    assertThat(Files.isExecutable(Path.of("bin/intake-gateway"))).isTrue();
  }

  @Test
  void theLauncherPicksAConcurrentCollectorThisJvmStartsWithUnlessOneIsGiven() throws Exception {
    assertThat(Files.readString(Path.of("bin/intake-gateway"))).contains("gc-option");
    String picked = run("bin/gc-option");
    assertThat(picked).isIn("", "-XX:+UseShenandoahGC");
    if (!picked.isEmpty()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      assertThat(new ProcessBuilder(java, picked, "-version").start().waitFor()).isZero();
    }
    assertThat(run("bin/gc-option", "-Xmx1g", "-XX:+UseG1GC")).isEmpty();
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor()).isZero();
    return out;
  }

  @Test
  void aStopTheWorldCollectorGetsAdviceWhereShenandoahIsThere() {
    assertThat(JvmAdvice.forCollector("false", "false"))
        .hasValueSatisfying(
            a -> assertThat(a).contains("-XX:+UseShenandoahGC").contains("intake-gateway"));
    assertThat(JvmAdvice.forCollector("true", "false")).isEmpty();
    assertThat(JvmAdvice.forCollector("false", "true")).isEmpty();
  }
}
