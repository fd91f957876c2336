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
                  out.add(index.decide(fp).toCompletableFuture().join());
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
}
