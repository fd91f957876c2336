package org.hotline.intake.validation;

import java.util.List;

/**
 * The request body is malformed or invalid. Carries every problem found, so a channel can fix them
 * all in one round trip.
 *
 * <p>The message holds only the number of errors: pointers can echo unknown field names and details
 * never carry values, so nothing personal reaches a log line through this exception.
 */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  /**
   * @param errors at least one error; copied
   */
  public InvalidRequestException(List<FieldError> errors) {
    // No stack trace: bad input is an expected, frequent outcome and the trace would say nothing.
    super(
        "invalid request (" + errors.size() + (errors.size() == 1 ? " error)" : " errors)"),
        null,
        false,
        false);
    this.errors = List.copyOf(errors);
  }

  /** A single document-level error (pointer {@code ""}). */
  static InvalidRequestException ofDocument(String detail) {
    return new InvalidRequestException(List.of(new FieldError("", detail)));
  }

  /** The errors, in the order they were found; never empty, unmodifiable. */
  public List<FieldError> errors() {
    return errors;
  }
}
