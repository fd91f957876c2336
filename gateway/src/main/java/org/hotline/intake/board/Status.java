package org.hotline.intake.board;

/** A colour on the board, worst last so that the worse of two is the larger. */
public enum Status {
  GREEN,
  AMBER,
  RED;

  /** The worse of the two. */
  public Status worst(Status other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Its name in the board's JSON. */
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
