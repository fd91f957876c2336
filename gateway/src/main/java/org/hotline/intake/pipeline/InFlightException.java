package org.hotline.intake.pipeline;

/** Another request with the same (channel, source_id) is still being processed on this node. */
public final class InFlightException extends RuntimeException {
  public InFlightException() {
    super("a record with this source_id is still being processed", null, false, false);
  }
}
