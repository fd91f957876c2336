package org.hotline.intake.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.support.Samples;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.validation.IntakeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the dedup index mended after a demotion")
class LinkRepairTest {
  private static final Routing XIAMEN = Routing.xiamen();
  private static final ComplaintParser PARSER =
      new ComplaintParser(Clock.systemUTC(), XIAMEN.phoneNumbers());
  private static final byte[] SECRET =
      "link-repair-identity-secret-32b!".getBytes(StandardCharsets.UTF_8);

  private Vertx vertx;
  private DedupService dedup;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    dedup =
        new DedupService(
            new Fingerprinter(SECRET, XIAMEN.cityProfile()),
            DedupBootstrap.grievances(),
            new InMemoryDedupIndex(DedupOptions.defaults()));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** One person's filing of one matter, under its own source id. */
  private static IntakeRequest filing(String person, String sourceId) throws Exception {
    String body =
        Samples.complaint(person)
            .replace("\"source_id\": \"" + person + "\"", "\"source_id\": \"" + sourceId + "\"");
    return PARSER.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private DedupService.Judgement judge(IntakeRequest r) throws Exception {
    return dedup.judge(UUID.randomUUID(), r).toCompletionStage().toCompletableFuture().get();
  }

  private void repair(DedupService.Judgement demoted, UUID target, Set<UUID> stored)
      throws Exception {
    new LinkRepair(vertx, dedup, ids -> Future.succeededFuture(stored), 10)
        .demoted(demoted, Set.of(target))
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName(
      "a record judged and never stored leaves the index; the re-filing demoted for it takes its"
          + " place, so the next re-filing is its duplicate")
  void ghostReplaced() throws Exception {
    String person = Samples.newSourceId();
    // Judged by a node that stopped before COMMIT: it stays in the shared index.
    DedupService.Judgement ghost = judge(filing(person, person + "-a"));
    DedupService.Judgement first = judge(filing(person, person + "-b"));
    assertThat(first.verdict().kind()).isEqualTo(DedupVerdict.Kind.DUPLICATE);
    assertThat(first.verdict().duplicateOf()).isEqualTo(ghost.fingerprint().id());

    repair(first, ghost.fingerprint().id(), Set.of());

    DedupService.Judgement second = judge(filing(person, person + "-c"));
    assertThat(second.verdict().kind()).isEqualTo(DedupVerdict.Kind.DUPLICATE);
    assertThat(second.verdict().duplicateOf())
        .as("linked to the stored re-filing, not to the record that never was")
        .isEqualTo(first.fingerprint().id());
  }

  @Test
  @DisplayName("a target stored by then (it was in flight on another node) stays where it is")
  void storedTargetKept() throws Exception {
    String person = Samples.newSourceId();
    DedupService.Judgement original = judge(filing(person, person + "-a"));
    DedupService.Judgement first = judge(filing(person, person + "-b"));

    repair(first, original.fingerprint().id(), Set.of(original.fingerprint().id()));

    assertThat(judge(filing(person, person + "-c")).verdict().duplicateOf())
        .isEqualTo(original.fingerprint().id());
  }

  @Test
  @DisplayName(
      "waits two minutes, or twice a node's database, request and cluster timeouts if longer")
  void delay() {
    assertThat(LinkRepair.delayFor(5_000, 30_000, 500)).isEqualTo(LinkRepair.MIN_DELAY_MS);
    assertThat(LinkRepair.delayFor(3_600_000, 30_000, 500)).isEqualTo(2 * 3_630_500L);
  }
}
