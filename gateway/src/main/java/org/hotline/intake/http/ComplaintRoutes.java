package org.hotline.intake.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hotline.intake.config.ChannelKey;
import org.hotline.intake.overload.ChannelLimiter;
import org.hotline.intake.overload.LoopSlices;
import org.hotline.intake.pipeline.IntakeService;
import org.hotline.intake.pipeline.Outcome;
import org.hotline.intake.store.ComplaintStore;
import org.hotline.intake.store.StoredComplaint;

/**
 * {@code POST /v1/complaints}, {@code POST /v1/complaints:batch}, {@code GET /v1/complaints/{id}}
 * and its audited {@code /unmasked} form: authentication, the body's media type and the channel's
 * rate (from the headers, before the body is read), then the {@link IntakeService}. An adapter
 * only; failures go to {@link ProblemHandler}.
 */
final class ComplaintRoutes {
  static final String REPLAYED_HEADER = "idempotent-replayed";
  private static final String KEY = "intake.key";
  private static final String JSON = "application/json";

  private final Authenticator authenticator;
  private final ComplaintStore store;
  private final IntakeService intake;
  private final ChannelLimiter limiter;

  ComplaintRoutes(
      Authenticator authenticator,
      ComplaintStore store,
      IntakeService intake,
      ChannelLimiter limiter) {
    this.authenticator = authenticator;
    this.store = store;
    this.intake = intake;
    this.limiter = limiter;
  }

  /**
   * What can be checked from the headers alone (the key, that it may post, the media type, a token
   * of the channel's bucket), run before the body handler so a client that fails them is refused
   * without its body being read.
   */
  void preflight(RoutingContext ctx) {
    ChannelKey key = authenticator.identify(ctx.request());
    IntakeMeter.channel(ctx, key.channel());
    if (key.channel() == null) {
      throw ApiException.forbidden("an operator key cannot post records; use a channel key");
    }
    requireJson(ctx);
    ChannelLimiter.Admission admission = limiter.tryAcquire(key.channel());
    if (!admission.admitted()) {
      throw ApiException.tooManyRequests(
          "this channel is over its rate; retry after the time given",
          admission.retryAfterSeconds());
    }
    ctx.put(KEY, key);
    ctx.next();
  }

  void post(RoutingContext ctx) {
    ChannelKey key = channelKey(ctx);
    intake
        .submit(key.channel(), bytes(ctx))
        .onSuccess(
            o -> {
              IntakeMeter.verdict(ctx, o.verdict());
              if (o.replayed()) {
                ctx.response().putHeader(REPLAYED_HEADER, "true");
              }
              sendJson(ctx, status(o), o.body());
            })
        .onFailure(ctx::fail);
  }

  /**
   * {@code POST /v1/complaints:batch}: each item goes through the pipeline as if posted alone, and
   * its failure becomes its problem exactly as a single post's would. The answer leaves once every
   * item has ended, so every 202 in it is committed.
   */
  void postBatch(RoutingContext ctx) {
    ChannelKey key = channelKey(ctx);
    List<byte[]> items = BatchSplitter.split(bytes(ctx));
    // Admitted on one token from the headers; the other records are charged now they are counted.
    limiter.charge(key.channel(), items.size() - 1L);
    String path = ctx.request().path();
    List<Future<JsonObject>> results = new ArrayList<>(items.size());
    // A shutdown that begins while the batch is taken waits for its answer (see the writer's hold).
    Runnable release = intake.hold();
    // A slice of the items a turn of the event loop: parsing and judging 500 at once held the
    // loop, and every other connection on it, for the whole batch.
    LoopSlices.run(
        items.size(),
        index -> {
          byte[] record = items.get(index);
          if (record.length > ApiVerticle.MAX_BODY_BYTES) {
            // What the same record posted alone gets: one record is at most 64 KiB.
            ApiException p = ProblemHandler.payloadTooLarge();
            results.add(Future.succeededFuture(item(index, 413, ProblemHandler.body(p, path))));
            return;
          }
          results.add(
              intake
                  .submit(key.channel(), record)
                  .map(o -> item(index, status(o), o.verdict()))
                  .recover(
                      err -> {
                        ApiException p = ProblemHandler.problemOf(err, "POST " + path + " item");
                        return Future.succeededFuture(
                            item(index, p.status(), ProblemHandler.body(p, path)));
                      }));
        },
        () ->
            Future.all(results)
                .onComplete(
                    ar -> {
                      if (ar.succeeded()) {
                        JsonArray out = new JsonArray();
                        results.forEach(f -> out.add(f.result()));
                        IntakeMeter.items(ctx, out);
                        ctx.json(new JsonObject().put("results", out));
                      } else {
                        ctx.fail(ar.cause());
                      }
                      // After the answer is written: a drain may end, and the server close, now.
                      release.run();
                    }));
  }

  private static JsonObject item(int index, int status, JsonObject body) {
    return new JsonObject().put("index", index).put("status", status).put("body", body);
  }

  /** 200 for a replay of a committed record, 202 for a record this request committed. */
  private static int status(Outcome o) {
    return o.replayed() ? 200 : 202;
  }

  /** The key {@link #preflight} found, once the body's signature is checked. */
  private ChannelKey channelKey(RoutingContext ctx) {
    ChannelKey key = ctx.get(KEY);
    Buffer body = ctx.body().buffer();
    authenticator.verifySignature(key, ctx.request(), body == null ? Buffer.buffer() : body);
    return key;
  }

  private static byte[] bytes(RoutingContext ctx) {
    return Bodies.bytes(ctx.body().buffer());
  }

  /** {@code GET /v1/complaints/{id}}: the record, phone and ID numbers masked wherever written. */
  void get(RoutingContext ctx) {
    requireOperator(ctx);
    store
        .findById(recordId(ctx))
        .onSuccess(found -> answer(ctx, found, RecordView::of))
        .onFailure(ctx::fail);
  }

  /**
   * {@code GET /v1/complaints/{id}/unmasked}: the record as sent, for an operator who must call the
   * complainant back. Every such read is recorded in {@code pii_access} (the key's fingerprint, the
   * record, the time) before the answer leaves.
   */
  void getUnmasked(RoutingContext ctx) {
    ChannelKey key = requireOperator(ctx);
    store
        .findAudited(recordId(ctx), Authenticator.actor(key))
        .onSuccess(found -> answer(ctx, found, RecordView::unmasked))
        .onFailure(ctx::fail);
  }

  private ChannelKey requireOperator(RoutingContext ctx) {
    ChannelKey key = authenticator.identify(ctx.request());
    if (!key.operator()) {
      throw ApiException.forbidden("reading records needs an operator key");
    }
    return key;
  }

  private static UUID recordId(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
  }

  private static void answer(
      RoutingContext ctx,
      Optional<StoredComplaint> found,
      Function<StoredComplaint, JsonObject> view) {
    if (found.isEmpty()) {
      ctx.fail(notFound());
    } else {
      sendJson(ctx, 200, view.apply(found.get()));
    }
  }

  private static ApiException notFound() {
    return ApiException.of(404, "not-found", "Not found", "no record with this id");
  }

  static void requireJson(RoutingContext ctx) {
    io.vertx.core.MultiMap headers = ctx.request().headers();
    String ct = headers.get("content-type");
    if (ct == null || headers.getAll("content-type").size() > 1) {
      throw unsupported();
    }
    String coding = headers.get("content-encoding");
    if (coding != null && !coding.trim().equalsIgnoreCase("identity")) {
      // RFC 9110 15.5.16: a coding the server does not decode is a 415, not bytes read as JSON.
      throw ApiException.of(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "send the body without a Content-Encoding");
    }
    String[] parts = ct.split(";");
    if (!parts[0].trim().equalsIgnoreCase(JSON)) {
      throw unsupported();
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
      if (p.startsWith("charset=")
          && !p.equals("charset=utf-8")
          && !p.equals("charset=\"utf-8\"")) {
        throw unsupported();
      }
    }
  }

  private static ApiException unsupported() {
    return ApiException.of(
        415,
        "unsupported-media-type",
        "Unsupported media type",
        "send Content-Type: application/json in UTF-8");
  }

  private static void sendJson(RoutingContext ctx, int status, JsonObject body) {
    sendJson(ctx, status, body.toBuffer());
  }

  private static void sendJson(RoutingContext ctx, int status, Buffer body) {
    ctx.response().setStatusCode(status).putHeader("content-type", JSON).end(body);
  }
}
