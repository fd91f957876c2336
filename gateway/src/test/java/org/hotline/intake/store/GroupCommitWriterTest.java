package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hotline.intake.config.DatabaseOptions;
import org.hotline.intake.config.WriterOptions;
import org.hotline.intake.overload.LoopSlices;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.verdict.Verdict;
import org.hotline.metrics.WriterMeters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("the group-commit writer")
class GroupCommitWriterTest {
  private Pool pool;

  @BeforeEach
  void pool(Vertx vertx) {
    pool = SharedDatabase.pool(vertx);
  }

  private ComplaintStore store(Vertx vertx) {
    return new ComplaintStore(
        pool,
        new ResponseDeadline(vertx, pool, DatabaseOptions.DEFAULT_RESPONSE_TIMEOUT_MS),
        SharedDatabase.sealer());
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    pool.close().onComplete(ctx.succeedingThenComplete());
  }

  private static PendingRecord record(String sourceId, String content) {
    UUID id = Ids.newId();
    return new PendingRecord(
        id,
        "web",
        sourceId,
        content.getBytes(StandardCharsets.UTF_8),
        "inquiry",
        OffsetDateTime.parse("2026-10-02T09:30:00+08:00"),
        "{\"content\": \"" + content + "\"}",
        Verdict.acceptedToTriage(id));
  }

  /** Rows with these source ids, counted without blocking the event loop. */
  private Future<Integer> count(List<String> sourceIds) {
    return pool.preparedQuery("SELECT count(*) FROM complaint WHERE source_id = ANY($1)")
        .execute(Tuple.of(sourceIds.toArray(new String[0])))
        .map(rows -> rows.iterator().next().getInteger(0));
  }

  @Test
  @DisplayName("commits a burst in a few batches and answers each record after COMMIT")
  void batches(Vertx vertx, VertxTestContext ctx) {
    List<String> sourceIds = new ArrayList<>();
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), new WriterOptions(100, 1, 10_000));
          List<Future<WriteResult>> results = new ArrayList<>();
          List<UUID> ids = new ArrayList<>();
          for (int i = 0; i < 250; i++) {
            String sourceId = "w-" + UUID.randomUUID();
            sourceIds.add(sourceId);
            PendingRecord r = record(sourceId, "c" + i);
            ids.add(r.id());
            results.add(writer.submit(r));
          }
          Future.all(results)
              .compose(all -> count(sourceIds))
              .onComplete(
                  ctx.succeeding(
                      stored ->
                          ctx.verify(
                              () -> {
                                assertThat(stored).isEqualTo(250);
                                assertThat(results)
                                    .allMatch(f -> f.result() instanceof WriteResult.Stored);
                                // one round trip for the first, then batches of up to 100
                                assertThat(writer.batchesCommitted()).isBetween(2L, 5L);
                                assertThat(writer.recordsCommitted()).isEqualTo(250);
                                // each answered with its own verdict, as the text it was stored as
                                for (int i = 0; i < 250; i++) {
                                  WriteResult.Stored s =
                                      (WriteResult.Stored) results.get(i).result();
                                  assertThat(s.verdict().getString("id"))
                                      .isEqualTo(ids.get(i).toString());
                                  assertThat(new JsonObject(s.encoded())).isEqualTo(s.verdict());
                                }
                                ctx.completeNow();
                              })));
        });
  }

  @Test
  @DisplayName("stores the record and the verdict as the text it was given (json, V11)")
  void storedAsWritten(Vertx vertx, VertxTestContext ctx) {
    // A layout jsonb would not keep: its keys out of jsonb's order, no space after the colons.
    UUID id = Ids.newId();
    String text = "{\"zone\":\"思明区\",\"content\":\"退款不到账\",\"amount\":12.50}";
    PendingRecord r =
        new PendingRecord(
            id,
            "web",
            "w-" + UUID.randomUUID(),
            text.getBytes(StandardCharsets.UTF_8),
            "complaint",
            OffsetDateTime.parse("2026-10-02T09:30:00+08:00"),
            text,
            Verdict.acceptedToTriage(id));
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), new WriterOptions(100, 1, 10_000));
          writer
              .submit(r)
              .compose(
                  stored ->
                      pool.preparedQuery(
                              "SELECT record::text, verdict::text FROM complaint WHERE id = $1")
                          .execute(Tuple.of(id))
                          .map(
                              rows -> {
                                Row row = rows.iterator().next();
                                assertThat(row.getString(0)).isEqualTo(text);
                                assertThat(row.getString(1))
                                    .isEqualTo(((WriteResult.Stored) stored).encoded());
                                return row;
                              }))
              .onComplete(ctx.succeedingThenComplete());
        });
  }

  @Test
  @DisplayName(
      "reports a record already stored, with its hash and verdict, instead of a second row")
  void existing(Vertx vertx, VertxTestContext ctx) {
    String sourceId = "w-" + UUID.randomUUID();
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), WriterOptions.defaults());
          PendingRecord first = record(sourceId, "same");
          writer
              .submit(first)
              .compose(r -> writer.submit(record(sourceId, "other")))
              .compose(r -> count(List.of(sourceId)).map(n -> n == 1 ? r : null))
              .onComplete(
                  ctx.succeeding(
                      r ->
                          ctx.verify(
                              () -> {
                                assertThat(r).isInstanceOf(WriteResult.Existing.class);
                                WriteResult.Existing e = (WriteResult.Existing) r;
                                assertThat(e.contentHash())
                                    .isEqualTo("same".getBytes(StandardCharsets.UTF_8));
                                assertThat(e.verdict().getString("id"))
                                    .isEqualTo(first.id().toString());
                                ctx.completeNow();
                              })));
        });
  }

  @Test
  @DisplayName("refuses new records once draining, and finishes those it holds")
  void drain(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), WriterOptions.defaults());
          Future<WriteResult> held = writer.submit(record("w-" + UUID.randomUUID(), "held"));
          writer.drain();
          Future<WriteResult> refused = writer.submit(record("w-" + UUID.randomUUID(), "late"));
          afterDrain(
              writer,
              ctx,
              () -> {
                assertThat(held.succeeded()).isTrue();
                assertThat(refused.failed()).isTrue();
                assertThat(refused.cause())
                    .isInstanceOf(GroupCommitWriter.WriterBusyException.class);
              });
        });
  }

  @Test
  @DisplayName(
      "answers a large batch a slice per event-loop turn, and drains only once all are answered")
  void slicesAnswers(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), new WriterOptions(500, 1, 10_000));
          // The first record goes alone (nothing is open); the other 200 wait and go as one batch.
          int n = 201;
          int[] answered = {0};
          List<Integer> answeredByNextTurn = new ArrayList<>();
          List<Future<WriteResult>> results = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Future<WriteResult> f = writer.submit(record("w-" + UUID.randomUUID(), "s" + i));
            f.onSuccess(
                r -> {
                  if (++answered[0] == 2) {
                    // Runs after the turn that answered the big batch's first record.
                    vertx.runOnContext(x -> answeredByNextTurn.add(answered[0]));
                  }
                });
            results.add(f);
          }
          afterDrain(
              writer,
              ctx,
              () -> {
                assertThat(results).allMatch(Future::succeeded);
                assertThat(writer.batchesCommitted()).isEqualTo(2);
                // The first record, then one slice: at least one answer and at most a slice's
                // count.
                assertThat(answeredByNextTurn).hasSize(1);
                assertThat(answeredByNextTurn.get(0)).isBetween(2, 1 + LoopSlices.PER_TURN);
              });
        });
  }

  @Test
  @DisplayName("answers the rest of a batch, and drains, when one record's continuation throws")
  void throwingContinuation(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), WriterOptions.defaults());
          // The first goes alone; the other three wait and go together.
          Future<WriteResult> first = writer.submit(record("w-" + UUID.randomUUID(), "t0"));
          List<Future<WriteResult>> rest = new ArrayList<>();
          for (int i = 1; i < 4; i++) {
            rest.add(writer.submit(record("w-" + UUID.randomUUID(), "t" + i)));
          }
          for (Future<WriteResult> f : rest) {
            f.onSuccess(
                r -> {
                  throw new IllegalStateException("a continuation's bug");
                });
          }
          afterDrain(
              writer,
              ctx,
              () -> {
                assertThat(first.succeeded()).isTrue();
                assertThat(rest).allMatch(Future::succeeded);
                assertThat(writer.recordsCommitted()).isEqualTo(4);
              });
        });
  }

  @Test
  @DisplayName(
      "held by a batch request, takes records after a drain began, and drains once released")
  void hold(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), WriterOptions.defaults());
          Runnable release = writer.hold();
          Future<Void> drained = writer.drain();
          Future<WriteResult> late = writer.submit(record("w-" + UUID.randomUUID(), "late"));
          late.onComplete(
              ctx.succeeding(
                  r ->
                      vertx.setTimer(
                          100,
                          t -> {
                            ctx.verify(
                                () ->
                                    assertThat(drained.isComplete())
                                        .as("the drain waits for the hold")
                                        .isFalse());
                            release.run();
                            release.run(); // a second run does nothing
                            drained.onComplete(
                                ctx.succeeding(
                                    d ->
                                        ctx.verify(
                                            () -> {
                                              Future<WriteResult> after =
                                                  writer.submit(
                                                      record("w-" + UUID.randomUUID(), "after"));
                                              assertThat(after.failed()).isTrue();
                                              assertThat(writer.recordsCommitted()).isEqualTo(1);
                                              ctx.completeNow();
                                            })));
                          })));
        });
  }

  @Test
  @DisplayName(
      "after large batches, a lone record does not open a second transaction beside a busy one")
  void balances(Vertx vertx, VertxTestContext ctx) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    WriterMeters meters = new WriterMeters(10_000);
    meters.bindTo(registry);
    vertx.runOnContext(
        v -> {
          // Unpaced: this is the rule for a second transaction alone (a pace would hold the
          // second wave's first record whenever the first wave's last transaction opened within
          // it, and 16 waiting would then go together).
          GroupCommitWriter writer =
              new GroupCommitWriter(
                  vertx, store(vertx), new WriterOptions(500, 2, 10_000, 0), meters);
          // A burst: one record alone, one beside it, then the rest together.
          burst(writer, 64)
              .compose(
                  first -> {
                    long lonelyBefore = singleRecordBatches(registry);
                    // The next wave: the first record goes at once (nothing is open), and the
                    // second transaction waits for half a recent batch instead of taking one
                    // record.
                    return burst(writer, 20)
                        .map(second -> singleRecordBatches(registry) - lonelyBefore);
                  })
              .onComplete(
                  ctx.succeeding(
                      lonely ->
                          ctx.verify(
                              () -> {
                                assertThat(lonely).isEqualTo(1);
                                assertThat(writer.recordsCommitted()).isEqualTo(84);
                                ctx.completeNow();
                              })));
        });
  }

  @Test
  @DisplayName(
      "with a pace, records arriving just after a transaction opened wait for it and go together")
  void paced(Vertx vertx, VertxTestContext ctx) {
    // Unpaced, the first of the three would open a transaction alone at once (none is open) and
    // the other two follow in another: three transactions in all.
    oneThenBurst(vertx, ctx, new WriterOptions(500, 1, 10_000, 1_500), 3, 2);
  }

  @Test
  @DisplayName("a full batch does not wait for the pace")
  void fullBatchUnpaced(Vertx vertx, VertxTestContext ctx) {
    // A minute's pace, beyond the test's timeout: only full batches can go.
    oneThenBurst(vertx, ctx, new WriterOptions(3, 1, 10_000, 60_000), 6, 3);
  }

  @Test
  @DisplayName("enough records waiting do not wait for the pace, one fewer do")
  void enoughUnpaced(Vertx vertx, VertxTestContext ctx) {
    // A minute's pace, beyond the test's timeout: the 16 go at once, in one transaction.
    oneThenBurst(
        vertx, ctx, new WriterOptions(500, 1, 10_000, 60_000), GroupCommitWriter.PACED_BELOW, 2);
  }

  @Test
  @DisplayName("fewer records than that wait for the pace")
  void fewerPaced(Vertx vertx, VertxTestContext ctx) {
    afterOnePaced(
        vertx,
        ctx,
        writer -> {
          burst(writer, GroupCommitWriter.PACED_BELOW - 1);
          vertx.setTimer(
              1_000,
              id ->
                  ctx.verify(
                      () -> {
                        assertThat(writer.queued()).isEqualTo(GroupCommitWriter.PACED_BELOW - 1);
                        assertThat(writer.batchesCommitted()).isEqualTo(1);
                        afterDrain(writer, ctx, () -> {});
                      }));
        });
  }

  /**
   * Commits one record on a writer with a minute's pace (beyond the test's timeout), then hands it
   * to {@code then}: what it submits waits for the pace unless something lets it go.
   */
  private void afterOnePaced(Vertx vertx, VertxTestContext ctx, Consumer<GroupCommitWriter> then) {
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer =
              new GroupCommitWriter(vertx, store(vertx), new WriterOptions(500, 1, 10_000, 60_000));
          burst(writer, 1).onComplete(ctx.succeeding(first -> then.accept(writer)));
        });
  }

  /**
   * Commits one record, then {@code n} submitted in one turn of the event loop, and checks the
   * writer committed them all in {@code transactions} in all.
   */
  private void oneThenBurst(
      Vertx vertx, VertxTestContext ctx, WriterOptions options, int n, long transactions) {
    vertx.runOnContext(
        v -> {
          GroupCommitWriter writer = new GroupCommitWriter(vertx, store(vertx), options);
          burst(writer, 1)
              .compose(first -> burst(writer, n))
              .onComplete(
                  ctx.succeeding(
                      done ->
                          ctx.verify(
                              () -> {
                                assertThat(writer.batchesCommitted()).isEqualTo(transactions);
                                assertThat(writer.recordsCommitted()).isEqualTo(1 + n);
                                ctx.completeNow();
                              })));
        });
  }

  @Test
  @DisplayName("a drain commits at once what waits for the pace")
  void drainUnpaced(Vertx vertx, VertxTestContext ctx) {
    afterOnePaced(
        vertx,
        ctx,
        writer -> {
          Future<WriteResult> waiting = writer.submit(record("w-" + UUID.randomUUID(), "paced"));
          afterDrain(
              writer,
              ctx,
              () -> {
                assertThat(waiting.succeeded()).isTrue();
                assertThat(writer.batchesCommitted()).isEqualTo(2);
              });
        });
  }

  /** Drains {@code writer}, then checks and completes the test. */
  private static void afterDrain(
      GroupCommitWriter writer, VertxTestContext ctx, VertxTestContext.ExecutionBlock checks) {
    writer
        .drain()
        .onComplete(
            ctx.succeeding(
                d ->
                    ctx.verify(
                        () -> {
                          checks.apply();
                          ctx.completeNow();
                        })));
  }

  private static Future<Void> burst(GroupCommitWriter writer, int n) {
    List<Future<WriteResult>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(writer.submit(record("w-" + UUID.randomUUID(), "b" + i)));
    }
    return Future.all(results).mapEmpty();
  }

  /** Committed transactions that carried one record. */
  private static long singleRecordBatches(SimpleMeterRegistry registry) {
    for (CountAtBucket b :
        registry.get("intake.writer.batch.size").summary().takeSnapshot().histogramCounts()) {
      if (b.bucket() == 1.0) {
        return (long) b.count();
      }
    }
    throw new AssertionError("no bucket for batches of one record");
  }
}
