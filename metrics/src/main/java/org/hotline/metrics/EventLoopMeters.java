package org.hotline.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code intake.event.loop.delay} (timer, {@code intake_event_loop_delay_seconds}): how late a
 * timer that each event loop sets every {@link #PROBE_INTERVAL} fires. A loop busy with a long task
 * answers nothing else meanwhile, so this is the first sign of a blocked loop, long before Vert.x's
 * blocked-thread warning.
 */
public final class EventLoopMeters implements MeterBinder {
  /** How often each event loop is probed. */
  public static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

  private Timer delay;

  @Override
  public void bindTo(MeterRegistry registry) {
    delay =
        Timer.builder("intake.event.loop.delay")
            .description("How late a periodic probe timer fires on an event loop")
            .serviceLevelObjectives(
                Duration.ofMillis(1),
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                Duration.ofSeconds(1))
            .register(registry);
  }

  /** A probe fired {@code nanos} late (0 when on time). */
  public void delay(long nanos) {
    delay.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }
}
