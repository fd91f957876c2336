package org.hotline.intake.http;

import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.metrics.OverloadMeters;

/**
 * The most HTTP connections this node keeps open, shared by every API instance. A connection past
 * it is closed as soon as it is accepted, before a byte of it is read: each open connection costs a
 * file descriptor, buffers and a request deadline, and a client (or a load balancer) sees a closed
 * connection at once and can go elsewhere, where queuing it would only make it wait. Only accepted
 * connections count, so the ones refused never push the count over.
 */
public final class ConnectionCap {
  private final int max;
  private final OverloadMeters meters;
  private final AtomicInteger open = new AtomicInteger();

  /**
   * @param max {@code 1..}: the most open at once
   */
  public ConnectionCap(int max, OverloadMeters meters) {
    if (max < 1) {
      throw new IllegalArgumentException("max connections must be at least 1");
    }
    this.max = max;
    this.meters = meters;
    meters.watchConnections(open::get);
  }

  /**
   * Counts a connection just accepted, when there is room for it.
   *
   * @return false when the node is full: the caller closes the connection, which is counted
   */
  boolean admit() {
    if (open.incrementAndGet() <= max) {
      return true;
    }
    open.decrementAndGet();
    meters.connectionRefused();
    return false;
  }

  /** An admitted connection has closed. */
  void closed() {
    open.decrementAndGet();
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }
}
