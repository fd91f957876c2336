package org.hotline.intake.board;

/**
 * One figure on the board with the target it is judged against.
 *
 * @param value the figure (a count, or seconds for an age)
 * @param target the target, written for people ("0", "≤ 4 h")
 * @param status its colour against the target
 */
public record Cell(long value, String target, Status status) {}
