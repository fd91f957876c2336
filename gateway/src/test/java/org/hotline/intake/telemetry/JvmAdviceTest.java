package org.hotline.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void theLauncherStartsTheJavaItIsGivenWithTheThresholdAndCollectorTheAdviceNames(
      @TempDir Path dir) throws Exception {
    assertThat(Files.isExecutable(Path.of("bin/intake-gateway"))).isTrue();
    // A JDK 25 that prints what it is started with: the launcher must start it (JAVA), not the
    // java on PATH, with the options gc-option picked for it.
    Path java = fakeJava(dir, JvmAdvice.ZGC_FROM);
    Files.writeString(
        java,
        Files.readString(java)
            + "for a in \"$@\"; do [ \"$a\" = -jar ] && echo \"started: $*\"; done; exit 0\n");
    Path jar = Files.writeString(dir.resolve("intake-gateway.jar"), "not a jar");
    ProcessBuilder builder = new ProcessBuilder("bin/intake-gateway", "--help");
    builder.environment().put("JAVA", java.toString());
    builder.environment().put("INTAKE_JAR", jar.toString());
    builder.environment().remove("JAVA_OPTS");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor()).isZero();
    assertThat(out)
        .startsWith("started: -XX:MaxTenuringThreshold=" + JvmAdvice.RECOMMENDED_TENURING + " ")
        .contains("-XX:+UseZGC " + SOFT_MAX)
        .endsWith("-jar " + jar + " --help");
  }

  @Test
  void theLauncherPicksG1WithThePauseTargetTheAdviceNamesUnlessACollectorIsGiven()
      throws Exception {
    assertThat(Files.readString(Path.of("bin/intake-gateway"))).contains("gc-option");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String picked = run(java, "bin/gc-option");
    assertThat(picked)
        .isEqualTo("-XX:+UseG1GC -XX:MaxGCPauseMillis=" + JvmAdvice.RECOMMENDED_PAUSE_MILLIS);
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(picked.split(" ")));
    command.add("-version");
    assertThat(new ProcessBuilder(command).start().waitFor()).isZero();
    assertThat(run(java, "bin/gc-option", "-Xmx1g", "-XX:+UseShenandoahGC")).isEmpty();
    assertThat(run(java, "bin/gc-option", "-Xmx1g", "-XX:+UseG1GC")).isEmpty();
  }

  @Test
  void onANewerJdkTheLauncherPicksGenerationalZgcAndNettysMemoryAccess(@TempDir Path dir)
      throws Exception {
    // The script's version thresholds are the ones the advice names: each release just below
    // one of them gets what the release before gets.
    String zgc = fakeJava(dir, JvmAdvice.ZGC_FROM).toString();
    String beforeZgc = fakeJava(dir, JvmAdvice.ZGC_FROM - 1).toString();
    String access = fakeJava(dir, JvmAdvice.NETTY_ACCESS_FROM).toString();
    String beforeAccess = fakeJava(dir, JvmAdvice.NETTY_ACCESS_FROM - 1).toString();
    String g1 = "-XX:+UseG1GC -XX:MaxGCPauseMillis=" + JvmAdvice.RECOMMENDED_PAUSE_MILLIS;
    String allow = "--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED";
    assertThat(JvmAdvice.NETTY_ACCESS_FROM).isLessThanOrEqualTo(JvmAdvice.ZGC_FROM);
    assertThat(run(zgc, "bin/gc-option")).isEqualTo("-XX:+UseZGC " + SOFT_MAX + " " + allow);
    assertThat(run(zgc, "bin/gc-option", "-XX:SoftMaxHeapSize=1g"))
        .isEqualTo("-XX:+UseZGC " + allow);
    assertThat(run(beforeZgc, "bin/gc-option")).startsWith(g1);
    assertThat(run(access, "bin/gc-option")).endsWith(allow);
    assertThat(run(beforeAccess, "bin/gc-option")).isEqualTo(g1);
    assertThat(run(zgc, "bin/gc-option", "-XX:+UseG1GC")).isEqualTo(allow);
    assertThat(
            run(
                zgc,
                "bin/gc-option",
                "-XX:+UseShenandoahGC",
                "--sun-misc-unsafe-memory-access=warn"))
        .isEmpty();
  }

  @Test
  void aJavaWhoseVersionCannotBeToldIsAnError(@TempDir Path dir) throws Exception {
    Path mute = dir.resolve("java");
    Files.writeString(mute, "#!/bin/sh\necho nothing to see\n");
    assertThat(mute.toFile().setExecutable(true)).isTrue();
    ProcessBuilder builder = new ProcessBuilder("bin/gc-option").redirectErrorStream(true);
    builder.environment().put("JAVA", mute.toString());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isEqualTo(1);
    assertThat(out).contains("cannot tell the version");
  }

  /** What gc-option adds with ZGC for the fake java's 6 GiB heap: a third of it. */
  private static final String SOFT_MAX = "-XX:SoftMaxHeapSize=2048m";

  /**
   * A script that answers {@code -version} as a JDK of this feature release does, and with {@code
   * -XX:+PrintFlagsFinal} also prints the largest heap of a JVM on a 24 GiB machine (6 GiB).
   */
  private static Path fakeJava(Path dir, int feature) throws Exception {
    Path java = dir.resolve("jdk" + feature);
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "for a in \"$@\"; do [ \"$a\" = -XX:+PrintFlagsFinal ] &&"
            + " echo '   size_t MaxHeapSize                              = 6442450944"
            + "                                {product} {ergonomic}'; done\n"
            + "echo 'openjdk version \""
            + feature
            + ".0.3\" 2026-04-21 LTS' >&2\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    return java;
  }

  /** The output of {@code command} run with {@code java} as the java it asks about. */
  private static String run(String java, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA", java);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor()).isZero();
    return out;
  }

  @Test
  void anotherCollectorOrALongerPauseTargetGetsAdvice() {
    assertThat(JvmAdvice.forCollector(17, "false", "200", "false", ""))
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("another collector than G1 or generational ZGC")
                    .contains("intake-gateway"));
    assertThat(JvmAdvice.forCollector(17, "true", "200", "false", ""))
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("pause target of 200 ms")
                    .contains("-XX:MaxGCPauseMillis=20"));
    assertThat(JvmAdvice.forCollector(17, "true", "20", "false", "")).isEmpty();
    assertThat(JvmAdvice.forCollector(17, "true", "10", "false", "")).isEmpty();
    assertThat(JvmAdvice.forCollector(17, "true", "not a number", "false", "")).isEmpty();
  }

  @Test
  void generationalZgcGetsNoneAndTheSingleGenerationOneGetsAdvice() {
    // JDK 17's ZGC has one generation (ZGenerational does not exist there).
    assertThat(JvmAdvice.forCollector(17, "false", "", "true", "")).isPresent();
    assertThat(JvmAdvice.forCollector(21, "false", "", "true", "false")).isPresent();
    assertThat(JvmAdvice.forCollector(21, "false", "", "true", "true")).isEmpty();
    // From JDK 24 on every ZGC is generational and the option is gone.
    assertThat(JvmAdvice.forCollector(25, "false", "", "true", "")).isEmpty();
  }

  @Test
  void aNewerJdkWithoutNettysMemoryAccessGetsAdvice() {
    assertThat(JvmAdvice.forUnsafeAccess(17, null)).isEmpty();
    assertThat(JvmAdvice.forUnsafeAccess(JvmAdvice.NETTY_ACCESS_FROM - 1, null)).isEmpty();
    assertThat(JvmAdvice.forUnsafeAccess(25, "allow")).isEmpty();
    assertThat(JvmAdvice.forUnsafeAccess(25, null))
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("--sun-misc-unsafe-memory-access=allow")
                    .contains("intake-gateway"));
    assertThat(JvmAdvice.forUnsafeAccess(24, "warn")).isPresent();
  }

  @Test
  void zgcWithoutASoftHeapLimitGetsAdvice() {
    String sixGiB = String.valueOf(6L << 30);
    assertThat(JvmAdvice.forSoftLimit("true", false, sixGiB))
        .hasValueSatisfying(
            a ->
                assertThat(a)
                    .contains("-XX:SoftMaxHeapSize")
                    .contains("6144 MB")
                    .contains("intake-gateway"));
    // Given, as gc-option does (a third of the largest heap), or by the operator: none.
    assertThat(JvmAdvice.forSoftLimit("true", true, sixGiB)).isEmpty();
    // Not ZGC: G1 does not use the limit.
    assertThat(JvmAdvice.forSoftLimit("false", false, sixGiB)).isEmpty();
    // A largest heap the JVM does not report: nothing to say.
    assertThat(JvmAdvice.forSoftLimit("true", false, "")).isEmpty();
  }

  @Test
  void thisJvmsAdviceIsAboutItsOwnOptions() {
    // The tests run on the launcher's options for this JDK or on the JVM's defaults; either way
    // every line of advice names what to change, and none is about Netty on JDK 17.
    assertThat(JvmAdvice.current()).allSatisfy(a -> assertThat(a).contains("intake-gateway"));
    if (Runtime.version().feature() < 24) {
      assertThat(JvmAdvice.current()).noneMatch(a -> a.contains("unsafe-memory-access"));
    }
  }
}
