package org.hotline.intake.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hotline.intake.validation.FieldError;
import org.hotline.intake.validation.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json} responses. Known
 * failures are answered quietly; anything unexpected is logged once, by class only, since exception
 * messages from lower layers may quote the input.
 */
public final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  static final String PROBLEM_JSON = "application/problem+json";
  private static final String TYPE_BASE = "/problems/";

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ApiException problem = toProblem(ctx);
    send(ctx, problem);
  }

  /** The problem for a failure this API raises on purpose; anything else is a 500. */
  static ApiException problemOf(Throwable failure) {
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
    LOG.error("unexpected failure: {}", failure == null ? "none" : failure.getClass().getName());
    return ApiException.of(500, "internal", "Internal error", "an unexpected error occurred");
  }

  static ApiException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException || failure instanceof InvalidRequestException) {
      return problemOf(failure);
    }
    int status = ctx.statusCode();
    return switch (status) {
      case 400 -> ApiException.invalid("the request could not be read", new JsonArray());
      case 404 -> ApiException.of(404, "not-found", "Not found", "no such resource");
      case 405 ->
          ApiException.of(
              405, "method-not-allowed", "Method not allowed", "this resource does not allow it");
      case 413 ->
          ApiException.of(
              413, "payload-too-large", "Payload too large", "the body exceeds the size limit");
      default -> {
        LOG.error(
            "unexpected failure on {} {}: {}",
            ctx.request().method(),
            ctx.normalizedPath(),
            failure == null ? "status " + status : failure.getClass().getName());
        yield ApiException.of(500, "internal", "Internal error", "an unexpected error occurred");
      }
    };
  }

  /** The RFC 9457 body of a problem. */
  static JsonObject body(ApiException p, String instance) {
    JsonObject body =
        new JsonObject()
            .put("type", TYPE_BASE + p.type())
            .put("title", p.title())
            .put("status", p.status())
            .put("detail", p.getMessage())
            .put("instance", instance);
    if (p.errors() != null) {
      body.put("errors", p.errors());
    }
    return body;
  }

  static void send(RoutingContext ctx, ApiException p) {
    JsonObject body = body(p, ctx.request().path());
    var response = ctx.response().setStatusCode(p.status()).putHeader("content-type", PROBLEM_JSON);
    if (p.retryAfterSeconds() != null) {
      response.putHeader("retry-after", String.valueOf(p.retryAfterSeconds()));
    }
    if (p.status() == 401) {
      response.putHeader("www-authenticate", "Bearer");
    }
    response.end(body.toBuffer());
  }
}
