package org.hotline.intake.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.hotline.intake.verdict.Verdict;
import org.hotline.metrics.IntakeMeters;
import org.hotline.metrics.Outcome;

/**
 * Counts each record the intake routes answer, by channel and outcome, with its ack time from the
 * request's arrival to the answer, and each problem by type. The first handler of {@code POST
 * /v1/complaints} and of the batch; {@link ComplaintRoutes} tells it the channel once the key is
 * known and that a verdict is a duplicate, and a batch reports its items itself.
 */
final class IntakeMeter implements Handler<RoutingContext> {
  /** The problem types the intake routes answer; each has its counter from the start. */
  static final List<String> PROBLEM_TYPES =
      List.of(
          "invalid-request",
          "unauthorized",
          "forbidden",
          "payload-too-large",
          "unsupported-media-type",
          "rate-limited",
          "in-flight",
          "idempotency-conflict",
          "unavailable",
          "internal-error");

  private static final String CHANNEL = "intake.meter.channel";
  private static final String DUPLICATE = "intake.meter.duplicate";
  private static final String PROBLEM = "intake.meter.problem";
  private static final String ITEMS_DONE = "intake.meter.items";
  private static final String METER = "intake.meter";
  private static final String START = "intake.meter.start";

  private final IntakeMeters meters;

  IntakeMeter(IntakeMeters meters) {
    this.meters = meters;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.put(METER, this);
    ctx.put(START, start);
    // When the status line is written, not when the response has been flushed: by then the
    // client may already have its answer and read the counters.
    ctx.addHeadersEndHandler(v -> ended(ctx, start));
    ctx.next();
  }

  private void ended(RoutingContext ctx, long start) {
    if (ctx.get(ITEMS_DONE) != null) {
      return;
    }
    int status = ctx.response().getStatusCode();
    Outcome outcome =
        status == 202 && ctx.get(DUPLICATE) != null ? Outcome.DUPLICATE : Outcome.ofStatus(status);
    meters.channel(ctx.get(CHANNEL)).record(outcome, System.nanoTime() - start);
    String problem = ctx.get(PROBLEM);
    if (problem != null) {
      meters.rejected(problem);
    }
  }

  /** The channel of the key that sent the request. */
  static void channel(RoutingContext ctx, String channel) {
    ctx.put(CHANNEL, channel);
  }

  /** The channel noted by {@link #channel}, or null before the key was read. */
  static String channelOf(RoutingContext ctx) {
    return ctx.get(CHANNEL);
  }

  /** The single record's verdict, to tell a stored duplicate from an accepted record. */
  static void verdict(RoutingContext ctx, JsonObject verdict) {
    if (Verdict.DUPLICATE.equals(verdict.getString("status"))) {
      ctx.put(DUPLICATE, Boolean.TRUE);
    }
  }

  /** The problem answered (its type slug). */
  static void problem(RoutingContext ctx, String type) {
    ctx.put(PROBLEM, type);
  }

  /**
   * A batch's items, counted one record each when the batch is answered: {@code results} as in the
   * answer ({@code status} and {@code body}, a verdict or a problem).
   */
  static void items(RoutingContext ctx, JsonArray results) {
    IntakeMeter meter = ctx.get(METER);
    if (meter != null) {
      ctx.put(ITEMS_DONE, Boolean.TRUE);
      meter.count(ctx, results, ctx.get(START));
    }
  }

  private void count(RoutingContext ctx, JsonArray results, long start) {
    IntakeMeters.Channel channel = meters.channel(ctx.get(CHANNEL));
    long elapsed = System.nanoTime() - start;
    for (int i = 0; i < results.size(); i++) {
      JsonObject item = results.getJsonObject(i);
      int status = item.getInteger("status");
      JsonObject body = item.getJsonObject("body");
      boolean duplicate = status == 202 && Verdict.DUPLICATE.equals(body.getString("status"));
      channel.record(duplicate ? Outcome.DUPLICATE : Outcome.ofStatus(status), elapsed);
      String type = body.getString("type");
      if (status >= 400 && type != null) {
        meters.rejected(type.substring(type.lastIndexOf('/') + 1));
      }
    }
  }
}
