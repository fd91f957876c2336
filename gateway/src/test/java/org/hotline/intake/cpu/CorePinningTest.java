package org.hotline.intake.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.intake.store.EmbeddedDatabase;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the API's event loops and a local database server on cores of their own")
class CorePinningTest {
  private static Affinity.C libc() {
    var c = Affinity.library();
    assumeTrue(c.isPresent(), "CPU affinity is Linux's");
    return c.get();
  }

  private static BitSet allowed(Affinity.C c, long pid) {
    return Affinity.get(c, pid);
  }

  /**
   * {@code pid} runs on {@code cpus}, unless it has ended since it was listed: a short-lived child
   * of the server (an autovacuum worker) may end between the listing and the read.
   */
  private static void assertRunsOn(Affinity.C c, long pid, BitSet cpus) {
    BitSet actual;
    try {
      actual = allowed(c, pid);
    } catch (RuntimeException gone) {
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
          .as("process %d could not be read but still runs", pid)
          .isEmpty();
      return;
    }
    assertThat(actual).as("process %d", pid).isEqualTo(cpus);
  }

  @Test
  @DisplayName(
      "a local server's processes, and the backends it starts later, get the CPUs the loops do not"
          + " take; a loop gets one CPU; closing gives the server its CPUs back")
  void pinsAndRestores(@TempDir Path dir) throws Exception {
    Affinity.C c = libc();
    BitSet mine = allowed(c, 0);
    assumeTrue(mine.cardinality() >= 2, "two CPUs or more");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"))) {
      PgUrl url = PgUrl.parse(db.url());
      long postmaster = CorePinning.localPostmaster(url).orElseThrow();
      BitSet serverBefore = allowed(c, postmaster);
      CorePinning pinning = CorePinning.start(url, 1);
      assertThat(pinning.active()).isTrue();
      int loopCpu = mine.nextSetBit(0);
      assertThat(pinning.loopCpus()).containsExactly(loopCpu);
      BitSet rest = (BitSet) mine.clone();
      rest.clear(loopCpu);
      assertThat(pinning.serverCpus()).isEqualTo(rest);

      List<Long> processes = new ArrayList<>(CorePinning.children(postmaster));
      processes.add(postmaster);
      assertThat(processes).hasSizeGreaterThan(3); // checkpointer, background writer, WAL writer…
      for (long pid : processes) {
        assertRunsOn(c, pid, rest);
      }
      long backend = Long.parseLong(SharedDatabase.one(db.url(), "SELECT pg_backend_pid()"));
      assertThat(backend).isNotIn(processes); // started after: it inherited the postmaster's CPUs

      AtomicReference<BitSet> loop = new AtomicReference<>();
      Thread t =
          new Thread(
              () -> {
                pinning.pinLoop();
                pinning.pinLoop(); // asking again keeps the CPU
                loop.set(allowed(c, 0));
              });
      t.start();
      t.join();
      BitSet one = new BitSet();
      one.set(loopCpu);
      assertThat(loop.get()).isEqualTo(one);
      assertThat(allowed(c, 0)).as("a thread that did not ask").isEqualTo(mine);

      pinning.close();
      assertThat(allowed(c, postmaster)).isEqualTo(serverBefore);
      for (long pid : CorePinning.children(postmaster)) {
        assertRunsOn(c, pid, serverBefore);
      }
    }
  }

  @Test
  @DisplayName(
      "with http.pin_cores, a gateway's API loop keeps to the first CPU while it runs, and its"
          + " database server has its CPUs back once it stops")
  void gatewayPinsItsLoopAndGivesBack() throws Exception {
    Affinity.C c = libc();
    BitSet mine = allowed(c, 0);
    assumeTrue(mine.cardinality() >= 2, "two CPUs or more");
    long postmaster = CorePinning.localPostmaster(PgUrl.parse(SharedDatabase.url())).orElseThrow();
    BitSet serverBefore = allowed(c, postmaster);
    try (TestGateway gw = TestGateway.start(g -> g.withHttp(g.http().withPinCores(true)))) {
      String loopCpu = Integer.toString(mine.nextSetBit(0));
      assertThat(eventLoopCpus()).contains(loopCpu);
      assertThat(allowed(c, postmaster)).isNotEqualTo(serverBefore);
    }
    assertThat(allowed(c, postmaster)).isEqualTo(serverBefore);
  }

  /** Each Vert.x event loop thread's CPUs in this JVM, as /proc lists them. */
  private static List<String> eventLoopCpus() throws Exception {
    List<String> out = new ArrayList<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (Files.readString(task.resolve("comm")).startsWith("vert.x-eventloo")) {
            for (String line : Files.readAllLines(task.resolve("status"))) {
              if (line.startsWith("Cpus_allowed_list:")) {
                out.add(line.substring(line.indexOf(':') + 1).strip());
              }
            }
          }
        } catch (java.nio.file.NoSuchFileException gone) {
          // A thread that ended between the listing and the read (a fresh-clone CI run lost this
          // race once): not an event loop of the gateway under test, which is running.
        }
      }
    }
    return out;
  }

  @Test
  @DisplayName("a backend's pid names its postmaster, every time; a gone process has no children")
  void backendsParent() throws Exception {
    libc();
    PgUrl url = PgUrl.parse(SharedDatabase.url());
    long postmaster = CorePinning.localPostmaster(url).orElseThrow();
    // The connection stays open while its backend is looked for: once closed, the backend exits,
    // and a look-up after that (a race the test lost on a busy machine) finds it gone.
    try (Connection c = SharedDatabase.jdbc();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      assertThat(rs.next()).isTrue();
      long backend = rs.getLong(1);
      assertThat(CorePinning.children(postmaster)).contains(backend);
    }
    assertThat(CorePinning.children(Long.MAX_VALUE)).isEmpty();
    // The look-up's backend exits as its connection closes: read before, it is found every time.
    for (int i = 0; i < 20; i++) {
      assertThat(CorePinning.localPostmaster(url)).hasValue(postmaster);
    }
  }

  @Test
  @DisplayName(
      "nothing is pinned for a server on another machine, nor when the loops take every CPU")
  void nothingToPin() throws Exception {
    Affinity.C c = libc();
    // TEST-NET-1: never this machine; decided from the address, without connecting.
    assertThat(CorePinning.start(new PgUrl("192.0.2.1", 5432, "postgres", "u", "p"), 1).active())
        .isFalse();
    PgUrl local = PgUrl.parse(SharedDatabase.url());
    long postmaster = CorePinning.localPostmaster(local).orElseThrow();
    BitSet before = allowed(c, postmaster);
    int cpus = allowed(c, 0).cardinality();
    CorePinning all = CorePinning.start(local, cpus);
    assertThat(all.active()).isFalse();
    all.pinLoop();
    assertThat(allowed(c, 0).cardinality()).isEqualTo(cpus);
    assertThat(allowed(c, postmaster)).isEqualTo(before);
  }
}
