package org.hotline.loadtest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
  static long count(Arrivals a) {
    long n = 0;
    while (a.next() >= 0) {
      n++;
    }
    return n;
  }

  @Nested
  class Poisson {
    @Test
    @DisplayName("the mean rate is the one asked for, within 2% over 20 000 arrivals")
    void meanRate() {
      Arrivals a = new Arrivals(new Phases(0, 0, 20), t -> 1.0, 1000, true, 42);
      // A Poisson count of 20 000 has a standard deviation of 141 (0.7%): 2% is about 3 sigma.
      assertThat(count(a)).isBetween(19_600L, 20_400L);
    }

    @Test
    @DisplayName("the same seed gives the same schedule")
    void seeded() {
      Arrivals a = new Arrivals(new Phases(0, 0, 2), t -> 1.0, 500, true, 7);
      Arrivals b = new Arrivals(new Phases(0, 0, 2), t -> 1.0, 500, true, 7);
      for (int i = 0; i < 900; i++) {
        assertThat(a.next()).isEqualTo(b.next());
      }
    }

    @Test
    @DisplayName("the profile's shape scales the rate: twice the shape, twice the arrivals")
    void shaped() {
      long flat = count(new Arrivals(new Phases(0, 0, 10), t -> 1.0, 500, true, 1));
      long doubled =
          count(new Arrivals(new Phases(0, 0, 10), t -> t < 0.5 ? 2.0 : 1.0, 500, true, 1));
      assertThat(doubled / (double) flat).isBetween(1.4, 1.6);
    }
  }

  @Test
  @DisplayName("uniform arrivals are evenly spaced")
  void uniform() {
    Arrivals a = new Arrivals(new Phases(0, 0, 1), t -> 1.0, 100, false, 1);
    assertThat(a.next()).isEqualTo(10_000_000L);
    assertThat(a.next()).isEqualTo(20_000_000L);
    assertThat(count(new Arrivals(new Phases(0, 0, 10), t -> 1.0, 100, false, 1)))
        .isBetween(999L, 1000L);
  }

  @Test
  @DisplayName(
      "the ramp rises linearly to the rate, then the warm-up holds it, then measuring starts")
  void phases() {
    Phases p = new Phases(10, 5, 60);
    assertThat(p.phaseAt(0)).isEqualTo(Phases.RAMP);
    assertThat(p.phaseAt(12_000_000_000L)).isEqualTo(Phases.WARMUP);
    assertThat(p.phaseAt(15_000_000_000L)).isEqualTo(Phases.MEASURE);
    assertThat(p.rampFactor(5_000_000_000L)).isEqualTo(0.5);
    assertThat(p.fraction(45_000_000_000L)).isEqualTo(0.5);
    assertThat(count(new Arrivals(p, t -> 1.0, 100, false, 1))).isBetween(6900L, 7100L);
  }

  @Test
  @DisplayName("a rate of 0 or less is refused")
  void badRate() {
    assertThatThrownBy(() -> new Arrivals(new Phases(0, 0, 1), t -> 1.0, 0, true, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
