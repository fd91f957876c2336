package org.hotline.intake.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.hazelcast.HazelcastDedupIndex;
import org.hotline.dedup.hazelcast.HazelcastMerchantAliases;
import org.hotline.intake.cluster.ClusterSetup;
import org.hotline.intake.config.ClusterOptions;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.support.Samples;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.validation.IntakeRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cluster's dedup decision, bounded: a real Hazelcast member (one partition, so one busy
 * partition thread holds every key) whose partition thread is kept busy, as a hung member's would
 * be.
 */
@DisplayName("a cluster that does not decide in time")
class ClusterCallTimeoutTest {
  private static final long CALL_TIMEOUT_MS = 300;

  private static HazelcastInstance member;
  private static Vertx vertx;
  private static DedupService dedup;
  private static Fingerprinter fingerprinter;
  private static ComplaintParser parser;

  /** Holds the partition thread until released: what a hung or overloaded owner looks like. */
  static final class Busy implements EntryProcessor<String, String, Void> {
    private static final long serialVersionUID = 1L;
    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    @Override
    public Void process(Map.Entry<String, String> entry) {
      started.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Config config =
        ClusterSetup.config(
            "127.0.0.1:" + port,
            port,
            DedupOptions.defaults(),
            10_000,
            ClusterOptions.defaults().withSecret("test-secret-" + UUID.randomUUID()));
    config.setProperty("hazelcast.partition.count", "1");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    member = Hazelcast.newHazelcastInstance(config);
    Routing routing = Routing.xiamen();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    fingerprinter =
        new Fingerprinter(secret, routing.cityProfile(), new HazelcastMerchantAliases(member));
    dedup =
        new DedupService(
            fingerprinter,
            DedupBootstrap.grievances(),
            new HazelcastDedupIndex(member),
            new org.hotline.dedup.RecentFilings(org.hotline.dedup.DedupOptions.defaults()),
            CALL_TIMEOUT_MS);
    parser = new ComplaintParser(Clock.systemUTC(), routing.phoneNumbers());
    vertx = Vertx.vertx();
  }

  @BeforeEach
  void freshLatches() {
    Busy.release.countDown();
    Busy.started = new CountDownLatch(1);
    Busy.release = new CountDownLatch(1);
  }

  @AfterAll
  static void stop() throws Exception {
    Busy.release.countDown();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    member.getLifecycleService().terminate();
  }

  private static DedupService.Judgement judge(IntakeRequest request) throws Exception {
    Promise<DedupService.Judgement> answer = Promise.promise();
    vertx.runOnContext(v -> dedup.judge(UUID.randomUUID(), request).onComplete(answer));
    Future<DedupService.Judgement> f = answer.future();
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** One person's filing of one overcharge, under {@code merchant} (no credit code). */
  private static IntakeRequest filing(String merchant) {
    String sid = Samples.newSourceId();
    String body =
        Samples.complaint(sid)
            .replace(Samples.phone(sid), "13912345678")
            .replaceFirst("\"id_number\": \"[^\"]+\",\\s*", "")
            .replaceFirst("\"credit_code\": \"[^\"]+\",\\s*", "")
            .replace("厦门鹭江海鲜大排档有限公司", merchant);
    return parser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName(
      "a record judged locally whose late cluster decision is a duplicate is put back as the first"
          + " filing it is stored as: its own re-filing under its spelling is its duplicate")
  void lateDuplicate() throws Exception {
    DedupService.Judgement a = judge(filing("鹭江海鲜大排档"));
    assertThat(a.verdict().kind()).isEqualTo(DedupVerdict.Kind.NEW);
    long judgedBefore = dedup.localJudgements();
    CompletableFuture<Void> busy =
        member.<String, String>getMap("busy").submitToKey("k", new Busy()).toCompletableFuture();
    assertThat(Busy.started.await(30, TimeUnit.SECONDS)).isTrue();
    // The same person's re-filing under another spelling, a duplicate once the cluster answers.
    UUID b = UUID.randomUUID();
    Promise<DedupService.Judgement> answer = Promise.promise();
    IntakeRequest again = filing("鹭江海鲜");
    vertx.runOnContext(v -> dedup.judge(b, again).onComplete(answer));
    DedupService.Judgement local =
        answer.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(local.verdict()).isEqualTo(DedupVerdict.fresh());
    assertThat(dedup.localJudgements()).isEqualTo(judgedBefore + 1);

    Busy.release.countDown();
    busy.get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 300 && dedup.lateRepairs() == 0; i++) {
      Thread.sleep(100);
    }
    assertThat(dedup.lateRepairs()).isEqualTo(1);

    DedupService.Judgement c = judge(filing("鹭江海鲜"));
    assertThat(c.verdict().kind()).isEqualTo(DedupVerdict.Kind.DUPLICATE);
    assertThat(c.verdict().duplicateOf())
        .as("the record as stored, not its late original")
        .isEqualTo(b);
  }

  @Test
  @DisplayName(
      "judges the record locally, as a new matter under its own merchant key, and the next"
          + " record is decided by the cluster again once it answers")
  void judgedLocally() throws Exception {
    IntakeRequest request =
        parser.parse(Samples.complaint(Samples.newSourceId()).getBytes(StandardCharsets.UTF_8));
    CompletableFuture<Void> busy =
        member.<String, String>getMap("busy").submitToKey("k", new Busy()).toCompletableFuture();
    assertThat(Busy.started.await(30, TimeUnit.SECONDS)).isTrue();

    long before = dedup.localJudgements();
    DedupService.Judgement local = judge(request);
    assertThat(local.verdict()).isEqualTo(DedupVerdict.fresh());
    assertThat(local.fingerprint().blockingKey())
        .isEqualTo(
            fingerprinter
                .fingerprintLocally(DedupService.toRecord(UUID.randomUUID(), request))
                .blockingKey());
    assertThat(dedup.localJudgements()).isEqualTo(before + 1);

    Busy.release.countDown();
    busy.get(30, TimeUnit.SECONDS);
    IntakeRequest next =
        parser.parse(Samples.complaint(Samples.newSourceId()).getBytes(StandardCharsets.UTF_8));
    judge(next);
    assertThat(dedup.localJudgements()).isEqualTo(before + 1);
  }
}
