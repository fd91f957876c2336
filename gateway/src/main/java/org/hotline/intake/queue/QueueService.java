package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hotline.intake.privacy.RecordSealer;
import org.hotline.intake.routing.Route;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.sla.SlaService;
import org.hotline.intake.verdict.Verdict;

/**
 * The district queues' work, with no HTTP in it: long-polling claims, handlers' decisions, the
 * overview, stuck items and their requeue, and corrections of wrong verdicts. Thread-safe: one
 * instance serves every event loop; a claim's wait runs on the loop that started it.
 */
public final class QueueService {
  /** The one record type that is mediated once accepted (DOMAIN.md "Record types"). */
  private static final String COMPLAINT = "complaint";

  /** 12345's time to sign for a work order, which an acceptance meets. */
  private static final String SIGN_BY = "sign_by";

  private static final ZoneOffset CST = ZoneOffset.ofHours(8);

  private final Vertx vertx;
  private final QueueStore queues;
  private final DecisionStore decisions;
  private final CorrectionStore corrections;
  private final SlaService sla;
  private final Routing routing;
  private final java.util.function.Consumer<byte[]> unlinked;
  private final Set<String> districts;
  private final Set<String> departments;

  /** Every queue a record can be in: the districts', triage and transfer. */
  private final Set<String> configured;

  public QueueService(
      Vertx vertx, Pool pool, RecordSealer sealer, SlaService sla, Routing routing) {
    this(vertx, pool, sealer, sla, routing, fingerprint -> {});
  }

  /**
   * @param unlinked told, on a worker thread, the stored dedup fingerprint of each duplicate an
   *     operator unlinked (the dedup index and this node's memory take it as a first filing, as a
   *     restart would)
   */
  public QueueService(
      Vertx vertx,
      Pool pool,
      RecordSealer sealer,
      SlaService sla,
      Routing routing,
      java.util.function.Consumer<byte[]> unlinked) {
    this.unlinked = java.util.Objects.requireNonNull(unlinked, "unlinked");
    this.vertx = vertx;
    this.queues = new QueueStore(pool, sealer);
    this.decisions = new DecisionStore(pool);
    this.corrections = new CorrectionStore(pool);
    this.sla = sla;
    this.routing = routing;
    this.districts = Set.copyOf(routing.districts());
    this.departments = Set.copyOf(routing.departments());
    Set<String> queues = new HashSet<>(districts);
    queues.add(Route.TRIAGE);
    queues.add(Route.TRANSFER);
    this.configured = Set.copyOf(queues);
  }

  /** The SQL of claims, leases and the sweeps, for the upkeep timers. */
  public QueueStore store() {
    return queues;
  }

  /**
   * Claims up to {@code max} items, waiting up to {@code waitSeconds} for work when the queue is
   * empty. Call from the event loop that answers the caller.
   */
  public ClaimWait claim(String queue, int max, int leaseSeconds, int waitSeconds) {
    return new ClaimWait(vertx, () -> queues.claim(queue, max, leaseSeconds), queues::release)
        .start(QueueNotifier.address(queue), waitSeconds * 1000L);
  }

  /** Hands claimed items back at once, without counting an attempt: their caller never got them. */
  public Future<Void> release(List<QueueStore.Claimed> items) {
    return items.isEmpty() ? Future.succeededFuture() : queues.release(items);
  }

  /**
   * One row per queue: waiting, in handling, stuck, and the SLA counts of {@link QueueStore}. Every
   * configured queue has its row (the districts, triage and transfer), with zeros when it never had
   * work, as the contract's "one row per queue" reads; rows are in queue order.
   */
  public Future<JsonArray> overview() {
    return queues
        .overview(sla.atRiskCutoff())
        .map(
            rows -> {
              TreeMap<String, Object> byQueue = new TreeMap<>();
              for (Object row : rows) {
                byQueue.put(((JsonObject) row).getString("queue"), row);
              }
              for (String queue : configured) {
                byQueue.computeIfAbsent(queue, QueueStore::emptyRow);
              }
              return new JsonArray(new ArrayList<>(byQueue.values()));
            });
  }

  /** Whether {@code queue} is a configured queue: a district's, triage or transfer. */
  public boolean knows(String queue) {
    return configured.contains(queue);
  }

  public Future<List<QueueStore.Stuck>> stuck(String queue, int limit) {
    return queues.stuck(queue, limit);
  }

  /** Returns a stuck item to its queue, attempts reset, recorded. Succeeds with the queue. */
  public Future<String> requeue(UUID id, String actor, String reason) {
    return queues.requeue(id, actor, reason);
  }

  /** What a transfer target names. */
  public enum Target {
    /** A queue: a district with a bureau, or triage. The item moves there. */
    QUEUE,
    /** A department of the jurisdiction table. The item leaves market regulation. */
    DEPARTMENT
  }

  /**
   * The kind of a transfer target, or null when it is neither a configured queue nor department.
   */
  public Target target(String name) {
    if (name == null) {
      return null;
    }
    if (districts.contains(name) || Route.TRIAGE.equals(name)) {
      return Target.QUEUE;
    }
    return departments.contains(name) ? Target.DEPARTMENT : null;
  }

  /** The departments a transfer may name, sorted, for a handler told that a target is unknown. */
  public List<String> departments() {
    return departments.stream().sorted().toList();
  }

  /**
   * A handler's decision.
   *
   * @param leaseToken the claim's lease; null only to close a record in handling
   * @param target for a transfer, a queue or department that {@link #target} knows
   */
  public record Decision(
      UUID complaintId, UUID leaseToken, String decision, String reason, String target) {}

  /** What a decision did: the record's new state, the queue the item moved to, new deadlines. */
  public record Decided(UUID id, String state, String movedTo, Map<String, String> deadlines) {}

  /**
   * Applies a decision. {@code accept} keeps the item open in its queue, in handling, until {@code
   * close}: a complaint due at its mediate_by, another type as at intake; a transfer to a queue
   * moves the item and the record there. Fails with {@link QueueException} when the lease is lost
   * or the record unknown.
   */
  public Future<Decided> decide(Decision d) {
    UUID id = d.complaintId();
    if (d.leaseToken() == null) {
      return decisions
          .closeHandling(id, d.reason())
          .map(v -> new Decided(id, "closed", null, Map.of()));
    }
    return switch (d.decision()) {
      case "accept" ->
          decisions
              .accepting(id)
              .compose(
                  found -> {
                    if (found.isEmpty()) {
                      return Future.failedFuture(QueueException.notFound());
                    }
                    DecisionStore.Accepting record = found.get();
                    if (!COMPLAINT.equals(record.type())) {
                      // Only a complaint is mediated (DOMAIN.md): an accepted report, inquiry or
                      // suggestion stays in handling due as at intake (verify_by, answer_by),
                      // less 12345's sign_by, which the acceptance has met.
                      JsonObject kept = record.deadlines().copy();
                      kept.remove(SIGN_BY);
                      kept.remove(SIGN_BY + Verdict.PROVISIONAL_SUFFIX);
                      Map<String, String> inForce = Verdict.deadlineValues(kept);
                      Verdict.Due due = Verdict.nearestOf(inForce);
                      return apply(
                          d,
                          new DecisionStore.Effect(
                              "handling",
                              null,
                              "accepted",
                              kept,
                              due == null ? DecisionStore.NO_DUE : due,
                              null,
                              null),
                          inForce);
                    }
                    Map<String, String> due =
                        sla.onAccept(record.receivedAt(), OffsetDateTime.now(CST));
                    Verdict.Due mediateBy =
                        new Verdict.Due("mediate_by", OffsetDateTime.parse(due.get("mediate_by")));
                    return apply(
                        d,
                        new DecisionStore.Effect(
                            "handling",
                            null,
                            "accepted",
                            Verdict.deadlinesJson(due),
                            mediateBy,
                            null,
                            null),
                        due);
                  });
      case "reject" -> apply(d, ended("rejected"), Map.of());
      case "close" -> apply(d, ended("closed"), Map.of());
      case "transfer" -> {
        DecisionStore.Effect e = transfer(d.target());
        // To another queue the record is new there, due as it was: its verdict's deadlines stay.
        yield apply(d, e, "new".equals(e.recordState()) ? null : Map.of());
      }
      default -> Future.failedFuture(new IllegalArgumentException("unknown decision"));
    };
  }

  /**
   * @param deadlines the deadlines in force after the decision, or null for the record's verdict's
   */
  private Future<Decided> apply(
      Decision d, DecisionStore.Effect effect, Map<String, String> deadlines) {
    return decisions
        .decideLeased(d, effect)
        .map(
            verdictDeadlines ->
                new Decided(
                    d.complaintId(),
                    effect.recordState(),
                    effect.moveTo(),
                    deadlines != null ? deadlines : Verdict.deadlineValues(verdictDeadlines)));
  }

  private static DecisionStore.Effect ended(String state) {
    return new DecisionStore.Effect("done", null, state, new JsonObject(), null, null, null);
  }

  /** To a queue: the item and the record move there. To a department: the item ends here. */
  private DecisionStore.Effect transfer(String target) {
    if (target(target) == Target.QUEUE) {
      String district = districts.contains(target) ? target : null;
      return new DecisionStore.Effect(
          "ready", target, "new", new JsonObject(), null, target, district);
    }
    return new DecisionStore.Effect(
        "done", null, "transferred", new JsonObject(), null, Route.TRANSFER, null);
  }

  /** What an unlink did, for the caller: the action and the values before and after. */
  public record Correction(UUID id, String action, JsonObject before, JsonObject after) {}

  /**
   * Corrects a wrong verdict: a duplicate becomes accepted and is queued where routing puts it,
   * with deadlines counted from its own receipt; a record in a group leaves it (and stays queued).
   * Both are recorded with {@code actor} and {@code reason}, in one transaction with the change.
   */
  public Future<Correction> unlink(UUID id, String actor, String reason) {
    return corrections
        .unlink(id, actor, reason, this::relink)
        .compose(
            c -> {
              Correction done = new Correction(id, c.action(), c.before(), c.after());
              if (c.fingerprint() == null) {
                return Future.succeededFuture(done);
              }
              // A cluster's index blocks: off the event loop. The correction is committed either
              // way; a memory not told only keeps the old link until the next restart.
              byte[] fp = c.fingerprint();
              return vertx
                  .executeBlocking(
                      () -> {
                        unlinked.accept(fp);
                        return done;
                      },
                      false)
                  .otherwise(done);
            });
  }

  /** An unlinked duplicate's new verdict: routed and due as if it had been accepted at intake. */
  private CorrectionStore.Relinked relink(CorrectionStore.Linked linked) {
    JsonObject record = linked.record();
    JsonObject m = record.getJsonObject("merchant", new JsonObject());
    Route route =
        routing.route(
            new RoutingInput(
                linked.type(),
                record.getString("category"),
                m.getString("division_code"),
                m.getString("address"),
                m.getString("platform"),
                m.getString("name"),
                record.getString("content")));
    Verdict verdict =
        new Verdict(
            linked.id(),
            Verdict.ACCEPTED,
            null,
            null,
            null,
            route.district(),
            route.queue(),
            route.transferTo(),
            null,
            sla.atIntake(linked.type(), linked.channel(), linked.receivedAt()));
    JsonObject json = verdict.toJson();
    json.remove("id");
    json.remove("cluster_id");
    json.remove("cluster_size");
    json.remove("grievance"); // the record keeps the grievance read at intake
    return new CorrectionStore.Relinked(json, verdict.nearestDue());
  }
}
