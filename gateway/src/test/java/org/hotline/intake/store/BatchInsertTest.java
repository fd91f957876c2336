package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.impl.SqlClientInternal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.grievance.Grievance;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.verdict.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@ExtendWith(VertxExtension.class)
@DisplayName("a batch's statements sent together")
class BatchInsertTest {
  private Pool pool;

  @BeforeEach
  void pool(Vertx vertx) {
    pool = SharedDatabase.pool(vertx);
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    pool.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName(
      "the pool's connections can group statements into one write (else every batch pays a flush a"
          + " statement again)")
  void pooledConnectionsGroup(VertxTestContext ctx) {
    pool.getConnection()
        .onComplete(
            ctx.succeeding(
                conn -> {
                  ctx.verify(() -> assertThat(conn).isInstanceOf(SqlClientInternal.class));
                  conn.close().onComplete(ctx.succeedingThenComplete());
                }));
  }

  @Test
  @DisplayName(
      "statements sent together run in a transaction in the order issued, each future with its own"
          + " answer")
  void inOrderEachItsOwn(VertxTestContext ctx) {
    pool.withConnection(
            conn -> {
              List<Future<?>> sent =
                  BatchInsert.together(
                      conn,
                      c ->
                          List.of(
                              c.query("BEGIN").execute(),
                              c.query("CREATE TEMP TABLE t (n int) ON COMMIT DROP").execute(),
                              c.preparedQuery("INSERT INTO t VALUES ($1), ($2) RETURNING n")
                                  .execute(Tuple.of(1, 2)),
                              c.query("SELECT sum(n)::int FROM t").execute(),
                              c.query("COMMIT").execute()));
              return Future.all(sent).map(v -> sent);
            })
        .onComplete(
            ctx.succeeding(
                sent ->
                    ctx.verify(
                        () -> {
                          assertThat(sent).hasSize(5);
                          assertThat(values(sent.get(2))).containsExactly(1, 2);
                          assertThat(values(sent.get(3))).containsExactly(3);
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName(
      "the wake-up after COMMIT notifies each queue given, and leaves the connection's commits"
          + " synchronous (its own asynchronous commit ends with it)")
  void wakeUpAfterCommit() throws Exception {
    try (Connection listener = SharedDatabase.jdbc();
        Statement listen = listener.createStatement()) {
      listen.execute("LISTEN " + BatchInsert.QUEUE_CHANNEL);
      String after =
          pool.withConnection(
                  conn ->
                      conn.preparedQuery(BatchInsert.NOTIFY_AFTER_COMMIT)
                          .execute(
                              Tuple.of(BatchInsert.QUEUE_CHANNEL)
                                  .addArrayOfString(new String[] {"350203", "triage"}))
                          .compose(v -> conn.query("SHOW synchronous_commit").execute())
                          .map(rows -> rows.iterator().next().getString(0)))
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      assertThat(after).as("the next transaction on that connection").isEqualTo("on");

      List<String> woken = new ArrayList<>();
      PGConnection pg = listener.unwrap(PGConnection.class);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (woken.size() < 2 && System.nanoTime() < end) {
        PGNotification[] got = pg.getNotifications(500);
        for (PGNotification n : got == null ? new PGNotification[0] : got) {
          woken.add(n.getParameter());
        }
      }
      assertThat(woken).containsExactlyInAnyOrder("350203", "triage");
    }
  }

  @Test
  @DisplayName(
      "the look-up of link targets finds exactly the stored ones, at every size of its fixed-size"
          + " statements and beyond them")
  void targetsLookedUp(Vertx vertx) throws Exception {
    WakeUps wakeUps = silentWakeUps(vertx);
    String run = UUID.randomUUID().toString();
    List<PendingRecord> stored = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID id = Ids.newId();
      stored.add(
          new PendingRecord(
              id,
              "web",
              run + "-" + i,
              (run + i).getBytes(StandardCharsets.UTF_8),
              "inquiry",
              OffsetDateTime.parse("2026-10-02T09:30:00+08:00"),
              "{\"content\": \"targets\"}",
              Verdict.acceptedToTriage(id)));
    }
    await(pool.withConnection(conn -> BatchInsert.run(conn, stored, wakeUps)));
    for (int size : new int[] {1, 2, 4, 5, 16, 17, 64, 65, 200}) {
      // Stored ids last and in the middle, unknown ones elsewhere: a look-up that dropped the
      // tail of a long list, or kept only its start, misses one.
      List<UUID> asked = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        asked.add(UUID.randomUUID());
      }
      asked.set(size - 1, stored.get(0).id());
      if (size > 2) {
        asked.set(size / 2, stored.get(1).id());
      }
      List<UUID> expected =
          asked.stream().filter(id -> stored.stream().anyMatch(r -> r.id().equals(id))).toList();
      List<UUID> found =
          await(
              pool.withConnection(
                  conn ->
                      BatchInsert.lookUpTargets(conn, asked.toArray(UUID[]::new))
                          .map(rows -> rows.stream().map(r -> r.getUUID(0)).toList())));
      assertThat(found).as("%d asked", size).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  @DisplayName(
      "a duplicate that brought its matter into a group stores its original's and its peers'"
          + " memberships, not its own; one that only carries its original's group stores none")
  void duplicateMemberships(Vertx vertx) throws Exception {
    WakeUps wakeUps = silentWakeUps(vertx);
    String run = UUID.randomUUID().toString();
    UUID original = Ids.newId();
    UUID peer = Ids.newId();
    List<PendingRecord> first = new ArrayList<>();
    for (UUID id : List.of(original, peer)) {
      first.add(complaint(id, run + id, Verdict.acceptedToTriage(id), List.of()));
    }
    await(pool.withConnection(conn -> BatchInsert.run(conn, first, wakeUps)));
    UUID group = UUID.randomUUID();
    UUID standIn = Ids.newId();
    UUID carrier = Ids.newId();
    List<UUID> joined = List.of(peer, original);
    List<PendingRecord> second =
        List.of(
            complaint(
                standIn,
                run + "-stand-in",
                Verdict.of(
                    standIn,
                    new DedupVerdict(
                        DedupVerdict.Kind.DUPLICATE, original, group, 2, false, joined),
                    Grievance.of("weights")),
                joined),
            complaint(
                carrier,
                run + "-carrier",
                Verdict.of(
                    carrier, DedupVerdict.duplicateOf(original, group, 2), Grievance.of("weights")),
                List.of()));
    await(pool.withConnection(conn -> BatchInsert.run(conn, second, wakeUps)));
    List<UUID> members =
        await(
            pool.withConnection(
                conn ->
                    conn.preparedQuery(
                            "SELECT complaint_id FROM cluster_member WHERE cluster_id = $1")
                        .execute(Tuple.of(group))
                        .map(rows -> rows.stream().map(r -> r.getUUID(0)).toList())));
    assertThat(members).containsExactlyInAnyOrder(peer, original);
    Integer size =
        await(
            pool.withConnection(
                conn ->
                    conn.preparedQuery("SELECT size FROM complaint_cluster WHERE id = $1")
                        .execute(Tuple.of(group))
                        .map(rows -> rows.iterator().next().getInteger(0))));
    assertThat(size).isEqualTo(2);
  }

  private static PendingRecord complaint(
      UUID id, String sourceId, Verdict verdict, List<UUID> joinedWith) {
    return new PendingRecord(
        id,
        "web",
        sourceId,
        sourceId.getBytes(StandardCharsets.UTF_8),
        "complaint",
        OffsetDateTime.parse("2026-10-02T09:30:00+08:00"),
        "{\"content\": \"members\"}",
        verdict,
        "n:members",
        null,
        false,
        joinedWith,
        joinedWith.isEmpty() && verdict.duplicateOf() == null ? null : Verdict.acceptedToTriage(id),
        null);
  }

  /** Wake-ups that notify nothing: the statements are what is tested. */
  private static WakeUps silentWakeUps(Vertx vertx) {
    return new WakeUps(vertx, WakeUps.INTERVAL_MS, System::nanoTime, q -> Future.succeededFuture());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> values(Future<?> statement) {
    RowSet<Row> rows = (RowSet<Row>) statement.result();
    return rows.stream().map(r -> r.getInteger(0)).toList();
  }
}
