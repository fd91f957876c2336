package org.hotline.intake.queue;

/**
 * A queue operation refused for a reason the caller can act on; travels as a failed Future, and the
 * HTTP adapter turns it into a problem. Its detail never holds personal data.
 */
public final class QueueException extends RuntimeException {
  /** Why the operation was refused. */
  public enum Reason {
    /** No record with this id. */
    NOT_FOUND,
    /** The lease expired or was used already: claim the item again. */
    LEASE_LOST,
    /** The record is not open in handling, so there is nothing to close without a lease. */
    NOT_IN_HANDLING,
    /** Requeue of a record that is not stuck. */
    NOT_STUCK,
    /** Unlink of a record that is neither a duplicate nor in a group. */
    NOTHING_TO_UNLINK
  }

  private final Reason reason;

  public QueueException(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  static QueueException notFound() {
    return new QueueException(Reason.NOT_FOUND, "no record with this id");
  }

  public Reason reason() {
    return reason;
  }
}
