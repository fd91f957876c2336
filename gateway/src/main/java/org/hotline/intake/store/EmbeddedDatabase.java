package org.hotline.intake.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
 * a new one, so a crash never needs a human to clean up. A server whose gateway still runs is not a
 * leftover: the running server holds the data directory's {@code epg-lock} (zonky takes it for the
 * server's life), so a second gateway started on the same directory stops with a message instead of
 * stopping the first one's server (until 2026-12-06 it killed it).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(30);

  private static final String SUPERUSER = "postgres";

  /** Rewritten at every start: password authentication (SCRAM) for every connection. */
  private static final String HBA =
      """
      # Written by the intake gateway at every start: every connection proves the password.
      local all all scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  /**
   * Rounds of the SCRAM verifier. PBKDF2's 4096 default stretches guessable passwords; this one is
   * 192 random bits, which no number of rounds makes easier or harder to guess. The rounds are paid
   * by the client at every new connection, and the reactive client pays them in its codec, on an
   * event loop: 4096 took 35 to 200 ms there on a loaded two-core machine.
   */
  static final int SCRAM_ITERATIONS = 16;

  /**
   * glibc's trim threshold, read from the environment by every PostgreSQL process. With glibc's
   * default (128 KiB) each backend gives its heap back to the kernel at the end of a transaction
   * and faults it in again for the next: {@code brk}, {@code munmap} with its TLB flushes and page
   * faults took about a tenth of the server's CPU under load. Keeping up to 32 MiB (at most what a
   * backend once used) cut its CPU a record by a quarter (BENCHMARKS.md, "The database's malloc").
   */
  static final String TRIM_VARIABLE = "MALLOC_TRIM_THRESHOLD_";

  /** The value the server gets unless the gateway's environment sets one: 32 MiB. */
  static final String TRIM_BYTES = String.valueOf(32 * 1024 * 1024);

  /**
   * Checkpoints spaced by time, not by the WAL's volume. With PostgreSQL's defaults (1 GB, 5 min) a
   * server taking complaints at full speed began a checkpoint about once a minute, and after each
   * the first change to every page wrote the whole page into the WAL again; a checkpoint begun
   * under load held the open-model p99 at half rate at hundreds of milliseconds (BENCHMARKS.md,
   * "Checkpoints by time"). With 8 GB and 15 minutes a surge of a million complaints (about 2.2 GB
   * of WAL) passes without one. The price: the WAL may take up to about 8 GB of disk under
   * sustained load, and recovery after a crash replays up to 15 minutes of it. Set with {@code
   * ALTER SYSTEM} at start-up unless an {@code ALTER SYSTEM} has set them already (initdb writes
   * {@code max_wal_size = 1GB} into postgresql.conf, so "still PostgreSQL's default" would not do),
   * so that an operator's own {@code ALTER SYSTEM} stands.
   *
   * <p>{@code min_wal_size = 4GB} (PostgreSQL's is 80 MB): at each checkpoint the server keeps up
   * to 4 GB of used WAL segments, renamed for reuse, instead of deleting all but five. A new
   * segment is otherwise created by the commit that first needs one, which writes 16 MB of zeros
   * and flushes them while every other commit waits; under load that was once a second or so, and
   * one-row commits at 2,500/s had a p99 of 10–18 ms on new segments against 5–8 ms on reused ones
   * (BENCHMARKS.md, "WAL kept for reuse"). The price: the WAL directory keeps up to 4 GB of disk
   * after the first checkpoint of a busy day, within the 8 GB it may take anyway.
   */
  static final Map<String, String> WAL_SETTINGS =
      Map.of("max_wal_size", "8GB", "checkpoint_timeout", "15min", "min_wal_size", "4GB");

  /**
   * The data directories whose servers this process runs. Looked up before the lock file is
   * touched: a file lock on Linux belongs to the whole process, and closing any handle of this
   * process on the file would release the running server's lock.
   */
  private static final java.util.Set<Path> RUNNING =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final EmbeddedPostgres postgres;
  private final String password;
  private final Path dir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password, Path dir) {
    this.postgres = postgres;
    this.password = password;
    this.dir = dir;
  }

  /**
   * Starts (and on first use creates) the cluster in {@code dir}. Blocking.
   *
   * <p>The superuser has a generated password, kept beside the cluster in {@code DIR.password}
   * (owner-only where the file system allows), and every connection must prove it (SCRAM): a local
   * process that can reach the port cannot read complainants' records without the file. A new
   * cluster gets the password from {@code initdb}; {@code pg_hba.conf} is rewritten at every start
   * so that no {@code trust} line survives; a cluster made by an earlier version with {@code trust}
   * is given its password on its first start under this one.
   */
  public static EmbeddedDatabase start(Path dir) throws IOException {
    Files.createDirectories(dir);
    refuseIfInUse(dir);
    stopLeftoverServer(dir);
    Path passwordFile = passwordFile(dir);
    boolean created = Files.exists(dir.resolve("postgresql.conf"));
    boolean trusting = created && !Files.exists(passwordFile);
    String password = trusting ? newPassword() : readOrCreatePassword(passwordFile);
    if (created && !trusting) {
      writeHba(dir);
    }
    if (!ChildEnvironment.provide(TRIM_VARIABLE, TRIM_BYTES)) {
      LOG.info(
          "the embedded PostgreSQL server runs with the C library's default trim threshold (no"
              + " setenv on this platform); set {}={} in the gateway's environment for about a"
              + " quarter less database CPU a record (README \"JVM options\")",
          TRIM_VARIABLE,
          TRIM_BYTES);
    }
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false) // the gateway stops it after draining
            .setPGStartupWait(Duration.ofSeconds(60))
            // initdb, for a new cluster only: these come after the library's own "-A trust".
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toString())
            // How the library checks that the server is up.
            .setConnectConfig("password", password)
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("password_encryption", "scram-sha-256")
            .setServerConfig("scram_iterations", String.valueOf(SCRAM_ITERATIONS))
            .start();
    EmbeddedDatabase database = new EmbeddedDatabase(pg, password, key(dir));
    RUNNING.add(database.dir);
    if (trusting) {
      database.requirePassword(dir, passwordFile);
    } else {
      database.storeVerifier();
    }
    database.applyWalSettings();
    LOG.info("embedded PostgreSQL started on 127.0.0.1:{} with data in {}", pg.getPort(), dir);
    return database;
  }

  /** A URL the gateway's clients connect with; it holds the password, so it is never logged. */
  public String url() {
    return "postgresql://"
        + SUPERUSER
        + ":"
        + password
        + "@127.0.0.1:"
        + postgres.getPort()
        + "/postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  /** Where the password of the cluster in {@code dir} is kept: beside it, not inside it. */
  static Path passwordFile(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".password");
  }

  /**
   * A cluster made with {@code trust}: the superuser gets the password (over the still trusting
   * connection), the file is written once that holds, and then {@code pg_hba.conf} demands it. A
   * crash between the steps leaves the cluster trusting and without the file, so the next start
   * does it all again.
   */
  private void requirePassword(Path dir, Path passwordFile) throws IOException {
    LOG.warn("the embedded PostgreSQL trusted local connections; giving it a password");
    try (Connection c = PgUrl.parse(url()).connect();
        Statement s = c.createStatement()) {
      setPassword(s);
      writePassword(passwordFile, password);
      writeHba(dir);
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("could not set the embedded server's password", e);
    }
  }

  /** {@link #WAL_SETTINGS}, where no {@code ALTER SYSTEM} has set them yet. */
  private void applyWalSettings() throws IOException {
    try (Connection c = PgUrl.parse(url()).connect();
        PreparedStatement unset =
            c.prepareStatement(
                "SELECT name FROM pg_settings WHERE name = ANY (?)"
                    + " AND coalesce(sourcefile, '') NOT LIKE '%postgresql.auto.conf'");
        Statement s = c.createStatement()) {
      unset.setArray(1, c.createArrayOf("text", WAL_SETTINGS.keySet().toArray()));
      List<String> names = new ArrayList<>();
      try (ResultSet rs = unset.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        s.execute("ALTER SYSTEM SET " + name + " = '" + WAL_SETTINGS.get(name) + "'");
      }
      if (!names.isEmpty()) {
        s.execute("SELECT pg_reload_conf()");
        LOG.info(
            "embedded PostgreSQL: {} set for checkpoints spaced by time and WAL kept for reuse",
            names);
      }
    } catch (SQLException e) {
      throw new IOException("could not set the embedded server's WAL settings", e);
    }
  }

  /**
   * Stores the password's verifier again, with {@link #SCRAM_ITERATIONS} rounds: {@code initdb}
   * made it with PostgreSQL's default 4096.
   */
  private void storeVerifier() throws IOException {
    try (Connection c = PgUrl.parse(url()).connect();
        Statement s = c.createStatement()) {
      setPassword(s);
    } catch (SQLException e) {
      throw new IOException("could not store the embedded server's password", e);
    }
  }

  private void setPassword(Statement s) throws SQLException {
    // The password is ours (base64url), so it cannot break out of the literal.
    s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
  }

  private static String readOrCreatePassword(Path file) throws IOException {
    if (Files.exists(file)) {
      String password = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (password.isEmpty()) {
        throw new IOException(file + " is empty: delete it only together with the cluster");
      }
      return password;
    }
    String password = newPassword();
    writePassword(file, password);
    return password;
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Written to a temporary file (owner-only where supported) and moved into place. */
  private static void writePassword(Path file, String password) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void writeHba(Path dir) throws IOException {
    Files.writeString(dir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
  }

  /**
   * Fails when another live server (another gateway's, in this process or another) holds {@code
   * dir}'s lock: its server is not a leftover. The lock is released at once; the server's start
   * takes it again.
   */
  static void refuseIfInUse(Path dir) throws IOException {
    if (RUNNING.contains(key(dir))) {
      throw inUse(dir); // this process's own server: its lock file is not to be touched
    }
    Path lockFile = dir.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return; // no server has run here (and initdb needs the new directory empty)
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this process: another EmbeddedDatabase on the same directory
      }
      if (lock == null) {
        throw inUse(dir);
      }
      lock.release();
    }
  }

  private static DataDirectoryInUseException inUse(Path dir) {
    return new DataDirectoryInUseException(
        "the data directory "
            + dir
            + " is in use by a running gateway's PostgreSQL server: stop that gateway first,"
            + " or give this one another directory (INTAKE_DATA_DIR)");
  }

  /** The directory as one key whatever path named it. */
  private static Path key(Path dir) {
    return dir.toAbsolutePath().normalize();
  }

  /** A data directory whose server another running gateway owns. */
  public static final class DataDirectoryInUseException extends IllegalStateException {
    DataDirectoryInUseException(String message) {
      super(message);
    }
  }

  /** The lock file zonky's server holds in its data directory while it runs. */
  static final String LOCK_FILE = "epg-lock";

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
        LOG.warn(
            "leftover PostgreSQL did not stop in {} s; killing it", STALE_STOP_WAIT.toSeconds());
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
    try {
      postgres.close();
    } finally {
      RUNNING.remove(dir);
    }
  }
}
