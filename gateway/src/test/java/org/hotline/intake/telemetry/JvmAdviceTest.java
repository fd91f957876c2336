package org.hotline.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void theLauncherPicksG1WithThePauseTargetTheAdviceNamesUnlessACollectorIsGiven()
      throws Exception {
    assertThat(Files.readString(Path.of("bin/intake-gateway"))).contains("gc-option");
    String picked = run("bin/gc-option");
    assertThat(picked)
        .isEqualTo("-XX:+UseG1GC -XX:MaxGCPauseMillis=" + JvmAdvice.RECOMMENDED_PAUSE_MILLIS);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(picked.split(" ")));
    command.add("-version");
    assertThat(new ProcessBuilder(command).start().waitFor()).isZero();
    assertThat(run("bin/gc-option", "-Xmx1g", "-XX:+UseShenandoahGC")).isEmpty();
    assertThat(run("bin/gc-option", "-Xmx1g", "-XX:+UseG1GC")).isEmpty();
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor()).isZero();
    return out;
  }

  @Test
  void anotherCollectorOrALongerPauseTargetGetsAdvice() {
    assertThat(JvmAdvice.forCollector("false", "200"))
        .hasValueSatisfying(
            a -> assertThat(a).contains("another collector than G1").contains("intake-gateway"));
    assertThat(JvmAdvice.forCollector("true", "200"))
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("pause target of 200 ms")
                    .contains("-XX:MaxGCPauseMillis=20"));
    assertThat(JvmAdvice.forCollector("true", "20")).isEmpty();
    assertThat(JvmAdvice.forCollector("true", "10")).isEmpty();
    assertThat(JvmAdvice.forCollector("true", "not a number")).isEmpty();
  }
}
