package org.hotline.dedup.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.dedup.BlockState;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.TestCity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Hazelcast dedup index")
class HazelcastDedupIndexTest {
  private static final AtomicInteger MAPS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Fingerprinter FINGERPRINTER =
      new Fingerprinter("test-identity-secret".getBytes(StandardCharsets.UTF_8), TestCity.XIAMEN);

  private static TwoMembers cluster;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

  @BeforeAll
  static void startCluster() {
    cluster = new TwoMembers();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A fresh map per test, seen through each member. */
  private static HazelcastDedupIndex[] indexes(DedupOptions options) {
    String name = "dedup-test-" + MAPS.incrementAndGet();
    return new HazelcastDedupIndex[] {
      new HazelcastDedupIndex(cluster.a, options, name),
      new HazelcastDedupIndex(cluster.b, options, name)
    };
  }

  private static HazelcastDedupIndex[] indexes() {
    return indexes(DedupOptions.defaults());
  }

  /** One complaint about the gym that closed, filed by the given phone. */
  private Fingerprint gymComplaint(String phone, Instant receivedAt) {
    return FINGERPRINTER.fingerprint(
        new DedupRecord(
            UUID.randomUUID(),
            receivedAt,
            phone,
            null,
            "厦门市思明区力健健身有限公司",
            null,
            "思明区湖滨南路88号",
            null,
            "健身房突然关门停业，办的年卡还剩八个月没有使用，要求退还剩余会费。",
            new BigDecimal("2680.00"),
            LocalDate.of(2025, 3, 1)));
  }

  private Fingerprint complaint(String phone, String merchant, Instant receivedAt) {
    return FINGERPRINTER.fingerprint(
        new DedupRecord(
            UUID.randomUUID(),
            receivedAt,
            phone,
            null,
            merchant,
            null,
            null,
            null,
            "健身房突然关门停业，办的年卡还剩八个月没有使用，要求退还剩余会费。",
            new BigDecimal("2680.00"),
            LocalDate.of(2025, 3, 1)));
  }

  private Fingerprint gymComplaint(String phone) {
    return gymComplaint(phone, now);
  }

  private static DedupVerdict await(CompletionStage<DedupVerdict> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a duplicate decided through one member is recognised through the other")
  void duplicateAcrossMembers() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    Fingerprint first = gymComplaint("13906001234");
    Fingerprint again = gymComplaint("139 0600 1234");

    DedupVerdict firstVerdict = await(index[0].decide(first));
    DedupVerdict againVerdict = await(index[1].decide(again));

    assertThat(firstVerdict.kind()).isEqualTo(Kind.NEW);
    assertThat(againVerdict.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(againVerdict.duplicateOf()).isEqualTo(first.id());
    assertThat(index[0].size()).isEqualTo(1);
    assertThat(index[1].size()).isEqualTo(1);
    assertThat(index[1].keyCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("many simultaneous copies of one matter through both members yield exactly one new")
  void concurrentCopiesYieldOneNew() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    int copies = 200;
    List<Fingerprint> fingerprints = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      fingerprints.add(gymComplaint("13906001234", now.plusMillis(i)));
    }
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<CompletableFuture<DedupVerdict>> verdicts = new ArrayList<>();
    try {
      for (int i = 0; i < copies; i++) {
        HazelcastDedupIndex through = index[i % 2];
        Fingerprint fingerprint = fingerprints.get(i);
        verdicts.add(
            CompletableFuture.supplyAsync(() -> through.decide(fingerprint), senders)
                .thenCompose(stage -> stage));
      }
      CompletableFuture.allOf(verdicts.toArray(CompletableFuture[]::new))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      senders.shutdownNow();
    }

    List<UUID> news = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      if (verdicts.get(i).join().kind() == Kind.NEW) {
        news.add(fingerprints.get(i).id());
      }
    }
    assertThat(news).hasSize(1);
    assertThat(verdicts)
        .map(CompletableFuture::join)
        .filteredOn(v -> v.kind() != Kind.NEW)
        .hasSize(copies - 1)
        .allSatisfy(
            v -> {
              assertThat(v.kind()).isEqualTo(Kind.DUPLICATE);
              assertThat(v.duplicateOf()).isEqualTo(news.get(0));
            });
    assertThat(index[0].size()).isEqualTo(1);
  }

  @Test
  @DisplayName("decisions survive the crash of the member that owned the key, groups included")
  void decisionsSurviveOwnerCrash() throws Exception {
    HazelcastInstance third = cluster.startAnother();
    try {
      String name = "dedup-test-" + MAPS.incrementAndGet();
      HazelcastDedupIndex onThird = new HazelcastDedupIndex(third, DedupOptions.defaults(), name);
      HazelcastDedupIndex onA = new HazelcastDedupIndex(cluster.a, DedupOptions.defaults(), name);
      awaitClusterSafe(third);
      // A merchant whose key the third member owns, so that its crash loses the primary copy.
      String merchant = null;
      for (int i = 0; merchant == null; i++) {
        String candidate = "鹭岛" + i + "号健身有限公司";
        String key = complaint("13906001234", candidate, now).blockingKey();
        if (third.getPartitionService().getPartition(key).getOwner().localMember()) {
          merchant = candidate;
        }
      }
      Fingerprint first = complaint("13906001234", merchant, now);
      assertThat(await(onThird.decide(first)).kind()).isEqualTo(Kind.NEW);
      DedupVerdict grouped = await(onThird.decide(complaint("13812345678", merchant, now)));
      assertThat(grouped.kind()).isEqualTo(Kind.CLUSTERED);

      third.getLifecycleService().terminate();

      DedupVerdict again = await(onA.decide(complaint("139-0600-1234", merchant, now)));
      DedupVerdict joins = await(onA.decide(complaint("13700001111", merchant, now)));
      assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
      assertThat(again.duplicateOf()).isEqualTo(first.id());
      assertThat(joins.kind()).isEqualTo(Kind.CLUSTERED);
      assertThat(joins.clusterId()).isEqualTo(grouped.clusterId());
      assertThat(joins.clusterSize()).isEqualTo(3);
    } finally {
      third.getLifecycleService().terminate();
    }
  }

  @Test
  @DisplayName("a member that shuts down while verdicts are in flight loses none of them")
  void memberLeavesWithVerdictsInFlight() throws Exception {
    verdictsSurviveLeaving(third -> third.shutdown());
  }

  @Test
  @DisplayName("a member that crashes while verdicts are in flight loses none of them")
  void memberCrashesWithVerdictsInFlight() throws Exception {
    verdictsSurviveLeaving(third -> third.getLifecycleService().terminate());
  }

  /**
   * Many decisions in flight through member A while a third member, owner of about a third of the
   * keys, leaves: every one is answered, none is a duplicate of itself (an entry processor the
   * leaving owner ran may run again on the new one), and the index holds each record afterwards.
   */
  private void verdictsSurviveLeaving(java.util.function.Consumer<HazelcastInstance> leave)
      throws Exception {
    HazelcastInstance third = cluster.startAnother();
    try {
      String name = "dedup-test-" + MAPS.incrementAndGet();
      new HazelcastDedupIndex(third, DedupOptions.defaults(), name);
      HazelcastDedupIndex onA = new HazelcastDedupIndex(cluster.a, DedupOptions.defaults(), name);
      awaitClusterSafe(third);
      int n = 300;
      List<Fingerprint> records = new ArrayList<>();
      List<CompletableFuture<DedupVerdict>> verdicts = new ArrayList<>();
      CompletableFuture<Void> left = null;
      for (int i = 0; i < n; i++) {
        Fingerprint fp = complaint(String.format("139%08d", i), "鹭岛离场" + i + "号健身有限公司", now);
        records.add(fp);
        verdicts.add(onA.decide(fp).toCompletableFuture());
        if (i == n / 3) {
          left = CompletableFuture.runAsync(() -> leave.accept(third));
        }
      }
      for (CompletableFuture<DedupVerdict> v : verdicts) {
        assertThat(v.get(WAIT.toSeconds(), TimeUnit.SECONDS).kind()).isEqualTo(Kind.NEW);
      }
      left.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(onA.size()).isEqualTo(n);
      for (int i = 0; i < n; i += 50) {
        Fingerprint again =
            complaint(String.format("139%08d", i), "鹭岛离场" + i + "号健身有限公司", now.plusSeconds(60));
        DedupVerdict v = await(onA.decide(again));
        assertThat(v.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(v.duplicateOf()).isEqualTo(records.get(i).id());
      }
    } finally {
      third.getLifecycleService().terminate();
    }
  }

  /** Partitions assigned, migrations done, backups in sync. */
  private static void awaitClusterSafe(HazelcastInstance member) throws InterruptedException {
    member.getMap("warm-up").size(); // the first map operation makes the partition table
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!member.getPartitionService().isClusterSafe() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(member.getPartitionService().isClusterSafe()).isTrue();
  }

  @Test
  @DisplayName("forgetting a record that was not committed removes it, and its key when last")
  void forgetRemoves() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    Fingerprint first = gymComplaint("13906001234");

    assertThat(await(index[0].decide(first)).kind()).isEqualTo(Kind.NEW);
    index[1].forget(first).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(index[0].size()).isZero();
    assertThat(index[0].keyCount()).isZero();
    assertThat(await(index[0].decide(gymComplaint("13906001234"))).kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("forgetting under a key the index does not hold is harmless")
  void forgetUnknown() throws Exception {
    HazelcastDedupIndex[] index = indexes();

    index[0].forget(gymComplaint("13906001234")).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(index[1].keyCount()).isZero();
  }

  @Test
  @DisplayName("a restored record is found by the next decision on any member")
  void restorePutsBack() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    Fingerprint committed = gymComplaint("13906001234", now.minus(Duration.ofDays(3)));

    index[1].restore(committed, null, 0);
    DedupVerdict verdict = await(index[0].decide(gymComplaint("13906001234")));

    assertThat(index[0].size()).isEqualTo(1);
    assertThat(verdict.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(verdict.duplicateOf()).isEqualTo(committed.id());
  }

  @Test
  @DisplayName("a restored group member brings a later complainant into the same group")
  void restoreKeepsGroup() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    UUID group = UUID.randomUUID();
    Fingerprint committed = gymComplaint("13906001234", now.minus(Duration.ofDays(2)));

    index[0].restore(committed, group, 3);
    DedupVerdict verdict = await(index[1].decide(gymComplaint("13812345678")));

    assertThat(verdict.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(verdict.clusterId()).isEqualTo(group);
    assertThat(verdict.clusterSize()).isEqualTo(4);
  }

  @Test
  @DisplayName("restoring the same record twice, as two starting nodes may, holds it once")
  void restoreIsIdempotent() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    Fingerprint committed = gymComplaint("13906001234", now.minus(Duration.ofDays(3)));

    index[0].restore(committed, null, 0);
    index[1].restore(committed, null, 0);

    assertThat(index[0].size()).isEqualTo(1);
  }

  @Test
  @DisplayName("restoring asynchronously puts the record back as well")
  void restoreAsyncPutsBack() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    Fingerprint committed = gymComplaint("13906001234", now.minus(Duration.ofDays(3)));

    index[0].restoreAsync(committed, null, 0).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(await(index[1].decide(gymComplaint("13906001234"))).duplicateOf())
        .isEqualTo(committed.id());
  }

  @Test
  @DisplayName("a record with neither merchant nor identity is new and not held")
  void anonymousRecordIsNotHeld() throws Exception {
    HazelcastDedupIndex[] index = indexes();
    Fingerprint anonymous =
        FINGERPRINTER.fingerprint(
            new DedupRecord(
                UUID.randomUUID(),
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                "商品质量有问题。",
                null,
                null));

    assertThat(await(index[0].decide(anonymous)).kind()).isEqualTo(Kind.NEW);
    index[1].forget(anonymous).toCompletableFuture().get(30, TimeUnit.SECONDS);
    index[1].restore(anonymous, null, 0);
    assertThat(index[0].keyCount()).isZero();
  }

  @Test
  @DisplayName("the map configuration keeps one backup and expires keys after the retention window")
  void mapConfig() {
    DedupOptions options =
        new DedupOptions(
            Duration.ofDays(30), Duration.ofDays(7), DedupOptions.DEFAULT_ESCALATION_THRESHOLD);

    MapConfig config = HazelcastDedupIndex.mapConfig(options, 5000);

    assertThat(config.getName()).isEqualTo(HazelcastDedupIndex.DEFAULT_MAP_NAME);
    assertThat(config.getEvictionConfig().getSize()).isEqualTo(5000);
    assertThat(config.getEvictionConfig().getMaxSizePolicy()).isEqualTo(MaxSizePolicy.PER_NODE);
    assertThat(config.getEvictionConfig().getEvictionPolicy()).isEqualTo(EvictionPolicy.LRU);
    assertThat(HazelcastDedupIndex.defaultMaxBlocksPerMember(4L << 30)).isEqualTo(1 << 20);
    assertThat(HazelcastDedupIndex.defaultMaxBlocksPerMember(1 << 20)).isEqualTo(10_000);
    assertThat(config.getTimeToLiveSeconds()).isEqualTo(30 * 24 * 3600);
    assertThat(config.getBackupCount()).isEqualTo(1);
    assertThat(config.getInMemoryFormat()).isEqualTo(InMemoryFormat.OBJECT);
    assertThat(HazelcastDedupIndex.ttlSeconds(Duration.ofMillis(1500))).isEqualTo(2);
    assertThat(HazelcastDedupIndex.ttlSeconds(Duration.ZERO)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "past its cap a member evicts the blocks written longest ago, counts them, and keeps the"
          + " newest")
  void capEvictsOldestBlocks() throws Exception {
    String name = "dedup-test-cap-" + MAPS.incrementAndGet();
    // Hazelcast enforces the cap per partition: 22 per member, 2 members, 11 partitions = 4 each.
    int cap = 22;
    HazelcastDedupIndex onA =
        new HazelcastDedupIndex(cluster.a, DedupOptions.defaults(), name, cap);
    HazelcastDedupIndex onB =
        new HazelcastDedupIndex(cluster.b, DedupOptions.defaults(), name, cap);
    String hanzi = "东南西北春夏秋冬金木水火土山海云天星月光";
    List<Fingerprint> written = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String merchant =
          "厦门" + hanzi.charAt(i / hanzi.length()) + hanzi.charAt(i % hanzi.length()) + "贸易有限公司";
      Fingerprint f = complaint("1390600" + String.format("%04d", i), merchant, now);
      written.add(f);
      await((i % 2 == 0 ? onA : onB).decide(f));
    }
    long distinct = written.stream().map(Fingerprint::blockingKey).distinct().count();
    var map = cluster.a.getMap(name);

    assertThat(distinct).as("the merchants make distinct blocks").isEqualTo(200);
    assertThat(map.size()).isLessThanOrEqualTo(2 * cap);
    assertThat(onA.localBlocks() + onB.localBlocks()).isEqualTo(map.size());
    // Eviction events reach the members' listeners asynchronously: wait for the last of them.
    long evicted = 200 - map.size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (onA.evictions() + onB.evictions() < evicted && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(onA.evictions() + onB.evictions()).isEqualTo(evicted);
    // Hazelcast's LRU evicts the least recently used of a sample, not strictly the oldest: the
    // older half loses more blocks than the newer one, and the newest block stays.
    long olderKept =
        written.subList(0, 100).stream().filter(f -> map.containsKey(f.blockingKey())).count();
    long newerKept =
        written.subList(100, 200).stream().filter(f -> map.containsKey(f.blockingKey())).count();
    assertThat(olderKept).as("older blocks kept").isLessThan(newerKept);
    assertThat(map.containsKey(written.get(199).blockingKey())).as("the newest").isTrue();
  }

  @Test
  @DisplayName("an entry carries the retention window as its time-to-live on every member")
  void entryHasRetentionTtl() throws Exception {
    DedupOptions options = DedupOptions.defaults();
    String name = "dedup-test-ttl-" + MAPS.incrementAndGet();
    HazelcastDedupIndex index = new HazelcastDedupIndex(cluster.a, options, name);
    Fingerprint first = gymComplaint("13906001234");

    await(index.decide(first));

    for (HazelcastInstance member : List.of(cluster.a, cluster.b)) {
      assertThat(member.getConfig().findMapConfig(name).getTimeToLiveSeconds())
          .isEqualTo(30 * 24 * 3600);
      EntryView<String, BlockState> view =
          member.<String, BlockState>getMap(name).getEntryView(first.blockingKey());
      assertThat(view).isNotNull();
      assertThat(view.getTtl()).isEqualTo(options.retention().toMillis());
    }
  }

  @Test
  @DisplayName("a key lives for the retention window after its last decision, then goes")
  void keyExpiresAfterRetention() throws Exception {
    // Three seconds of retention; the real windows are days.
    DedupOptions options = new DedupOptions(Duration.ofSeconds(3), Duration.ofSeconds(1), 5);
    HazelcastDedupIndex[] index = indexes(options);
    Instant at = Instant.now();
    Fingerprint first = gymComplaint("13906001234", at);
    String key = first.blockingKey();
    long t0 = System.nanoTime();

    await(index[0].decide(first));
    Thread.sleep(2_000);
    await(index[1].decide(gymComplaint("13906001234", at.plusSeconds(2))));
    long rewritten = System.nanoTime();
    Thread.sleep(Math.max(0, 3_500 - millisSince(t0)));

    // Only meaningful if the machine did not stall past the second write's own deadline.
    assumeTrue(millisSince(rewritten) < 2_700, "machine too slow for the timing window");
    assertThat(cluster.a.getMap(index[0].mapName()).containsKey(key)).isTrue();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (cluster.a.getMap(index[0].mapName()).containsKey(key) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(index[1].keyCount()).isZero();
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
