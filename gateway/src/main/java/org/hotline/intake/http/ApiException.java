package org.hotline.intake.http;

import io.vertx.core.json.JsonArray;

/**
 * A failure that becomes an RFC 9457 problem. Travels as a failed future or a thrown exception and
 * is turned into a response in one place, {@link ProblemHandler}. Its texts never hold personal
 * data.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final JsonArray errors;
  private final Integer retryAfterSeconds;

  private ApiException(
      int status,
      String type,
      String title,
      String detail,
      JsonArray errors,
      Integer retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException of(int status, String type, String title, String detail) {
    return new ApiException(status, type, title, detail, null, null);
  }

  public static ApiException invalid(String detail, JsonArray errors) {
    return new ApiException(400, "invalid-request", "Invalid request", detail, errors, null);
  }

  public static ApiException unauthorized(String detail) {
    return of(401, "unauthorized", "Unauthorized", detail);
  }

  public static ApiException forbidden(String detail) {
    return of(403, "forbidden", "Forbidden", detail);
  }

  public static ApiException unavailable(String detail, int retryAfterSeconds) {
    return new ApiException(
        503, "unavailable", "Service unavailable", detail, null, retryAfterSeconds);
  }

  /** 429: the channel sent more than its rate; {@code Retry-After} says when a token is back. */
  public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ApiException(
        429, "rate-limited", "Too many requests", detail, null, (int) retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public JsonArray errors() {
    return errors;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
