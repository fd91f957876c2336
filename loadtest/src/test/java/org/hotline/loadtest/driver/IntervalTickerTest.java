package org.hotline.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.hotline.loadtest.schedule.Phases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalTickerTest {
  @TempDir Path tmp;

  /** A ticker over 1 s of warm-up and 2 s measured, on a clock the test steps. */
  final class Run {
    long now;
    final Counters counters = new Counters();
    final Phases phases = new Phases(0, 1, 2);
    final IntervalTicker ticker;

    Run() throws Exception {
      ticker =
          new IntervalTicker(
              new Recorders(),
              new Recorder(Recorders.HIGHEST_MICROS, Recorders.SIGNIFICANT_DIGITS),
              counters,
              phases,
              phases.endNanos(),
              0,
              0,
              tmp.resolve("latency.hlog"),
              null,
              () -> now);
    }

    /** {@code intended} arrivals due half a second before, then the tick at {@code millis}. */
    void tickAt(long millis, long intended) {
      for (long i = 0; i < intended; i++) {
        counters.intendedAt(TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis - 500)));
      }
      now = TimeUnit.MILLISECONDS.toNanos(millis);
      ticker.tick();
    }

    List<String> phases() {
      return ticker.rows().stream().map(IntervalRow::phase).toList();
    }

    List<Long> seconds() {
      return ticker.rows().stream().map(IntervalRow::second).toList();
    }

    long measuredIntended() {
      return ticker.rows().stream()
          .filter(r -> r.phase().equals(Phases.MEASURE))
          .mapToLong(IntervalRow::intended)
          .sum();
    }
  }

  @Nested
  class Phases_ {
    @Test
    @DisplayName(
        "the schedule's last second is measured, and the closing part-second after it is the drain,"
            + " numbered once")
    void lastSecondMeasured() throws Exception {
      Run r = new Run();
      r.tickAt(1000, 10);
      r.tickAt(2000, 20);
      r.tickAt(3000, 30);
      r.tickAt(3150, 0);
      assertThat(r.phases()).containsExactly("warmup", "measure", "measure", "drain");
      assertThat(r.seconds()).containsExactly(1L, 2L, 3L, 4L);
      assertThat(r.measuredIntended()).isEqualTo(50);
    }

    @Test
    @DisplayName(
        "an arrival due just after a second's end, sent before that second's late tick, counts in"
            + " the second it was due in")
    void lateTick() throws Exception {
      Run r = new Run();
      // Counted (sent) before the second's tick, which runs 3 ms late.
      r.counters.intendedAt(TimeUnit.MILLISECONDS.toNanos(2001));
      r.tickAt(1000, 10);
      r.tickAt(2003, 20);
      r.tickAt(3000, 30);
      assertThat(r.ticker.rows().stream().map(IntervalRow::intended).toList())
          .containsExactly(10L, 20L, 31L);
      assertThat(r.measuredIntended()).isEqualTo(51);
    }

    @Test
    @DisplayName("a closing tick just before the last whole second closes that second, measured")
    void closingBeforeTheSecond() throws Exception {
      Run r = new Run();
      r.tickAt(1000, 10);
      r.tickAt(2000, 20);
      r.tickAt(2990, 30);
      assertThat(r.phases()).containsExactly("warmup", "measure", "measure");
      assertThat(r.seconds()).containsExactly(1L, 2L, 3L);
      assertThat(r.measuredIntended()).isEqualTo(50);
    }
  }
}
