package org.hotline.intake.telemetry;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.hotline.metrics.EventLoopMeters;

/**
 * Measures how late a periodic timer fires on its event loop. Deployed with one instance per event
 * loop (Vert.x spreads instances over the loops), so every loop is watched.
 */
public final class EventLoopProbe extends VerticleBase {
  private static final long INTERVAL_NS = EventLoopMeters.PROBE_INTERVAL.toNanos();

  private final EventLoopMeters meters;
  private long expected;

  public EventLoopProbe(EventLoopMeters meters) {
    this.meters = meters;
  }

  @Override
  public Future<?> start() {
    expected = System.nanoTime() + INTERVAL_NS;
    vertx.setPeriodic(
        EventLoopMeters.PROBE_INTERVAL.toMillis(),
        id -> {
          long now = System.nanoTime();
          meters.delay(now - expected);
          expected = now + INTERVAL_NS;
        });
    return Future.succeededFuture();
  }
}
