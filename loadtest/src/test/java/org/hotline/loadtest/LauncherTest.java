package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private static final Path SCRIPT = Path.of("bin/intake-loadtest");

  @Test
  void runsTheJarWithTheTenuringItsFiguresAreMeasuredWith() throws Exception {
    assertThat(Files.isExecutable(SCRIPT)).isTrue();
    String script = Files.readString(SCRIPT);
    assertThat(script)
        .contains("exec java -XX:MaxTenuringThreshold=1 ${JAVA_OPTS:-} -jar \"$jar\" \"$@\"")
        .contains("target/intake-loadtest.jar");
  }
}
