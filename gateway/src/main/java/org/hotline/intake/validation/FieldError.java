package org.hotline.intake.validation;

/**
 * One reason a request was refused, as it appears in the {@code errors} array of a 400 problem.
 *
 * @param pointer an RFC 6901 JSON pointer into the request body, such as {@code
 *     /merchant/credit_code}; the empty string designates the whole document
 * @param detail a short human-readable reason; never contains the offending value
 */
public record FieldError(String pointer, String detail) {}
