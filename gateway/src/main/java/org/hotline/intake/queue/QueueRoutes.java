package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hotline.intake.http.ApiException;
import org.hotline.intake.http.Authenticator;
import org.hotline.intake.http.RecordView;

/**
 * {@code GET /v1/queues}, {@code POST /v1/queues/{queue}/claim} (long poll) and {@code POST
 * /v1/complaints/{id}/decision}, all for operator keys.
 */
public final class QueueRoutes {
  public static final int MAX_CLAIM = 100;
  public static final int MAX_WAIT_SECONDS = 60;
  private static final Pattern QUEUE_NAME = Pattern.compile("[a-z0-9_-]{1,32}");
  private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
  private static final Set<String> DECISIONS = Set.of("accept", "reject", "transfer", "close");

  private final Vertx vertx;
  private final QueueStore store;
  private final Authenticator auth;
  private final Supplier<OffsetDateTime> atRiskCutoff;
  private final Function<UUID, Future<JsonObject>> onAccept;

  /**
   * @param atRiskCutoff the end of the next working day: items due before it are at risk
   * @param onAccept the deadlines an acceptance starts (the mediation limit), by record id
   */
  public QueueRoutes(
      Vertx vertx,
      QueueStore store,
      Authenticator auth,
      Supplier<OffsetDateTime> atRiskCutoff,
      Function<UUID, Future<JsonObject>> onAccept) {
    this.vertx = vertx;
    this.store = store;
    this.auth = auth;
    this.atRiskCutoff = atRiskCutoff;
    this.onAccept = onAccept;
  }

  public void overview(RoutingContext ctx) {
    requireOperator(ctx);
    store
        .overview(atRiskCutoff.get())
        .onSuccess(rows -> ctx.json(new JsonObject().put("queues", rows)))
        .onFailure(e -> ctx.fail(ApiException.unavailable("the database is unavailable", 5)));
  }

  public void claim(RoutingContext ctx) {
    requireOperator(ctx);
    String queue = ctx.pathParam("queue");
    if (!QUEUE_NAME.matcher(queue).matches()) {
      throw ApiException.of(404, "not-found", "Not found", "no such queue");
    }
    JsonObject body = jsonBody(ctx);
    JsonArray errors = new JsonArray();
    int max = intField(body, "max", 10, 1, MAX_CLAIM, errors);
    int lease = intField(body, "lease_seconds", 300, 5, 3600, errors);
    int wait = intField(body, "wait_seconds", 20, 0, MAX_WAIT_SECONDS, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the claim request breaks its rules", errors);
    }
    long deadline = System.nanoTime() + wait * 1_000_000_000L;
    claimOrWait(queue, max, lease, deadline)
        .onSuccess(items -> ctx.json(new JsonObject().put("items", items)))
        .onFailure(e -> ctx.fail(ApiException.unavailable("the database is unavailable", 5)));
  }

  /**
   * Claims now; when the queue is empty, waits for its NOTIFY (or the deadline) and tries again.
   * The consumer is registered before the first claim so no wake-up falls between the two.
   */
  private Future<JsonArray> claimOrWait(String queue, int max, int lease, long deadlineNanos) {
    Promise<JsonArray> result = Promise.promise();
    MessageConsumer<String> consumer = vertx.eventBus().localConsumer(QueueNotifier.address(queue));
    long[] timer = {-1};
    boolean[] claiming = {false};
    boolean[] again = {false};
    Runnable finish =
        () -> {
          consumer.unregister();
          if (timer[0] >= 0) {
            vertx.cancelTimer(timer[0]);
          }
        };
    Runnable[] attempt = new Runnable[1];
    attempt[0] =
        () -> {
          if (claiming[0]) {
            again[0] = true; // a wake-up during a claim: claim once more afterwards
            return;
          }
          claiming[0] = true;
          store
              .claim(queue, max, lease)
              .onComplete(
                  ar -> {
                    claiming[0] = false;
                    if (ar.failed()) {
                      finish.run();
                      result.tryFail(ar.cause());
                    } else if (!ar.result().isEmpty() || System.nanoTime() >= deadlineNanos) {
                      finish.run();
                      result.tryComplete(render(ar.result()));
                    } else if (again[0]) {
                      again[0] = false;
                      attempt[0].run();
                    }
                  });
        };
    consumer.handler(msg -> attempt[0].run());
    long remainingMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remainingMs > 0) {
      timer[0] =
          vertx.setTimer(
              remainingMs,
              id -> {
                timer[0] = -1;
                finish.run();
                result.tryComplete(new JsonArray());
              });
    }
    attempt[0].run();
    return result.future();
  }

  private static JsonArray render(List<QueueStore.Claimed> claimed) {
    JsonArray items = new JsonArray();
    for (QueueStore.Claimed c : claimed) {
      items.add(
          new JsonObject()
              .put("id", c.complaint().id().toString())
              .put("lease_token", c.leaseToken().toString())
              .put("lease_expires_at", c.leaseExpiresAt().toString())
              .put("complaint", RecordView.of(c.complaint())));
    }
    return items;
  }

  public void decide(RoutingContext ctx) {
    requireOperator(ctx);
    UUID id = uuid(ctx.pathParam("id"));
    if (id == null) {
      throw ApiException.of(404, "not-found", "Not found", "no record with this id");
    }
    JsonObject body = jsonBody(ctx);
    JsonArray errors = new JsonArray();
    UUID token = body.getValue("lease_token") instanceof String s ? uuid(s) : null;
    if (token == null) {
      errors.add(error("/lease_token", "required: the lease_token of your claim"));
    }
    String decision = body.getValue("decision") instanceof String s ? s : null;
    if (decision == null || !DECISIONS.contains(decision)) {
      errors.add(error("/decision", "must be accept, reject, transfer or close"));
    }
    String reason = optionalText(body, "reason", 1000, errors);
    String target = optionalText(body, "target", 100, errors);
    if ("transfer".equals(decision) && target == null) {
      errors.add(error("/target", "required for transfer: a queue or a department"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("the decision breaks its rules", errors);
    }
    // A transfer to another queue (a district or triage) puts the item there; a transfer to a
    // department outside market regulation ends it here.
    String requeueTo =
        "transfer".equals(decision)
                && (DISTRICT.matcher(target).matches() || "triage".equals(target))
            ? target
            : null;
    String newState =
        switch (decision) {
          case "accept" -> "accepted";
          case "reject" -> "rejected";
          case "close" -> "closed";
          default -> requeueTo == null ? "transferred" : "new";
        };
    Future<JsonObject> deadlines =
        "accept".equals(decision) ? onAccept.apply(id) : Future.succeededFuture(new JsonObject());
    deadlines
        .compose(
            d ->
                store
                    .decide(
                        new QueueStore.Decision(id, token, decision, reason, target),
                        newState,
                        requeueTo,
                        d)
                    .map(done -> done.map(q -> d)))
        .onSuccess(
            done -> {
              if (done.isEmpty()) {
                ctx.fail(
                    ApiException.of(
                        409,
                        "lease-lost",
                        "Lease lost",
                        "this lease expired or was already used; claim the item again"));
              } else {
                ctx.json(
                    new JsonObject()
                        .put("id", id.toString())
                        .put("state", newState)
                        .put("queue", requeueTo)
                        .put("deadlines", done.get()));
              }
            })
        .onFailure(e -> ctx.fail(ApiException.unavailable("the database is unavailable", 5)));
  }

  private void requireOperator(RoutingContext ctx) {
    if (!auth.identify(ctx.request()).operator()) {
      throw ApiException.forbidden("queues are for operator keys");
    }
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      return ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.invalid(
          "the body must be a JSON object", new JsonArray().add(error("", "not a JSON object")));
    }
  }

  private static int intField(
      JsonObject body, String name, int fallback, int min, int max, JsonArray errors) {
    Object v = body.getValue(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long value = n.longValue();
      if (value >= min && value <= max) {
        return (int) value;
      }
    }
    errors.add(error("/" + name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }

  private static String optionalText(JsonObject body, String name, int max, JsonArray errors) {
    Object v = body.getValue(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s && !s.isBlank() && s.length() <= max && s.indexOf('\u0000') < 0) {
      return s.strip();
    }
    errors.add(error("/" + name, "must be text of at most " + max + " characters"));
    return null;
  }

  private static JsonObject error(String pointer, String detail) {
    return new JsonObject().put("pointer", pointer).put("detail", detail);
  }

  private static UUID uuid(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
