package org.hotline.intake.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict;
import org.hotline.intake.config.ChannelKey;
import org.hotline.intake.dedup.DedupService;
import org.hotline.intake.intake.IntakeRequest;
import org.hotline.intake.intake.Merchant;
import org.hotline.intake.routing.Route;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.store.GroupCommitWriter;
import org.hotline.intake.store.Ids;
import org.hotline.intake.store.PendingRecord;
import org.hotline.intake.store.WriteResult;
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

  void post(RoutingContext ctx) {
    ChannelKey key = services.authenticator().identify(ctx.request());
    Buffer body = ctx.body().buffer();
    services
        .authenticator()
        .verifySignature(key, ctx.request(), body == null ? Buffer.buffer() : body);
    if (key.channel() == null) {
      throw ApiException.forbidden("an operator key cannot post records; use a channel key");
    }
    requireJson(ctx);
    IntakeRequest request = services.parser().parse(body == null ? new byte[0] : body.getBytes());
    String idem = PendingRecord.idempotencyKey(key.channel(), request.sourceId());
    if (!services.claim(idem)) {
      throw ApiException.of(
          409,
          "in-flight",
          "Request in flight",
          "a record with this source_id is still being processed; retry shortly");
    }
    UUID id = Ids.newId();
    services
        .dedup()
        .judge(id, request)
        .compose(
            judged -> {
              PendingRecord record =
                  pending(
                      id,
                      key.channel(),
                      request,
                      judged,
                      decide(key.channel(), id, request, judged));
              return writer
                  .submit(record)
                  .andThen(
                      ar -> {
                        if (!(ar.result() instanceof WriteResult.Stored)) {
                          services.dedup().retract(judged);
                        }
                      })
                  .map(result -> Map.entry(record, result));
            })
        .onComplete(
            ar -> {
              services.release(idem);
              if (ar.succeeded()) {
                respond(ctx, ar.result().getKey(), ar.result().getValue());
              } else if (ar.cause() instanceof GroupCommitWriter.WriterBusyException busy) {
                ctx.fail(ApiException.unavailable("the gateway is busy: " + busy.getMessage(), 1));
              } else {
                LOG.warn("record not committed: {}", ar.cause().getClass().getName());
                ctx.fail(ApiException.unavailable("the database is unavailable", 5));
              }
            });
  }

  /** Dedup's verdict, then where the record goes and when it is due. */
  private Verdict decide(
      String channel, UUID id, IntakeRequest request, DedupService.Judgement judged) {
    Verdict verdict = Verdict.of(id, judged.verdict());
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

  private static void respond(RoutingContext ctx, PendingRecord record, WriteResult result) {
    if (result instanceof WriteResult.Stored stored) {
      sendJson(ctx, 202, stored.verdict());
    } else if (result instanceof WriteResult.Existing existing) {
      if (MessageDigest.isEqual(existing.contentHash(), record.contentHash())) {
        ctx.response().putHeader(REPLAYED_HEADER, "true");
        sendJson(ctx, 200, existing.verdict());
      } else {
        ctx.fail(
            ApiException.of(
                422,
                "idempotency-conflict",
                "Idempotency key reused",
                "this source_id was already used for a record with different content"));
      }
    }
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
