package org.hotline.intake.cpu;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hotline.intake.store.PgUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's event loops on some of the machine's cores and the PostgreSQL server on the others,
 * when the server runs on the same machine ({@code http.pin_cores}, off by default).
 *
 * <p>Why it exists, and why it is off: left to the kernel, the loop and the server's backends take
 * turns on both cores a request or two at a time, and each turn starts on caches the other filled.
 * Pinned from outside ({@code taskset}) in three alternated pairs at saturation on two cores, the
 * gateway made 12–18% more records a second at less CPU a record in both processes; built in, in
 * seven more pairs an hour later, from 23% fewer to 14% more, 4% fewer on average, and from outside
 * again in two pairs at the end, +2.7% and −4.2%. Twelve pairs in all average +1.2%, inside the
 * host's spread, so the kernel keeps the placement unless an operator measures a gain on their own
 * machine (BENCHMARKS.md, "The event loop on one core, the database on the other").
 *
 * <p>What: of the CPUs this process may use, the first {@code loops} take one API event loop each
 * ({@link #pinLoop}, called on the loop), and the rest take the server's postmaster and every
 * process it has started; processes it starts later (new connections, autovacuum workers) inherit
 * that. {@link #close} gives the server's processes back the CPUs they had, so that a server that
 * outlives the gateway (an external one on this machine) runs as before. Nothing is pinned unless
 * both halves can be: off Linux, where the process may use no more CPUs than there are loops, where
 * the server is on another machine or its processes are not visible or not ours to change (another
 * user's server, without {@code CAP_SYS_NICE}).
 */
public final class CorePinning implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CorePinning.class);

  private final Affinity.C c;
  private final List<Integer> loopCpus;
  private final BitSet serverCpus;
  private final long postmaster;
  private final Map<Long, BitSet> before;
  private final AtomicInteger nextLoop = new AtomicInteger();
  private final Map<Thread, Integer> pinned = new ConcurrentHashMap<>();

  private CorePinning(
      Affinity.C c,
      List<Integer> loopCpus,
      BitSet serverCpus,
      long postmaster,
      Map<Long, BitSet> before) {
    this.c = c;
    this.loopCpus = loopCpus;
    this.serverCpus = serverCpus;
    this.postmaster = postmaster;
    this.before = before;
  }

  /** Pins nothing. */
  public static CorePinning none() {
    return new CorePinning(null, List.of(), new BitSet(), 0, Map.of());
  }

  /**
   * Puts the server at {@code url} on the cores the API's {@code loops} event loops will not take,
   * when it runs on this machine; {@link #none} when anything needed is missing (logged). Blocking
   * (a JDBC query, {@code /proc}); call before the gateway's pools connect, so that their backends
   * are started pinned.
   */
  public static CorePinning start(PgUrl url, int loops) {
    var c = Affinity.library();
    if (c.isEmpty()) {
      LOG.info("http.pin_cores: no CPU affinity on this platform; the kernel places every thread");
      return none();
    }
    try {
      BitSet allowed = Affinity.get(c.get(), 0);
      if (allowed.cardinality() <= loops) {
        LOG.info(
            "http.pin_cores: {} CPU(s) for {} API event loop(s) leaves none for the database;"
                + " nothing pinned",
            allowed.cardinality(),
            loops);
        return none();
      }
      OptionalLong postmaster = localPostmaster(url);
      if (postmaster.isEmpty()) {
        LOG.info(
            "http.pin_cores: the database server is not a process of this machine; nothing pinned");
        return none();
      }
      List<Integer> loopCpus = new ArrayList<>();
      BitSet serverCpus = (BitSet) allowed.clone();
      for (int cpu = allowed.nextSetBit(0);
          loopCpus.size() < loops;
          cpu = allowed.nextSetBit(cpu + 1)) {
        loopCpus.add(cpu);
        serverCpus.clear(cpu);
      }
      Map<Long, BitSet> before = pinServer(c.get(), postmaster.getAsLong(), serverCpus);
      LOG.info(
          "http.pin_cores: the API's event loop(s) on CPU {}, the database server's {} processes on"
              + " CPU {}",
          list(loopCpus.stream().mapToInt(Integer::intValue).toArray()),
          before.size(),
          list(serverCpus.stream().toArray()));
      return new CorePinning(
          c.get(), List.copyOf(loopCpus), serverCpus, postmaster.getAsLong(), before);
    } catch (RuntimeException | IOException | SQLException e) {
      LOG.warn("http.pin_cores: nothing pinned: {}", e.toString());
      return none();
    }
  }

  private static String list(int[] cpus) {
    return Arrays.stream(cpus).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  /** Whether this pins anything. */
  public boolean active() {
    return c != null;
  }

  /** The CPUs the API's loops take, one a loop, in the order they ask. */
  public List<Integer> loopCpus() {
    return loopCpus;
  }

  /** The CPUs the server's processes were given. */
  public BitSet serverCpus() {
    return (BitSet) serverCpus.clone();
  }

  /**
   * Pins the calling thread, an API event loop, to a CPU of its own (the next one not taken; a loop
   * that asks again keeps its CPU). Does nothing when inactive; a syscall, not blocking.
   */
  public void pinLoop() {
    if (c == null) {
      return;
    }
    pinned.computeIfAbsent(
        Thread.currentThread(),
        t -> {
          int cpu = loopCpus.get(Math.floorMod(nextLoop.getAndIncrement(), loopCpus.size()));
          BitSet one = new BitSet();
          one.set(cpu);
          try {
            Affinity.set(c, 0, one);
          } catch (RuntimeException e) {
            LOG.warn("http.pin_cores: event loop {} not pinned: {}", t.getName(), e.toString());
          }
          return cpu;
        });
  }

  /** Gives the server's processes back the CPUs they had before {@link #start}. */
  @Override
  public void close() {
    if (c == null) {
      return;
    }
    BitSet original = before.get(postmaster);
    List<Long> processes = new ArrayList<>();
    processes.add(postmaster);
    processes.addAll(children(postmaster));
    for (long pid : processes) {
      try {
        Affinity.set(c, pid, before.getOrDefault(pid, original));
      } catch (RuntimeException e) {
        // gone: a backend that ended since
      }
    }
  }

  /**
   * The postmaster of the server at {@code url}, when the URL names this machine and the backend
   * that answers is a process here whose parent is a {@code postgres} process.
   */
  static OptionalLong localPostmaster(PgUrl url) throws IOException, SQLException {
    if (!InetAddress.getByName(url.host()).isLoopbackAddress()) {
      return OptionalLong.empty();
    }
    // Read while the connection is open: its backend exits when it closes.
    try (Connection conn = url.connect();
        Statement s = conn.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      Optional<ProcessHandle> backend = ProcessHandle.of(r.getLong(1));
      // In another PID namespace (a database in a container of its own) the number may name some
      // other process here, or none: both it and its parent must be PostgreSQL's.
      Optional<ProcessHandle> postmaster =
          backend.filter(CorePinning::isPostgres).flatMap(ProcessHandle::parent);
      return postmaster.filter(CorePinning::isPostgres).stream()
          .mapToLong(ProcessHandle::pid)
          .findFirst();
    }
  }

  /** Pins {@code postmaster} and its children; their CPUs before, by process. */
  private static Map<Long, BitSet> pinServer(Affinity.C c, long postmaster, BitSet cpus) {
    Map<Long, BitSet> before = new LinkedHashMap<>();
    before.put(postmaster, Affinity.get(c, postmaster));
    Affinity.set(c, postmaster, cpus); // first: whatever it starts from now on inherits this
    for (long child : children(postmaster)) {
      try {
        before.put(child, Affinity.get(c, child));
        Affinity.set(c, child, cpus);
      } catch (RuntimeException e) {
        before.remove(child); // it ended in between
      }
    }
    return before;
  }

  /** The processes {@code pid} has started and that still run ({@link ProcessHandle#children}). */
  static List<Long> children(long pid) {
    return ProcessHandle.of(pid).stream()
        .flatMap(ProcessHandle::children)
        .map(ProcessHandle::pid)
        .toList();
  }

  /**
   * Whether {@code pid} runs a {@code postgres} executable (unknown, as for another user's: no).
   */
  private static boolean isPostgres(ProcessHandle p) {
    return p.info().command().map(c -> Path.of(c).endsWith("postgres")).orElse(false);
  }
}
