package org.hotline.intake.overload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.ChannelRate;
import org.hotline.intake.config.LimitOptions;
import org.hotline.metrics.GatewayMeters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("per-channel token buckets")
class ChannelLimiterTest {
  /** A clock the test steps. */
  static final class StepClock implements TimeMeter {
    long nanos;

    void advanceMillis(long ms) {
      nanos += TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }

  final StepClock clock = new StepClock();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final GatewayMeters meters =
      GatewayMeters.bind(
          registry,
          new GatewayMeters.Setup(
              "test", List.of("phone", "web", "12345"), List.of(), List.of(), List.of(), 1, 0));
  // web: 10 records/s, at most 20 at once; the others the default
  final LimitOptions limits =
      LimitOptions.defaults()
          .withChannelRate("web", new ChannelRate(10, 20))
          .withChannelRate("12345", new ChannelRate(100, 5));
  final ChannelLimiter limiter =
      new ChannelLimiter(limits, List.of("phone", "web", "12345"), clock, meters.overload());

  int admitted(String channel, int tries) {
    int n = 0;
    for (int i = 0; i < tries; i++) {
      n += limiter.tryAcquire(channel).admitted() ? 1 : 0;
    }
    return n;
  }

  double limited(String channel) {
    return registry.get("intake.rate.limited").tag("channel", channel).counter().count();
  }

  @Nested
  @DisplayName("on one node")
  class OneNode {
    @Test
    @DisplayName("admit a channel's burst at once, then refuse with the seconds until a token")
    void burstThenRefuse() {
      assertThat(admitted("web", 20)).isEqualTo(20);
      ChannelLimiter.Admission refused = limiter.tryAcquire("web");
      assertThat(refused.admitted()).isFalse();
      assertThat(refused.retryAfterSeconds()).isEqualTo(1);
      assertThat(limited("web")).isEqualTo(1);
    }

    @Test
    @DisplayName("refill at the channel's rate")
    void refill() {
      admitted("web", 20);
      clock.advanceMillis(500);
      assertThat(admitted("web", 10)).isEqualTo(5);
      clock.advanceMillis(60_000);
      assertThat(admitted("web", 100)).as("never more than the burst").isEqualTo(20);
    }

    @Test
    @DisplayName("keep channels apart: one channel's flood leaves the others their budget")
    void channelsApart() {
      assertThat(admitted("web", 1000)).isEqualTo(20);
      assertThat(admitted("phone", 5000)).isEqualTo(LimitOptions.DEFAULT_CHANNEL_RATE.burst());
      assertThat(limited("web")).isEqualTo(980);
      assertThat(limited("12345")).isZero();
    }

    @Test
    @DisplayName("charge a batch for all its records, into debt, and make the channel wait it out")
    void batchDebt() {
      assertThat(limiter.tryAcquire("12345").admitted()).isTrue();
      limiter.charge("12345", 499);
      assertThat(limiter.available("12345")).isEqualTo(5 - 500);
      ChannelLimiter.Admission refused = limiter.tryAcquire("12345");
      assertThat(refused.admitted()).isFalse();
      // 495 tokens of debt, then one token, at 100 a second
      assertThat(refused.retryAfterSeconds()).isEqualTo(5);
      clock.advanceMillis(4_960);
      assertThat(limiter.tryAcquire("12345").admitted()).isTrue();
    }

    @Test
    @DisplayName("give a channel without a bucket of its own the default one")
    void defaultBucket() {
      assertThat(admitted("12345-signed", 5000))
          .isEqualTo(LimitOptions.DEFAULT_CHANNEL_RATE.burst());
      assertThat(limited("none")).isEqualTo(5000 - LimitOptions.DEFAULT_CHANNEL_RATE.burst());
    }
  }

  @Nested
  @DisplayName("in a cluster")
  class Cluster {
    @Test
    @DisplayName("hold this node's share, rate and burst divided by the members")
    void share() {
      limiter.members(2);
      assertThat(admitted("web", 100)).isEqualTo(10);
      clock.advanceMillis(1000);
      assertThat(admitted("web", 100)).as("5 a second on each of 2 nodes").isEqualTo(5);
    }

    @Test
    @DisplayName("rescale when a member joins or leaves, keeping the bucket as full, in proportion")
    void rescale() {
      admitted("web", 10); // half full
      limiter.members(4);
      assertThat(limiter.available("web")).isEqualTo(2); // half of 20 / 4
      limiter.members(1);
      assertThat(limiter.members()).isEqualTo(1);
      assertThat(limiter.available("web")).isEqualTo(10);
    }

    @Test
    @DisplayName("never hold less than one token, however many members")
    void atLeastOne() {
      limiter.members(1000);
      assertThat(admitted("web", 5)).isEqualTo(1);
    }
  }
}
