package org.hotline.intake.http;

import static org.hotline.intake.http.JsonFields.error;
import static org.hotline.intake.http.JsonFields.intField;
import static org.hotline.intake.http.JsonFields.optionalText;
import static org.hotline.intake.http.JsonFields.uuid;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hotline.intake.config.ChannelKey;
import org.hotline.intake.queue.ClaimWait;
import org.hotline.intake.queue.QueueException;
import org.hotline.intake.queue.QueueService;
import org.hotline.intake.queue.QueueStore;
import org.hotline.intake.store.DatabaseUnavailableException;
import org.hotline.intake.validation.Rfc3339;
import org.hotline.intake.verdict.Verdict;

/**
 * The HTTP adapter of {@link QueueService}, for operator keys: the overview, long-polling claims,
 * decisions, stuck items and their requeue, and verdict corrections ({@code unlink}).
 */
public final class QueueRoutes {
  public static final int MAX_CLAIM = 100;
  public static final int MAX_WAIT_SECONDS = 60;
  public static final int MAX_STUCK_LIST = 500;
  private static final Pattern QUEUE_NAME = Pattern.compile("[a-z0-9_-]{1,32}");
  private static final Set<String> DECISIONS = Set.of("accept", "reject", "transfer", "close");
  private static final Set<String> CLAIM_FIELDS = Set.of("max", "lease_seconds", "wait_seconds");
  private static final Set<String> DECISION_FIELDS =
      Set.of("lease_token", "decision", "reason", "target");
  private static final Set<String> REASON_ONLY = Set.of("reason");

  private final QueueService queues;
  private final Authenticator auth;
  private final Draining draining;

  public QueueRoutes(QueueService queues, Authenticator auth, Draining draining) {
    this.queues = queues;
    this.auth = auth;
    this.draining = draining;
  }

  /** {@code GET /v1/queues}. */
  public void overview(RoutingContext ctx) {
    requireOperator(ctx);
    queues
        .overview()
        .onSuccess(rows -> ctx.json(new JsonObject().put("queues", rows)))
        .onFailure(e -> fail(ctx, e));
  }

  /**
   * {@code POST /v1/queues/{queue}/claim}. A caller that disconnects before the answer leaves no
   * lease behind: what its claim took goes straight back to the queue.
   */
  public void claim(RoutingContext ctx) {
    requireOperator(ctx);
    String queue = queueName(ctx);
    JsonObject body = JsonFields.body(ctx);
    JsonArray errors = new JsonArray();
    JsonFields.rejectUnknown(body, CLAIM_FIELDS, errors);
    int max = intField(body, "max", 10, 1, MAX_CLAIM, errors);
    int lease = intField(body, "lease_seconds", 300, 5, 3600, errors);
    int wait = intField(body, "wait_seconds", 20, 0, MAX_WAIT_SECONDS, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the claim request breaks its rules", errors);
    }
    // A claim that starts once a drain has begun missed the drain's announcement: it claims once
    // and answers, rather than waiting until the server closes its connection.
    ClaimWait claim = queues.claim(queue, max, lease, draining.started() ? 0 : wait);
    // Called with a failure when the connection closes before the response has ended.
    ctx.addEndHandler(
        ended -> {
          if (ended.failed()) {
            claim.abandon();
          }
        });
    claim
        .result()
        .onSuccess(
            items -> {
              if (ctx.response().closed()) {
                queues.release(items);
                return;
              }
              ctx.json(new JsonObject().put("items", claimed(items)))
                  .onFailure(e -> queues.release(items));
            })
        .onFailure(e -> fail(ctx, e));
  }

  private static JsonArray claimed(List<QueueStore.Claimed> claimed) {
    JsonArray items = new JsonArray();
    for (QueueStore.Claimed c : claimed) {
      items.add(
          new JsonObject()
              .put("id", c.complaint().id().toString())
              .put("lease_token", c.leaseToken().toString())
              .put("lease_expires_at", Rfc3339.beijing(c.leaseExpiresAt()))
              .put("complaint", RecordView.of(c.complaint())));
    }
    return items;
  }

  /** {@code GET /v1/queues/{queue}/stuck?limit=100}: parked items, oldest first, masked. */
  public void stuck(RoutingContext ctx) {
    requireOperator(ctx);
    String queue = queueName(ctx);
    int limit = 100;
    String given = ctx.request().getParam("limit");
    if (given != null) {
      try {
        limit = Integer.parseInt(given);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_STUCK_LIST) {
        throw ApiException.invalid(
            "the limit breaks its rules",
            new JsonArray().add(error("/limit", "must be a whole number from 1 to 500")));
      }
    }
    queues
        .stuck(queue, limit)
        .onSuccess(
            stuck -> {
              JsonArray items = new JsonArray();
              for (QueueStore.Stuck s : stuck) {
                items.add(
                    new JsonObject()
                        .put("id", s.complaint().id().toString())
                        .put("attempts", s.attempts())
                        .put("enqueued_at", Rfc3339.beijing(s.enqueuedAt()))
                        .put("complaint", RecordView.of(s.complaint())));
              }
              ctx.json(new JsonObject().put("queue", queue).put("items", items));
            })
        .onFailure(e -> fail(ctx, e));
  }

  /** {@code POST /v1/complaints/{id}/requeue {"reason"}}: a stuck item back to its queue. */
  public void requeue(RoutingContext ctx) {
    ChannelKey key = requireOperator(ctx);
    UUID id = recordId(ctx);
    JsonObject body = JsonFields.body(ctx);
    JsonArray errors = new JsonArray();
    JsonFields.rejectUnknown(body, REASON_ONLY, errors);
    String reason = optionalText(body, "reason", 1000, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the requeue request breaks its rules", errors);
    }
    queues
        .requeue(id, Authenticator.actor(key), reason)
        .onSuccess(
            queue ->
                ctx.json(
                    new JsonObject()
                        .put("id", id.toString())
                        .put("state", "ready")
                        .put("queue", queue)))
        .onFailure(e -> fail(ctx, e));
  }

  /**
   * {@code POST /v1/complaints/{id}/unlink {"reason"}}: a duplicate becomes accepted and queued, or
   * a record leaves its group. 409 when it is neither.
   */
  public void unlink(RoutingContext ctx) {
    ChannelKey key = requireOperator(ctx);
    UUID id = recordId(ctx);
    JsonObject body = JsonFields.body(ctx);
    JsonArray errors = new JsonArray();
    JsonFields.rejectUnknown(body, REASON_ONLY, errors);
    String reason = optionalText(body, "reason", 1000, errors);
    if (reason == null && errors.isEmpty()) {
      errors.add(error("/reason", "required: why the verdict is wrong"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the unlink request breaks its rules", errors);
    }
    queues
        .unlink(id, Authenticator.actor(key), reason)
        .onSuccess(
            c ->
                ctx.json(
                    new JsonObject()
                        .put("id", id.toString())
                        .put("action", c.action())
                        .put("before", c.before())
                        .put("after", c.after())))
        .onFailure(e -> fail(ctx, e));
  }

  /** {@code POST /v1/complaints/{id}/decision}. */
  public void decide(RoutingContext ctx) {
    requireOperator(ctx);
    UUID id = recordId(ctx);
    JsonObject body = JsonFields.body(ctx);
    JsonArray errors = new JsonArray();
    JsonFields.rejectUnknown(body, DECISION_FIELDS, errors);
    String decision = body.getValue("decision") instanceof String s ? s : null;
    if (decision == null || !DECISIONS.contains(decision)) {
      errors.add(error("/decision", "must be accept, reject, transfer or close"));
    }
    Object tokenValue = body.getValue("lease_token");
    UUID token = tokenValue instanceof String s ? uuid(s) : null;
    if (token == null && tokenValue != null) {
      errors.add(error("/lease_token", "must be the lease_token (a UUID) your claim answered"));
    } else if (token == null && !"close".equals(decision)) {
      errors.add(
          error(
              "/lease_token",
              "required: the lease_token of your claim (close of an item in"
                  + " handling needs none)"));
    }
    String reason = optionalText(body, "reason", 1000, errors);
    String target = optionalText(body, "target", 100, errors);
    if ("transfer".equals(decision) && queues.target(target) == null) {
      errors.add(
          error(
              "/target",
              (target == null ? "required for transfer" : "not a queue or department")
                  + ": a district code or triage, or one of the departments "
                  + String.join(", ", queues.departments())
                  + " (transfer is the queue intake fills; name its department)"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the decision breaks its rules", errors);
    }
    queues
        .decide(new QueueService.Decision(id, token, decision, reason, target))
        .onSuccess(
            d ->
                ctx.json(
                    new JsonObject()
                        .put("id", id.toString())
                        .put("state", d.state())
                        .put("queue", d.movedTo())
                        .put("deadlines", Verdict.deadlinesJson(d.deadlines()))))
        .onFailure(e -> fail(ctx, e));
  }

  /**
   * The operator check and, when a body is announced, its media type, before a body handler, so a
   * bad key or a body that is not JSON never gets read (an empty body counts as {@code {}} and
   * needs no type).
   */
  void preflight(RoutingContext ctx) {
    requireOperator(ctx);
    String length = ctx.request().getHeader("content-length");
    boolean body =
        ctx.request().headers().contains("transfer-encoding")
            || (length != null && !length.trim().equals("0"));
    if (body) {
      ComplaintRoutes.requireJson(ctx);
    }
    ctx.next();
  }

  private ChannelKey requireOperator(RoutingContext ctx) {
    ChannelKey key = auth.identify(ctx.request());
    if (!key.operator()) {
      throw ApiException.forbidden("queues are for operator keys");
    }
    return key;
  }

  /** The path's queue; 404 unless it is a configured one (a district, triage, transfer). */
  private String queueName(RoutingContext ctx) {
    String queue = ctx.pathParam("queue");
    if (!QUEUE_NAME.matcher(queue).matches() || !queues.knows(queue)) {
      throw ApiException.of(404, "not-found", "Not found", "no such queue");
    }
    return queue;
  }

  private static UUID recordId(RoutingContext ctx) {
    UUID id = uuid(ctx.pathParam("id"));
    if (id == null) {
      throw ApiException.of(404, "not-found", "Not found", "no record with this id");
    }
    return id;
  }

  /**
   * A refusal of the queue service becomes its problem; a database that cannot work now a 503;
   * anything else goes to {@link ProblemHandler} as it is, a bug and so a 500.
   */
  private static void fail(RoutingContext ctx, Throwable e) {
    if (e instanceof QueueException q) {
      ctx.fail(problem(q));
    } else {
      DatabaseUnavailableException.translate(e).onFailure(ctx::fail);
    }
  }

  private static ApiException problem(QueueException q) {
    return switch (q.reason()) {
      case NOT_FOUND -> ApiException.of(404, "not-found", "Not found", q.getMessage());
      case LEASE_LOST -> ApiException.of(409, "lease-lost", "Lease lost", q.getMessage());
      case NOT_IN_HANDLING ->
          ApiException.of(409, "not-in-handling", "Not in handling", q.getMessage());
      case NOT_STUCK -> ApiException.of(409, "not-stuck", "Not stuck", q.getMessage());
      case NOTHING_TO_UNLINK ->
          ApiException.of(409, "nothing-to-unlink", "Nothing to unlink", q.getMessage());
    };
  }
}
