package org.hotline.intake.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict;
import org.hotline.intake.config.ChannelKey;
import org.hotline.intake.routing.Route;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.store.GroupCommitWriter;
import org.hotline.intake.store.Ids;
import org.hotline.intake.store.PendingRecord;
import org.hotline.intake.store.WriteResult;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.validation.InvalidRequestException;
import org.hotline.intake.validation.Merchant;
import org.hotline.intake.verdict.DedupService;
import org.hotline.intake.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/complaints} and {@code GET /v1/complaints/{id}}. */
final class ComplaintRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ComplaintRoutes.class);
  static final String REPLAYED_HEADER = "idempotent-replayed";
  private static final String JSON = "application/json";

  private final ApiServices services;
  private final GroupCommitWriter writer;

  ComplaintRoutes(ApiServices services, GroupCommitWriter writer) {
    this.services = services;
    this.writer = writer;
  }

  /** How one record ended: what to answer for it. */
  record Outcome(int status, JsonObject body, boolean replayed) {}

  void post(RoutingContext ctx) {
    ChannelKey key = channelKey(ctx);
    intake(key.channel(), bytes(ctx))
        .onSuccess(
            o -> {
              if (o.replayed()) {
                ctx.response().putHeader(REPLAYED_HEADER, "true");
              }
              sendJson(ctx, o.status(), o.body());
            })
        .onFailure(ctx::fail);
  }

  /**
   * {@code POST /v1/complaints:batch}: each item goes through {@link #intake} as if posted alone;
   * the answer leaves once every item has ended, so every 202 in it is committed.
   */
  void postBatch(RoutingContext ctx) {
    ChannelKey key = channelKey(ctx);
    List<byte[]> items = BatchSplitter.split(bytes(ctx));
    List<Future<JsonObject>> results = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      results.add(
          intake(key.channel(), items.get(i))
              .map(o -> new JsonObject().put("status", o.status()).put("body", o.body()))
              .recover(
                  err -> {
                    ApiException p = ProblemHandler.problemOf(err);
                    return Future.succeededFuture(
                        new JsonObject()
                            .put("status", p.status())
                            .put("body", ProblemHandler.body(p, ctx.request().path())));
                  })
              .map(r -> new JsonObject().put("index", index).mergeIn(r)));
    }
    Future.all(results)
        .onSuccess(
            all -> {
              JsonArray out = new JsonArray();
              results.forEach(f -> out.add(f.result()));
              ctx.json(new JsonObject().put("results", out));
            })
        .onFailure(ctx::fail);
  }

  /** The key's channel, after its signature and the content type are checked. */
  private ChannelKey channelKey(RoutingContext ctx) {
    ChannelKey key = services.authenticator().identify(ctx.request());
    Buffer body = ctx.body().buffer();
    services
        .authenticator()
        .verifySignature(key, ctx.request(), body == null ? Buffer.buffer() : body);
    if (key.channel() == null) {
      throw ApiException.forbidden("an operator key cannot post records; use a channel key");
    }
    requireJson(ctx);
    return key;
  }

  private static byte[] bytes(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    return body == null ? new byte[0] : body.getBytes();
  }

  /**
   * One record through the whole pipeline: parse, idempotency claim, dedup, routing, deadlines,
   * group commit. Fails with the problem to answer; succeeds only after COMMIT (or with the stored
   * verdict of a replay).
   */
  Future<Outcome> intake(String channel, byte[] body) {
    IntakeRequest request;
    try {
      request = services.parser().parse(body);
    } catch (InvalidRequestException e) {
      return Future.failedFuture(e);
    }
    String idem = PendingRecord.idempotencyKey(channel, request.sourceId());
    if (!services.claim(idem)) {
      return Future.failedFuture(
          ApiException.of(
              409,
              "in-flight",
              "Request in flight",
              "a record with this source_id is still being processed; retry shortly"));
    }
    UUID id = Ids.newId();
    return services
        .dedup()
        .judge(id, request)
        .compose(
            judged -> {
              PendingRecord record =
                  pending(id, channel, request, judged, decide(channel, id, request, judged));
              return writer
                  .submit(record)
                  .andThen(
                      ar -> {
                        if (!(ar.result() instanceof WriteResult.Stored)) {
                          services.dedup().retract(judged);
                        }
                      })
                  .compose(result -> outcome(record, result));
            })
        .recover(
            err -> {
              if (err instanceof ApiException) {
                return Future.failedFuture(err);
              }
              if (err instanceof GroupCommitWriter.WriterBusyException busy) {
                return Future.failedFuture(
                    ApiException.unavailable("the gateway is busy: " + busy.getMessage(), 1));
              }
              LOG.warn("record not committed: {}", err.getClass().getName());
              return Future.failedFuture(
                  ApiException.unavailable("the database is unavailable", 5));
            })
        .andThen(ar -> services.release(idem));
  }

  /** Dedup's verdict, then where the record goes and when it is due. */
  private Verdict decide(
      String channel, UUID id, IntakeRequest request, DedupService.Judgement judged) {
    Verdict verdict = Verdict.of(id, judged.verdict(), judged.grievance());
    Merchant m = request.merchant();
    Route route =
        services
            .routing()
            .route(
                new RoutingInput(
                    request.type().wire(),
                    request.category(),
                    m == null ? null : m.divisionCode(),
                    m == null ? null : m.address(),
                    m == null ? null : m.platform(),
                    m == null ? null : m.name(),
                    request.content()));
    verdict = verdict.routed(route.district(), route.queue(), route.transferTo());
    if (services.sla() != null) {
      verdict =
          verdict.withDeadlines(
              services.sla().atIntake(request.type().wire(), channel, request.receivedAt()));
    }
    return verdict;
  }

  private static PendingRecord pending(
      UUID id,
      String channel,
      IntakeRequest request,
      DedupService.Judgement judged,
      Verdict verdict) {
    DedupVerdict dedup = judged.verdict();
    return new PendingRecord(
        id,
        channel,
        request.sourceId(),
        request.contentHash(),
        request.type().wire(),
        request.receivedAt(),
        request.normalized().toString(),
        verdict,
        judged.fingerprint().blockingKey(),
        judged.fingerprint().toBytes(),
        dedup.escalated(),
        dedup.joinedWith());
  }

  private static Future<Outcome> outcome(PendingRecord record, WriteResult result) {
    if (result instanceof WriteResult.Existing existing) {
      if (MessageDigest.isEqual(existing.contentHash(), record.contentHash())) {
        return Future.succeededFuture(new Outcome(200, existing.verdict(), true));
      }
      return Future.failedFuture(
          ApiException.of(
              422,
              "idempotency-conflict",
              "Idempotency key reused",
              "this source_id was already used for a record with different content"));
    }
    return Future.succeededFuture(new Outcome(202, ((WriteResult.Stored) result).verdict(), false));
  }

  void get(RoutingContext ctx) {
    ChannelKey key = services.authenticator().identify(ctx.request());
    if (!key.operator()) {
      throw ApiException.forbidden("reading records needs an operator key");
    }
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.of(404, "not-found", "Not found", "no record with this id");
    }
    services
        .store()
        .findById(id)
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                ctx.fail(ApiException.of(404, "not-found", "Not found", "no record with this id"));
              } else {
                sendJson(ctx, 200, RecordView.of(found.get()));
              }
            })
        .onFailure(err -> ctx.fail(ApiException.unavailable("the database is unavailable", 5)));
  }

  private static void requireJson(RoutingContext ctx) {
    String ct = ctx.request().getHeader("content-type");
    if (ct == null) {
      throw unsupported();
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
    ctx.response().setStatusCode(status).putHeader("content-type", JSON).end(body.toBuffer());
  }
}
