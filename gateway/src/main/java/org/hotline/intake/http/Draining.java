package org.hotline.intake.http;

/**
 * Whether this node is shutting down. Set once, when the drain starts; from then on readiness
 * answers 503 so that load balancers stop sending, and new requests are refused with 503 while
 * those already taken are finished.
 */
public final class Draining {
  private volatile boolean started;

  public void start() {
    started = true;
  }

  public boolean started() {
    return started;
  }
}
