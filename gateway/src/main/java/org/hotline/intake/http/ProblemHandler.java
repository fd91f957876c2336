package org.hotline.intake.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.hotline.intake.pipeline.IdempotencyConflictException;
import org.hotline.intake.pipeline.InFlightException;
import org.hotline.intake.privacy.TextMasker;
import org.hotline.intake.store.DatabaseUnavailableException;
import org.hotline.intake.store.GroupCommitWriter;
import org.hotline.intake.validation.FieldError;
import org.hotline.intake.validation.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json} responses. Known
 * failures are answered quietly; anything unexpected is a 500, logged once with its stack trace but
 * without exception messages, since those from lower layers may quote the input.
 */
public final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  static final String PROBLEM_JSON = "application/problem+json";
  private static final String TYPE_BASE = "/problems/";

  /**
   * A refused request's body up to this size is read and dropped to keep its connection open: a
   * complaint is a few kilobytes; the 4 MiB batch limit is not worth reading to refuse.
   */
  static final long MAX_DISCARDED_BYTES = 64 * 1024;

  /**
   * How long a connection refused with Connection: close may still bring what its client sends
   * before it is closed: time for the client to read the answer, not to send megabytes.
   */
  static final long LINGER_MS = 1000;

  private AllowedMethods allowed;

  /** The methods each path allows, named by a 405's {@code Allow} header; set before listening. */
  void allow(AllowedMethods allowed) {
    this.allowed = allowed;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.failure() instanceof HttpClosedException || ctx.response().closed()) {
      // The client went away mid-request (a slow client cut off, a reset): no one to answer, and
      // not a bug to log as one.
      LOG.debug(
          "client closed the connection during {} {}",
          ctx.request().method(),
          ctx.request().path());
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ApiException problem = toProblem(ctx);
    if (problem.status() == 405 && allowed != null) {
      ctx.response().putHeader("allow", allowed.of(ctx.request().path()));
    }
    send(ctx, problem);
  }

  /**
   * The problem for a failure: those raised on purpose map to their status; a database or pool that
   * cannot work now, or a full writer, is a 503 with Retry-After; anything else is a bug, a 500,
   * logged here once with its stack trace (but no message: see {@link Redacted}).
   *
   * @param where what was being answered, for the log line (method and route, no personal data)
   */
  static ApiException problemOf(Throwable failure, String where) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof InvalidRequestException invalid) {
      JsonArray errors = new JsonArray();
      for (FieldError e : invalid.errors()) {
        errors.add(new JsonObject().put("pointer", e.pointer()).put("detail", e.detail()));
      }
      return ApiException.invalid("the request body breaks the contract's input rules", errors);
    }
    if (failure instanceof InFlightException) {
      return ApiException.of(
          409,
          "in-flight",
          "Request in flight",
          "a record with this source_id is still being processed; retry shortly");
    }
    if (failure instanceof IdempotencyConflictException) {
      return ApiException.of(
          422,
          "idempotency-conflict",
          "Idempotency key reused",
          "this source_id was already used for a record with different content");
    }
    if (failure instanceof GroupCommitWriter.WriterBusyException busy) {
      return ApiException.unavailable("the gateway is busy: " + busy.getMessage(), 1);
    }
    if (failure instanceof DatabaseUnavailableException) {
      return ApiException.unavailable("the database is unavailable", 5);
    }
    return internal(failure, where);
  }

  private static ApiException internal(Throwable failure, String where) {
    if (failure == null) {
      LOG.error("unexpected failure on {}: no exception", where);
    } else {
      LOG.error("unexpected failure on {}", where, Redacted.of(failure));
    }
    return ApiException.of(
        500,
        "internal-error",
        "Internal error",
        "an unexpected error occurred; it has been logged");
  }

  static ApiException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    String path;
    try {
      path = ctx.normalizedPath();
    } catch (IllegalArgumentException e) {
      // A path Vert.x cannot decode (/%zz), which is also what failed the routing: the request's
      // fault.
      return ApiException.invalid("the request path could not be decoded", new JsonArray());
    }
    // A phone or ID number typed into a path (an id slot used as a search) stays out of the log.
    String where = ctx.request().method() + " " + TextMasker.mask(path);
    if (failure != null && !(failure instanceof HttpException)) {
      return problemOf(failure, where);
    }
    int status = ctx.statusCode();
    return switch (status) {
      case 400 -> ApiException.invalid("the request could not be read", new JsonArray());
      case 404 -> ApiException.of(404, "not-found", "Not found", "no such resource");
      case 405 ->
          ApiException.of(
              405, "method-not-allowed", "Method not allowed", "this resource does not allow it");
      case 413 -> payloadTooLarge();
      // An Expect value Vert.x does not take ("Expect: 999-whatever"): the client's fault.
      case 417 ->
          ApiException.of(
              417,
              "expectation-failed",
              "Expectation failed",
              "the Expect header asks for something this server does not do");
      default -> internal(failure, where + " (status " + status + ")");
    };
  }

  /** The 413 of a body, or of a batch's item, over its size limit. */
  static ApiException payloadTooLarge() {
    return ApiException.of(
        413, "payload-too-large", "Payload too large", "the body exceeds the size limit");
  }

  /**
   * A request Vert.x could not decode, before any route sees it: a request line over the limit is a
   * 414, headers over it a 431, anything else a 400. Vert.x's own answer has no body; this one is a
   * problem like every other. The connection is closed after it, since the rest of the stream
   * cannot be trusted to frame a next request. The problem names no path: the path is what was too
   * long.
   */
  public static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiException p;
    if (cause instanceof TooLongHttpLineException) {
      p = ApiException.of(414, "uri-too-long", "URI too long", "the request line is too long");
    } else if (cause instanceof TooLongHttpHeaderException) {
      p =
          ApiException.of(
              431,
              "header-fields-too-large",
              "Request header fields too large",
              "the request headers are too large");
    } else {
      p = ApiException.invalid("the request could not be read", new JsonArray());
    }
    request
        .response()
        .setStatusCode(p.status())
        .putHeader("content-type", PROBLEM_JSON)
        .putHeader("connection", "close")
        .end(body(p, null).toBuffer())
        .onComplete(v -> request.connection().close());
  }

  /**
   * The RFC 9457 body of a problem; {@code instance} null leaves it out. The only request text a
   * problem repeats is a path and key names (an unknown field's pointer, a duplicate key): a phone
   * or ID number written there is masked, as in operator views.
   */
  static JsonObject body(ApiException p, String instance) {
    JsonObject body =
        new JsonObject()
            .put("type", TYPE_BASE + p.type())
            .put("title", p.title())
            .put("status", p.status())
            .put("detail", TextMasker.mask(p.getMessage()));
    if (instance != null) {
      body.put("instance", TextMasker.mask(instance));
    }
    if (p.errors() != null) {
      JsonArray errors = new JsonArray();
      for (Object e : p.errors()) {
        errors.add(e instanceof JsonObject o ? TextMasker.maskAll(o, java.util.Set.of()) : e);
      }
      body.put("errors", errors);
    }
    return body;
  }

  static void send(RoutingContext ctx, ApiException p) {
    JsonObject body = body(p, ctx.request().path());
    IntakeMeter.problem(ctx, p.type());
    var response = ctx.response().setStatusCode(p.status()).putHeader("content-type", PROBLEM_JSON);
    if (p.retryAfterSeconds() != null) {
      response.putHeader("retry-after", String.valueOf(p.retryAfterSeconds()));
    }
    if (p.status() == 401) {
      response.putHeader("www-authenticate", "Bearer");
    }
    HttpServerRequest request = ctx.request();
    boolean closing = false;
    if (!request.isEnded()) {
      if (smallDeclaredBody(request)
          && !(p.status() == 429 && RequestDeadlines.persistentlyRefused(ctx))) {
        // Refused before its body was read, but the body is small and its length known: it is
        // read and dropped, and the connection stays open. A client keeping to keep-alive, a
        // flooding channel above all, is then refused for the price of a response, not of a new
        // TCP connection per refusal (which cost about 100 µs of the gateway's CPU each).
        request.resume();
      } else {
        // Possibly megabytes, or of unknown length, or a client refused again and again without
        // waiting: close rather than read and discard it.
        response.putHeader("connection", "close");
        closing = true;
      }
    }
    Buffer answer = body.toBuffer();
    if (p.status() == 429 && !closing) {
      RequestDeadlines.refuse(
          ctx, IntakeMeter.channelOf(ctx), p.retryAfterSeconds(), () -> response.end(answer));
    } else if (closing && request.version() != HttpVersion.HTTP_2) {
      // The header alone does not close: the server would read the body it was told not to wait
      // for, then serve the next request. Closing at once is no better: a client still sending
      // meets a reset that can discard the answer before it reads it. So what still comes is
      // dropped unread, and the connection closes when it has come or after LINGER_MS, whichever
      // is first. HTTP/2 resets the stream, not the connection.
      io.vertx.core.http.HttpConnection connection = request.connection();
      request.handler(dropped -> {});
      request.endHandler(v -> connection.close());
      request.resume();
      response
          .end(answer)
          .onComplete(v -> ctx.vertx().setTimer(LINGER_MS, t -> connection.close()));
    } else {
      response.end(answer);
    }
  }

  /**
   * Whether the request's body is at most {@link #MAX_DISCARDED_BYTES} by its headers: a declared
   * length that small, or no body at all; not chunked.
   */
  static boolean smallDeclaredBody(HttpServerRequest request) {
    if (request.version() != HttpVersion.HTTP_1_1
        || request.headers().contains("transfer-encoding")) {
      return false;
    }
    String length = request.getHeader("content-length");
    if (length == null) {
      return true; // neither length nor chunked: no body (RFC 9112 6.3), the connection stays
    }
    try {
      long n = Long.parseLong(length.trim());
      return n >= 0 && n <= MAX_DISCARDED_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
