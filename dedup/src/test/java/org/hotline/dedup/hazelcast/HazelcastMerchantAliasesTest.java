package org.hotline.dedup.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
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
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.MerchantAliases;
import org.hotline.dedup.TestCity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The Hazelcast merchant alias table")
class HazelcastMerchantAliasesTest {
  private static final byte[] SECRET = "test-identity-secret".getBytes(StandardCharsets.UTF_8);
  private static final AtomicInteger MAPS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CREDIT_CODE = "91350203MA2YHW8X4L";
  private static final String REGISTERED_NAME = "厦门市思明区海味轩餐饮有限公司";

  private static TwoMembers cluster;
  private static ExecutorService followUps;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

  @BeforeAll
  static void startCluster() {
    cluster = new TwoMembers();
    // Stands in for the caller's event loop: the follow-up calls are made from it.
    followUps = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stopCluster() {
    if (followUps != null) {
      followUps.shutdownNow();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Node A and node B of one gateway cluster: each its own fingerprinter, one alias map. */
  private record Nodes(
      Fingerprinter a, Fingerprinter b, HazelcastDedupIndex indexA, HazelcastDedupIndex indexB) {
    static Nodes sharing() {
      String aliases = "aliases-test-" + MAPS.incrementAndGet();
      String index = "dedup-test-" + MAPS.get();
      DedupOptions options = DedupOptions.defaults();
      return new Nodes(
          new Fingerprinter(
              SECRET, TestCity.XIAMEN, new HazelcastMerchantAliases(cluster.a, options, aliases)),
          new Fingerprinter(
              SECRET, TestCity.XIAMEN, new HazelcastMerchantAliases(cluster.b, options, aliases)),
          new HazelcastDedupIndex(cluster.a, options, index),
          new HazelcastDedupIndex(cluster.b, options, index));
    }

    /** What cluster mode did before: one index, but each node its own alias table. */
    static Nodes perNode() {
      String index = "dedup-test-" + MAPS.incrementAndGet();
      DedupOptions options = DedupOptions.defaults();
      return new Nodes(
          new Fingerprinter(SECRET, TestCity.XIAMEN, MerchantAliases.inMemory(1000)),
          new Fingerprinter(SECRET, TestCity.XIAMEN, MerchantAliases.inMemory(1000)),
          new HazelcastDedupIndex(cluster.a, options, index),
          new HazelcastDedupIndex(cluster.b, options, index));
    }
  }

  /** An overcharge at the seafood restaurant, as a filing names the merchant. */
  private DedupRecord overcharge(String phone, String merchantName, String creditCode, int minute) {
    return new DedupRecord(
        UUID.randomUUID(),
        now.plus(minute, ChronoUnit.MINUTES),
        phone,
        null,
        merchantName,
        creditCode,
        null,
        null,
        "昨晚在中山路海味轩吃海鲜，龙虾称重缺斤少两，结账多收了480元，要求退还多收款。",
        new BigDecimal("480"),
        LocalDate.of(2025, 10, 2));
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Nested
  @DisplayName("a merchant named differently on each node")
  class NamedDifferently {
    @Test
    @DisplayName("the shop name alone on node B finds the block of the credit code seen on node A")
    void shopNameFindsCreditCodeBlock() throws Exception {
      List<String> keys = keysOnEachNode(Nodes.sharing());

      assertThat(keys.get(0)).isEqualTo("cc:" + CREDIT_CODE);
      assertThat(keys.get(1)).isEqualTo(keys.get(0));
    }

    @Test
    @DisplayName(
        "a re-filing on node B under another name is judged a duplicate of node A's record")
    void reFilingOnBIsDuplicate() throws Exception {
      Nodes nodes = Nodes.sharing();
      DedupVerdict first = decide(nodes, true, REGISTERED_NAME, CREDIT_CODE, "13906001234", 0);
      // Another consumer on node B gives the code with the shop's sign name: B learns that name.
      decide(nodes, false, "海味轩（中山路店）", CREDIT_CODE, "13812345678", 2);
      Fingerprint copy =
          await(nodes.a().fingerprintAsync(overcharge("13812345678", "海味轩", null, 9), followUps));
      DedupVerdict again = await(nodes.indexA().decide(copy));

      assertThat(first.kind()).isEqualTo(Kind.NEW);
      assertThat(copy.blockingKey()).isEqualTo("cc:" + CREDIT_CODE);
      assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    }

    @Test
    @DisplayName("with a table per node, as before, the same filings land under two keys")
    void perNodeTablesSplitTheMerchant() throws Exception {
      List<String> keys = keysOnEachNode(Nodes.perNode());

      assertThat(keys.get(1)).isNotEqualTo(keys.get(0));
    }

    /** The blocking keys of the registered name and code on node A, then the shop name on B. */
    private List<String> keysOnEachNode(Nodes nodes) throws Exception {
      DedupRecord onA = overcharge("13906001234", REGISTERED_NAME, CREDIT_CODE, 0);
      DedupRecord onB = overcharge("13906001234", "海味轩餐饮（中山路店）", null, 5);
      return List.of(
          await(nodes.a().fingerprintAsync(onA, followUps)).blockingKey(),
          await(nodes.b().fingerprintAsync(onB, followUps)).blockingKey());
    }

    private DedupVerdict decide(
        Nodes nodes, boolean onA, String name, String creditCode, String phone, int minute)
        throws Exception {
      Fingerprinter fingerprinter = onA ? nodes.a() : nodes.b();
      HazelcastDedupIndex index = onA ? nodes.indexA() : nodes.indexB();
      Fingerprint fp =
          await(
              fingerprinter.fingerprintAsync(
                  overcharge(phone, name, creditCode, minute), followUps));
      return await(index.decide(fp));
    }
  }

  @Test
  @DisplayName("both nodes filing a new merchant at once, by code and by name, agree on its key")
  void simultaneousFirstFilingsAgree() throws Exception {
    Nodes nodes = Nodes.sharing();
    List<CompletableFuture<String>> keysA = new ArrayList<>();
    List<CompletableFuture<String>> keysB = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String brand = "鹭岛" + i + "号海鲜";
      keysA.add(
          nodes
              .a()
              .fingerprintAsync(overcharge("13906001234", brand + "有限公司", code(i), 0), followUps)
              .thenApply(Fingerprint::blockingKey)
              .toCompletableFuture());
      keysB.add(
          nodes
              .b()
              .fingerprintAsync(overcharge("13812345678", brand + "（中山路店）", null, 0), followUps)
              .thenApply(Fingerprint::blockingKey)
              .toCompletableFuture());
    }
    for (int i = 0; i < 50; i++) {
      assertThat(await(keysB.get(i))).as("merchant %d", i).isEqualTo(await(keysA.get(i)));
    }
  }

  @Test
  @DisplayName("the first mapping wins cluster-wide, and learning from storage keeps it")
  void firstMappingWins() throws Exception {
    String name = "aliases-test-" + MAPS.incrementAndGet();
    HazelcastMerchantAliases onA =
        new HazelcastMerchantAliases(cluster.a, DedupOptions.defaults(), name);
    HazelcastMerchantAliases onB =
        new HazelcastMerchantAliases(cluster.b, DedupOptions.defaults(), name);

    assertThat(await(onA.canonicalAsync(null, "n:海味轩", followUps))).isEqualTo("n:海味轩");
    assertThat(await(onB.canonicalAsync("cc:X", "n:海味轩", followUps))).isEqualTo("n:海味轩");
    onB.learn("cc:X", "n:海味轩", "cc:X");
    assertThat(onA.canonical("cc:X", null)).isEqualTo("n:海味轩");
    assertThat(onA.size()).isEqualTo(2);
    assertThat(onA.shared()).isTrue();
  }

  @Test
  @DisplayName("is bounded: least recently used eviction per member, idle aliases expire")
  void bounded() {
    MapConfig config = HazelcastMerchantAliases.mapConfig(DedupOptions.defaults());
    assertThat(config.getEvictionConfig().getEvictionPolicy()).isEqualTo(EvictionPolicy.LRU);
    assertThat(config.getEvictionConfig().getSize())
        .isEqualTo(HazelcastMerchantAliases.DEFAULT_MAX_ENTRIES_PER_MEMBER);
    assertThat(config.getMaxIdleSeconds()).isEqualTo(60 * 24 * 3600);
    assertThat(config.getBackupCount()).isEqualTo(1);
  }

  /** A valid credit code per merchant number (check character computed as GB 32100 says). */
  private static String code(int i) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    String body = "91350203MA2Y" + String.format("%05d", i);
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += alphabet.indexOf(body.charAt(k)) * weights[k];
    }
    return body + alphabet.charAt((31 - sum % 31) % 31);
  }
}
