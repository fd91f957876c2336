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
    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Override
    public Void process(Map.Entry<String, String> entry) {
      STARTED.countDown();
      try {
        RELEASE.await(60, TimeUnit.SECONDS);
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

  @AfterAll
  static void stop() throws Exception {
    Busy.RELEASE.countDown();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    member.getLifecycleService().terminate();
  }

  private static DedupService.Judgement judge(IntakeRequest request) throws Exception {
    Promise<DedupService.Judgement> answer = Promise.promise();
    vertx.runOnContext(v -> dedup.judge(UUID.randomUUID(), request).onComplete(answer));
    Future<DedupService.Judgement> f = answer.future();
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
    assertThat(Busy.STARTED.await(30, TimeUnit.SECONDS)).isTrue();

    DedupService.Judgement local = judge(request);
    assertThat(local.verdict()).isEqualTo(DedupVerdict.fresh());
    assertThat(local.fingerprint().blockingKey())
        .isEqualTo(
            fingerprinter
                .fingerprintLocally(DedupService.toRecord(UUID.randomUUID(), request))
                .blockingKey());
    assertThat(dedup.localJudgements()).isEqualTo(1);

    Busy.RELEASE.countDown();
    busy.get(30, TimeUnit.SECONDS);
    IntakeRequest next =
        parser.parse(Samples.complaint(Samples.newSourceId()).getBytes(StandardCharsets.UTF_8));
    judge(next);
    assertThat(dedup.localJudgements()).isEqualTo(1);
  }
}
