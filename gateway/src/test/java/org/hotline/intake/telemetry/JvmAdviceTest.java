package org.hotline.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void anEmbeddedServerWithoutTheTrimThresholdGetsAdvice() {
    assertThat(JvmAdvice.forEmbeddedServer(Map.of("PATH", "/usr/bin"), true))
        .hasValueSatisfying(
            a -> assertThat(a).contains("MALLOC_TRIM_THRESHOLD_=33554432").contains("bin/"));
  }

  @Test
  void aSetThresholdOrAnExternalServerGetsNone() {
    assertThat(JvmAdvice.forEmbeddedServer(Map.of("MALLOC_TRIM_THRESHOLD_", "131072"), true))
        .isEmpty();
    assertThat(JvmAdvice.forEmbeddedServer(Map.of(), false)).isEmpty();
  }

  /** Runs the launcher with a {@code java} on the PATH that prints what it was given. */
  private static String launch(Path dir, Map<String, String> env) throws Exception {
    Path java = dir.resolve("java");
    Files.writeString(
        java, "#!/bin/sh\necho \"trim=$MALLOC_TRIM_THRESHOLD_ args=$*\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Files.writeString(dir.resolve("gateway.jar"), "not a jar");
    ProcessBuilder pb =
        new ProcessBuilder("bin/intake-gateway", "--help").redirectErrorStream(true);
    pb.environment().remove("MALLOC_TRIM_THRESHOLD_");
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    pb.environment().put("INTAKE_JAR", jar.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out.trim();
  }

  @Test
  void theLauncherGivesTheEmbeddedServerTheTrimThreshold(@TempDir Path dir) throws Exception {
    assertThat(launch(dir, Map.of()))
        .isEqualTo(
            "trim="
                + JvmAdvice.RECOMMENDED_TRIM
                + " args=-XX:MaxTenuringThreshold=1 -jar "
                + dir.resolve("gateway.jar")
                + " --help");
  }

  @Test
  void aTrimThresholdTheCallerSetWins(@TempDir Path dir) throws Exception {
    assertThat(launch(dir, Map.of("MALLOC_TRIM_THRESHOLD_", "1048576")))
        .startsWith("trim=1048576 ");
  }
}
