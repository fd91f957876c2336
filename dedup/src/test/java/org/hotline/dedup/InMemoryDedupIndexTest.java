package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DisplayName("InMemoryDedupIndex")
class InMemoryDedupIndexTest {
  private static final int THREADS = 16;
  private static final String[] PHONE_SHAPES = {
    "13950001234", "+86 139-5000-1234", "139 5000 1234", "１３９５０００１２３４"
  };

  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final InMemoryDedupIndex index = new InMemoryDedupIndex();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Decides {@code perThread} records from each of 16 threads started together. */
  private List<DedupVerdict> race(int perThread, IntFunction<DedupRecord> record) throws Exception {
    return race(index, perThread, record);
  }

  /**
   * Decides {@code perThread} records in {@code target} from each of 16 threads started together.
   */
  private List<DedupVerdict> race(DedupIndex target, int perThread, IntFunction<DedupRecord> record)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<DedupVerdict>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                List<Fingerprint> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  mine.add(fingerprinter.fingerprint(record.apply(thread * perThread + i)));
                }
                start.await();
                List<DedupVerdict> out = new ArrayList<>();
                for (Fingerprint fp : mine) {
                  out.add(target.decide(fp).toCompletableFuture().join());
                }
                return out;
              }));
    }
    start.countDown();
    List<DedupVerdict> all = Collections.synchronizedList(new ArrayList<>());
    for (Future<List<DedupVerdict>> f : futures) {
      all.addAll(f.get(30, TimeUnit.SECONDS));
    }
    return all;
  }

  @Nested
  @DisplayName("under concurrency")
  class Concurrency {
    @RepeatedTest(5)
    @DisplayName("copies of one matter from one complainant give exactly one accepted record")
    void oneComplainant() throws Exception {
      List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
      List<DedupVerdict> verdicts =
          race(
              8,
              i -> {
                DedupRecord r =
                    TestRecords.complaint()
                        .phone(PHONE_SHAPES[i % PHONE_SHAPES.length])
                        .at(TestRecords.T0.plusSeconds(i % 5))
                        .build();
                ids.add(r.id());
                return r;
              });
      assertThat(verdicts).hasSize(THREADS * 8);
      assertThat(verdicts).filteredOn(v -> v.kind() == Kind.NEW).hasSize(1);
      assertThat(verdicts).filteredOn(v -> v.kind() == Kind.DUPLICATE).hasSize(THREADS * 8 - 1);
      assertThat(verdicts.stream().map(DedupVerdict::duplicateOf).distinct().filter(x -> x != null))
          .singleElement()
          .isIn(ids);
      assertThat(index.size()).isEqualTo(1);
    }

    @RepeatedTest(5)
    @DisplayName("one matter from many complainants gives one group of the right size")
    void manyComplainants() throws Exception {
      List<DedupVerdict> verdicts = race(1, i -> BlockStateTest.gymMember(i, 0));
      assertThat(verdicts).filteredOn(v -> v.kind() == Kind.NEW).hasSize(1);
      List<DedupVerdict> clustered =
          verdicts.stream().filter(v -> v.kind() == Kind.CLUSTERED).toList();
      assertThat(clustered).hasSize(THREADS - 1);
      assertThat(clustered.stream().map(DedupVerdict::clusterId).distinct()).hasSize(1);
      assertThat(clustered.stream().mapToInt(DedupVerdict::clusterSize).max()).hasValue(THREADS);
      assertThat(clustered.stream().mapToInt(DedupVerdict::clusterSize).sorted().toArray())
          .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
      assertThat(clustered).filteredOn(DedupVerdict::escalated).hasSize(1);
      assertThat(index.size()).isEqualTo(THREADS);
    }
  }

  @Nested
  @DisplayName("housekeeping")
  class Housekeeping {
    private DedupVerdict decide(DedupRecord r) {
      return index.decide(fingerprinter.fingerprint(r)).toCompletableFuture().join();
    }

    @Test
    @DisplayName("keeps merchants apart: the same words about another shop are new")
    void blocks() {
      decide(TestRecords.complaint().build());
      assertThat(decide(TestRecords.complaint().merchant("鹭港海鲜大排档").build()).kind())
          .isEqualTo(Kind.NEW);
      assertThat(index.blocks()).isEqualTo(2);
    }

    @Test
    @DisplayName("forgets a record, and drops the block it leaves empty")
    void forget() {
      DedupRecord r = TestRecords.complaint().build();
      Fingerprint fp = fingerprinter.fingerprint(r);
      index.decide(fp);
      index.forget(fp).toCompletableFuture().join();
      assertThat(index.size()).isZero();
      assertThat(index.blocks()).isZero();
      assertThat(decide(TestRecords.complaint().build()).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("sweeps out blocks that nobody filed against within the window")
    void sweep() {
      decide(TestRecords.complaint().build());
      decide(
          TestRecords.complaint()
              .merchant("鹭港海鲜大排档")
              .at(TestRecords.T0.plus(Duration.ofDays(20)))
              .build());
      index.sweep(TestRecords.T0.plus(Duration.ofDays(35)));
      assertThat(index.size()).isEqualTo(1);
      assertThat(index.blocks()).isEqualTo(1);
      index.sweep(Instant.MAX.minusSeconds(1_000_000_000L));
      assertThat(index.blocks()).isZero();
    }

    @Test
    @DisplayName("restores committed records with their groups")
    void restore() {
      UUID group = UUID.randomUUID();
      index.restore(fingerprinter.fingerprint(BlockStateTest.gymMember(0, 0)), group, 2);
      DedupVerdict v = decide(BlockStateTest.gymMember(1, 1));
      assertThat(v.clusterId()).isEqualTo(group);
      assertThat(v.clusterSize()).isEqualTo(3);
    }

    @Test
    @DisplayName("answers new and holds nothing when there is nothing to block on")
    void unindexable() {
      assertThat(decide(TestRecords.complaint().merchant(null).phone(null).build()).kind())
          .isEqualTo(Kind.NEW);
      assertThat(index.size()).isZero();
    }
  }

  @Nested
  @DisplayName("the cap on entries")
  class Cap {
    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";

    /**
     * A complaint about a merchant of its own (a block of its own), by a complainant of its own.
     */
    private DedupRecord about(int i) {
      return TestRecords.complaint()
          .merchant(STEMS.charAt(i) + "记海鲜大排档")
          .phone("1395000" + (1000 + i))
          .at(TestRecords.T0.plusSeconds(i))
          .build();
    }

    /** The same complainant filing the same matter again a minute later, under a new id. */
    private DedupRecord again(int i) {
      return TestRecords.complaint()
          .merchant(STEMS.charAt(i) + "记海鲜大排档")
          .phone("1395000" + (1000 + i))
          .at(TestRecords.T0.plusSeconds(60 + i))
          .build();
    }

    private Kind decide(InMemoryDedupIndex capped, DedupRecord r) {
      return capped.decide(fingerprinter.fingerprint(r)).toCompletableFuture().join().kind();
    }

    @Test
    @DisplayName("holds no more than the cap, and the oldest entries are the ones evicted")
    void oldestFirst() {
      InMemoryDedupIndex capped = new InMemoryDedupIndex(DedupOptions.defaults(), 3);
      for (int i = 0; i < 5; i++) {
        assertThat(decide(capped, about(i))).isEqualTo(Kind.NEW);
        assertThat(capped.size()).isLessThanOrEqualTo(3);
      }
      assertThat(capped.size()).isEqualTo(3);
      assertThat(capped.evictions()).isEqualTo(2);
      assertThat(capped.blocks()).as("evicted blocks leave the map").isEqualTo(3);
      // The three newest are still there to be found as originals (a duplicate adds nothing)...
      assertThat(decide(capped, again(4))).isEqualTo(Kind.DUPLICATE);
      assertThat(decide(capped, again(3))).isEqualTo(Kind.DUPLICATE);
      assertThat(decide(capped, again(2))).isEqualTo(Kind.DUPLICATE);
      assertThat(capped.evictions()).isEqualTo(2);
      // ...the two oldest are not: the re-filing is new, and evicts the oldest left (record 2).
      assertThat(decide(capped, again(0))).isEqualTo(Kind.NEW);
      assertThat(capped.evictions()).isEqualTo(3);
      assertThat(decide(capped, again(2))).isEqualTo(Kind.NEW);
      assertThat(capped.size()).isEqualTo(3);
    }

    @Test
    @DisplayName("evicts the oldest within one block too, and keeps the newer entries of the block")
    void withinOneBlock() {
      InMemoryDedupIndex capped = new InMemoryDedupIndex(DedupOptions.defaults(), 2);
      DedupRecord first = TestRecords.complaint().phone("13950001001").build();
      DedupRecord second =
          TestRecords.complaint().phone("13950001002").idNumber(null).content("另一件事：押金不退。").build();
      DedupRecord third =
          TestRecords.complaint().phone("13950001003").content("第三件事：发票不开。").build();
      decide(capped, first);
      decide(capped, second);
      decide(capped, third);
      assertThat(capped.size()).isEqualTo(2);
      assertThat(capped.blocks()).isEqualTo(1);
      assertThat(capped.evictions()).isEqualTo(1);
      DedupVerdict secondAgain =
          capped
              .decide(
                  fingerprinter.fingerprint(
                      TestRecords.complaint()
                          .phone("13950001002")
                          .content("另一件事：押金不退。")
                          .at(TestRecords.T0.plusSeconds(60))
                          .build()))
              .toCompletableFuture()
              .join();
      assertThat(secondAgain.kind()).isEqualTo(Kind.DUPLICATE);
      assertThat(secondAgain.duplicateOf()).isEqualTo(second.id());
    }

    @Test
    @DisplayName("a restore beyond the cap keeps the newest records")
    void restore() {
      InMemoryDedupIndex capped = new InMemoryDedupIndex(DedupOptions.defaults(), 3);
      for (int i = 0; i < 5; i++) {
        capped.restore(fingerprinter.fingerprint(about(i)), null, 0);
      }
      assertThat(capped.size()).isEqualTo(3);
      assertThat(capped.evictions()).isEqualTo(2);
      assertThat(decide(capped, again(2))).isEqualTo(Kind.DUPLICATE);
      assertThat(decide(capped, again(1))).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("under 16 threads every entry is either held or counted as evicted")
    void concurrent() throws Exception {
      InMemoryDedupIndex capped = new InMemoryDedupIndex(DedupOptions.defaults(), 500);
      List<DedupVerdict> verdicts =
          race(
              capped,
              100,
              i ->
                  TestRecords.complaint()
                      .merchant(STEMS.charAt(i % 10) + "记" + (i % 37) + "号店")
                      .phone("139" + (10_000_000 + i))
                      .content("第" + i + "件事，" + (i % 37) + "号店。")
                      .build());
      assertThat(capped.size()).isLessThanOrEqualTo(500);
      // Every complainant is another person, so nothing is a duplicate: every record was indexed.
      assertThat(verdicts).noneMatch(v -> v.kind() == Kind.DUPLICATE);
      assertThat(capped.size() + capped.evictions()).isEqualTo(THREADS * 100);
    }

    @Test
    @DisplayName("by default, a quarter of the heap at 256 bytes an entry, at least 10,000")
    void defaultFromHeap() {
      assertThat(InMemoryDedupIndex.defaultMaxEntries(1L << 30)).isEqualTo(1_048_576);
      assertThat(InMemoryDedupIndex.defaultMaxEntries(4L << 30)).isEqualTo(4_194_304);
      assertThat(InMemoryDedupIndex.defaultMaxEntries(64L << 20)).isEqualTo(65_536);
      assertThat(InMemoryDedupIndex.defaultMaxEntries(1L << 20)).isEqualTo(10_000);
      assertThat(new InMemoryDedupIndex().maxEntries())
          .isEqualTo(InMemoryDedupIndex.defaultMaxEntries(Runtime.getRuntime().maxMemory()));
    }
  }
}
