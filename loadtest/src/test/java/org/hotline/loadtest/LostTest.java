package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stub that acknowledges every post and then finds none of them: every record is lost. */
class LostTest {
  @TempDir Path tmp;
  StubTarget stub;

  @BeforeEach
  void startStub() throws Exception {
    stub = StubTarget.acknowledging("", 404);
  }

  @AfterEach
  void close() throws Exception {
    stub.close();
  }

  @Test
  @DisplayName("lost records exit 4, and the second line still names the objective missed")
  void lostAndMissed() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int status;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      String[] small = {"--rate", "10", "--duration", "1s", "--warmup", "0s", "--slo", "max=0ms"};
      status = Runs.quietly(Runs.steady(stub.url(), tmp.resolve("lose"), small));
    } finally {
      System.setOut(stdout);
    }
    String[] lines = console.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(status).isEqualTo(ExitStatus.LOST);
    assertThat(lines).hasSize(2);
    assertThat(lines[1])
        .contains("acknowledged records not found when read back")
        .contains("missed: max");
  }
}
