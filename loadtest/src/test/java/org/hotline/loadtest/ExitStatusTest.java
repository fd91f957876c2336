package org.hotline.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExitStatusTest {
  @Test
  @DisplayName("the most serious finding decides: lost, then saturated, then objective missed")
  void precedence() {
    assertThat(ExitStatus.of(0, true, true, true))
        .as("nothing acknowledged outranks saturation and objectives")
        .isEqualTo(ExitStatus.FAILED);
    assertThat(ExitStatus.of(0, false, true, true)).isEqualTo(ExitStatus.SATURATED);
    assertThat(ExitStatus.of(0, false, false)).isEqualTo(0);
    assertThat(ExitStatus.of(0, false, true)).isEqualTo(ExitStatus.OBJECTIVE_MISSED);
    assertThat(ExitStatus.of(0, true, true)).isEqualTo(ExitStatus.SATURATED);
    assertThat(ExitStatus.of(1, true, true)).isEqualTo(ExitStatus.LOST);
    assertThat(new int[] {0, 1, 2, 3, 4, 5})
        .containsExactly(
            ExitStatus.OK,
            ExitStatus.FAILED,
            ExitStatus.USAGE,
            ExitStatus.OBJECTIVE_MISSED,
            ExitStatus.LOST,
            ExitStatus.SATURATED);
  }

  @Nested
  class CommandLineUsage {
    @TempDir Path tmp;

    int run(String... args) {
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(new StringWriter()));
      cl.setOut(new PrintWriter(new StringWriter()));
      return cl.execute(args);
    }

    String[] valid(String... extra) {
      String[] base = {
        "run",
        "--target",
        "http://127.0.0.1:1",
        "--profile",
        "steady",
        "--rate",
        "10",
        "--duration",
        "1s",
        "--out",
        tmp.toString()
      };
      return Runs.concat(base, extra);
    }

    @Test
    @DisplayName(
        "a wrong option, profile, objective, duration or --key channel is a usage error (2)")
    void usage() {
      assertThat(run("run", "--bogus")).isEqualTo(ExitStatus.USAGE);
      assertThat(run(valid("--profile", "monsoon"))).isEqualTo(ExitStatus.USAGE);
      assertThat(run(valid("--slo", "p99=fast"))).isEqualTo(ExitStatus.USAGE);
      assertThat(run(valid("--ramp", "1500ms"))).isEqualTo(ExitStatus.USAGE);
      assertThat(run(valid("--rate", "0"))).isEqualTo(ExitStatus.USAGE);
      assertThat(run()).isEqualTo(ExitStatus.USAGE);
      assertThat(run(valid("--key", "Web=wrong-key"))).isEqualTo(ExitStatus.USAGE);
      assertThat(run(valid("--key", "foo=bar"))).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    @DisplayName("an unreachable target fails the run (1) in one line, without a stack trace")
    void unreachable() {
      failsUnreachableInOneLine(valid("--no-verify"));
    }

    /** The run fails (1) with one line on stderr naming the target unreachable, no stack trace. */
    private void failsUnreachableInOneLine(String[] args) {
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true));
      cl.setOut(new PrintWriter(new StringWriter()));
      assertThat(cl.execute(args)).isEqualTo(ExitStatus.FAILED);
      assertThat(err.toString())
          .startsWith("intake-loadtest run: target unreachable")
          .doesNotContain("\tat ");
      assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    @DisplayName(
        "a target that takes connections and never answers fails the run (1) after --timeout, in"
            + " one line")
    void silentTarget() throws Exception {
      // The kernel completes the handshake for the backlog: connected, never answered.
      try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        String[] args = valid("--no-verify", "--timeout", "1s");
        args[2] = "http://127.0.0.1:" + silent.getLocalPort(); // the value of --target
        failsUnreachableInOneLine(args);
      }
    }

    @Test
    @DisplayName(
        "an --out that holds files is written into, as the contract's --out DIR is (with a warning)")
    void earlierRun() throws Exception {
      Files.writeString(tmp.resolve("summary.json"), "{}");
      assertThat(run(valid("--no-verify"))).isEqualTo(ExitStatus.FAILED);
      assertThat(run(valid("--no-verify", "--overwrite"))).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    @DisplayName("an --out that cannot be written fails the run (1) in one line")
    void unwritableOut() throws Exception {
      Path file = Files.writeString(tmp.resolve("a-file"), "x");
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true));
      cl.setOut(new PrintWriter(new StringWriter()));
      String[] args = valid("--no-verify");
      args[args.length - 2] = file.resolve("run").toString(); // the value of --out
      assertThat(cl.execute(args)).isEqualTo(ExitStatus.FAILED);
      assertThat(err.toString())
          .startsWith("intake-loadtest run: cannot write: ")
          .doesNotContain("\tat ");
    }

    @Test
    @DisplayName(
        "a run whose every request is refused (wrong keys) fails (1): it rehearsed nothing, and its"
            + " dedup scores are null, not perfect")
    void nothingAcknowledged() throws Exception {
      HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      refusing.createContext(
          "/",
          exchange -> {
            int status = exchange.getRequestURI().getPath().startsWith("/health") ? 200 : 401;
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      refusing.start();
      try {
        Path out = tmp.resolve("refused");
        int status =
            run(
                "run",
                "--target",
                "http://127.0.0.1:" + refusing.getAddress().getPort(),
                "--profile",
                "steady",
                "--rate",
                "10",
                "--duration",
                "2s",
                "--warmup",
                "0s",
                "--out",
                out.toString());
        assertThat(status).isEqualTo(ExitStatus.FAILED);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("responses").path("401").asLong()).isPositive();
        assertThat(summary.path("acked").asLong()).isZero();
        assertThat(summary.path("dedup").path("precision").isNull()).isTrue();
      } finally {
        refusing.stop(0);
      }
    }

    @Test
    @DisplayName("--help lists the exit statuses and an example for each option")
    void help() {
      StringWriter out = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out));
      assertThat(cl.execute("run", "--help")).isZero();
      assertThat(out.toString().replaceAll("\\s+", " "))
          .contains("Exit statuses")
          .contains("5 generator saturated")
          .contains("Example: --slo p99=50ms,")
          .doesNotContain("WARN");
    }
  }
}
