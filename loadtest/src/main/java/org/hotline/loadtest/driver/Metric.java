package org.hotline.loadtest.driver;

/**
 * The three times recorded for each request, in microseconds. {@code RESPONSE} = {@code DISPATCH} +
 * {@code SERVICE}.
 */
public enum Metric {
  /** From the intended send time to the last byte of the answer: what a complainant would see. */
  RESPONSE("response"),
  /** From the actual send (a connection in hand) to the last byte of the answer. */
  SERVICE("service"),
  /**
   * From the intended send time to the actual send: the generator's lateness plus the wait for a
   * free connection. Never hidden: it is part of {@code RESPONSE}.
   */
  DISPATCH("dispatch");

  private final String tag;

  Metric(String tag) {
    this.tag = tag;
  }

  /** The tag of this metric's measured intervals in the .hlog. */
  public String tag() {
    return tag;
  }

  /** The tag of its ramp and warm-up intervals, kept in the .hlog but out of the results. */
  public String warmupTag() {
    return "warmup." + tag;
  }
}
