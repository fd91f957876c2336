package org.hotline.intake.verdict;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mends the dedup index after a record was stored without the links its verdict gave, because a
 * record it linked to was not committed ({@code store/BatchInsert} demotes it to accepted). A node
 * takes back the judgements it does not commit; one that stops first leaves them in the shared
 * index, and every later filing of those matters would link to them and be demoted in turn, for the
 * whole duplicate window. Some time after a demotion the link targets are looked up again: those
 * still not stored never will be (no answer outlives the request timeout, and a live node takes its
 * own back), so they leave the index and the demoted record takes their place.
 */
public final class LinkRepair {
  private static final Logger LOG = LoggerFactory.getLogger(LinkRepair.class);

  /**
   * The least time after a demotion before the targets are looked up: far beyond a request's
   * timeout and a commit's, so that a target still in flight on a live node has been committed or
   * taken back. A node whose database may answer later than that waits longer ({@link #delayFor}).
   */
  public static final long MIN_DELAY_MS = 120_000;

  /**
   * The wait for a node whose database answers within {@code databaseTimeoutMs}, whose requests end
   * within {@code requestTimeoutMs} and whose cluster calls within {@code clusterCallMs}: twice
   * their sum, and at least {@link #MIN_DELAY_MS}. A target still unstored after it will not be.
   */
  public static long delayFor(long databaseTimeoutMs, long requestTimeoutMs, long clusterCallMs) {
    return Math.max(MIN_DELAY_MS, 2 * (databaseTimeoutMs + requestTimeoutMs + clusterCallMs));
  }

  static final String COMMITTED = "SELECT id FROM complaint WHERE id = ANY($1)";

  private final Vertx vertx;
  private final DedupService dedup;
  private final Function<List<UUID>, Future<Set<UUID>>> committed;
  private final long delayMs;

  /**
   * @param delayMs how long after a demotion its targets are looked up ({@link #delayFor})
   */
  public LinkRepair(Vertx vertx, Pool pool, DedupService dedup, long delayMs) {
    this(vertx, dedup, ids -> committed(pool, ids), delayMs);
  }

  /**
   * @param committed which of the given records are stored
   */
  LinkRepair(
      Vertx vertx,
      DedupService dedup,
      Function<List<UUID>, Future<Set<UUID>>> committed,
      long delayMs) {
    this.vertx = vertx;
    this.dedup = dedup;
    this.committed = committed;
    this.delayMs = delayMs;
  }

  private static Future<Set<UUID>> committed(Pool pool, List<UUID> ids) {
    return pool.preparedQuery(COMMITTED)
        .execute(Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new)))
        .map(
            rows -> {
              Set<UUID> found = new HashSet<>();
              for (Row r : rows) {
                found.add(r.getUUID(0));
              }
              return found;
            });
  }

  /**
   * {@code judgement}'s record was stored demoted: some of {@code targets} were not committed.
   *
   * @return completes once the targets were looked up and any never stored left the index (tests)
   */
  public Future<Void> demoted(DedupService.Judgement judgement, Set<UUID> targets) {
    List<UUID> ids = List.copyOf(targets);
    return vertx
        .timer(delayMs)
        .compose(t -> committed.apply(ids))
        .compose(
            found -> {
              List<UUID> ghosts = ids.stream().filter(id -> !found.contains(id)).toList();
              if (ghosts.isEmpty()) {
                return Future.<Void>succeededFuture();
              }
              return vertx
                  .<Void>executeBlocking(
                      () -> {
                        dedup.replaceGhosts(judgement, ghosts);
                        return null;
                      },
                      false)
                  .onSuccess(
                      v ->
                          LOG.info(
                              "{} records judged but never stored (their node stopped) taken out"
                                  + " of the dedup index; a re-filing of theirs holds their place",
                              ghosts.size()));
            })
        .onFailure(e -> LOG.warn("dedup link repair failed: {}", e.getClass().getName()))
        .recover(e -> Future.succeededFuture());
  }
}
