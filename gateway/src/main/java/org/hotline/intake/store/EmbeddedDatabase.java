package org.hotline.intake.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the zonky binaries, its cluster kept under a data directory so
 * that acknowledged records survive restarts.
 *
 * <p>A gateway killed with SIGKILL leaves its postmaster running (it is a daemon, not a thread of
 * ours) and a {@code postmaster.pid} behind. Start-up stops such a leftover server before starting
 * a new one, so a crash never needs a human to clean up.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts (and on first use creates) the cluster in {@code dir}. Blocking. */
  public static EmbeddedDatabase start(Path dir) throws IOException {
    Files.createDirectories(dir);
    stopLeftoverServer(dir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false) // the gateway stops it after draining
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    LOG.info("embedded PostgreSQL started on 127.0.0.1:{} with data in {}", pg.getPort(), dir);
    return new EmbeddedDatabase(pg);
  }

  /** A URL the gateway's clients connect with. */
  public String url() {
    return "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  /** Stops a server left running in {@code dir} by a killed process, and removes its pid file. */
  public static void stopLeftoverServer(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> leftover =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (leftover.isPresent() && leftover.get().isAlive() && isPostgres(leftover.get())) {
      ProcessHandle p = leftover.get();
      LOG.warn("stopping a leftover PostgreSQL server (pid {}) from an earlier run", p.pid());
      p.destroy(); // SIGTERM: its clients died with the old gateway, so it stops promptly
      try {
        p.onExit().get(STALE_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("leftover PostgreSQL did not stop in {}s; killing it", STALE_STOP_WAIT);
        p.destroyForcibly();
        p.onExit().join();
      }
    } else {
      LOG.warn("removing a stale postmaster.pid left by a crashed run");
    }
    Files.deleteIfExists(pidFile);
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("postgres")).orElse(true);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
