package org.hotline.intake.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as a separate JVM, started the way operators start it (its main class, configured by
 * environment variables), so tests can send it real signals.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("intake-gateway ready on port (\\d+)");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread pump;

  private GatewayProcess(Process process) {
    this.process = process;
    pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.append(line).append('\n');
                  Matcher m = READY.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
              port.completeExceptionally(new IllegalStateException("gateway exited:\n" + output));
            },
            "gateway-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@code org.hotline.intake.Main} with the test classpath and the given environment. */
  public static GatewayProcess start(Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), "org.hotline.intake.Main")
            .redirectErrorStream(true);
    pb.environment().put("INTAKE_HTTP_PORT", "0");
    // A cold JVM deploying four verticles at once on two shared cores can spend a few hundred ms
    // in class loading on every event loop; the child still fails the test past one second.
    pb.environment()
        .put("INTAKE_MAX_EVENT_LOOP_MS", String.valueOf(5 * BlockedThreadGuard.maxEventLoopMs()));
    pb.environment().putAll(env);
    return new GatewayProcess(pb.start());
  }

  /** Waits for the ready line and returns the port it names. */
  public int awaitReady() throws Exception {
    return port.get(120, TimeUnit.SECONDS);
  }

  public Process process() {
    return process;
  }

  /** Everything the process printed so far; all of it once the process has exited. */
  public String output() throws InterruptedException {
    if (!process.isAlive()) {
      pump.join(10_000);
    }
    return output.toString();
  }

  /** SIGTERM, then waits for the exit code. */
  public int terminate() throws Exception {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new IllegalStateException("gateway did not exit after SIGTERM:\n" + output);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs. */
  public void kill() throws Exception {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill();
    }
  }
}
