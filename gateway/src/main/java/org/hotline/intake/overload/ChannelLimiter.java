package org.hotline.intake.overload;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.config.ChannelRate;
import org.hotline.intake.config.LimitOptions;
import org.hotline.metrics.OverloadMeters;

/**
 * One token bucket per channel, a token per record, shared by every event loop of the node
 * (Bucket4j's lock-free local buckets). In a cluster each node holds its share of every bucket (see
 * the package doc); {@link #members} rescales them, keeping each bucket as full, proportionally, as
 * it was.
 *
 * <p>A request is admitted when its channel's bucket has a token, which is known from the headers,
 * before any body is read. A batch is admitted on that one token too, and then charged for its
 * other records once they are counted ({@link #charge}); the bucket may go into debt, and the
 * channel's next requests wait until it is paid back. So a batch never needs a burst as large as
 * itself, and over time a channel gets its rate in records whichever way it sends them.
 */
public final class ChannelLimiter {
  /** The answer for one request: admitted, or refused with the seconds to wait (at least 1). */
  public record Admission(boolean admitted, long retryAfterSeconds) {
    static final Admission ADMITTED = new Admission(true, 0);
  }

  private final LimitOptions limits;
  private final TimeMeter clock;
  private final OverloadMeters meters;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile int members = 1;

  /**
   * @param channels the configured channels, whose buckets are made now (another channel gets the
   *     default bucket on first use)
   * @param clock {@link TimeMeter#SYSTEM_NANOTIME}, or a test's
   * @param meters where refusals are counted
   */
  public ChannelLimiter(
      LimitOptions limits, Collection<String> channels, TimeMeter clock, OverloadMeters meters) {
    this.limits = limits;
    this.clock = clock;
    this.meters = meters;
    channels.forEach(this::bucket);
  }

  /** Takes one token of {@code channel}'s bucket, or tells how long until there is one. */
  public Admission tryAcquire(String channel) {
    ConsumptionProbe probe = bucket(channel).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return Admission.ADMITTED;
    }
    meters.rateLimited(channel);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
    return new Admission(false, Math.max(1, seconds));
  }

  /** Charges {@code records} more tokens to an admitted request, into debt if need be. */
  public void charge(String channel, long records) {
    if (records > 0) {
      bucket(channel).consumeIgnoringRateLimits(records);
    }
  }

  /**
   * Sets how many nodes share the channels' rates, and rescales every bucket to its share.
   *
   * @param count the cluster's members, at least 1
   */
  public synchronized void members(int count) {
    int n = Math.max(1, count);
    if (n == members) {
      return;
    }
    members = n;
    buckets.forEach(
        (channel, bucket) ->
            bucket.replaceConfiguration(
                share(limits.rate(channel), n), TokensInheritanceStrategy.PROPORTIONALLY));
  }

  /** How many nodes share the rates now. */
  public int members() {
    return members;
  }

  /** Tokens left in {@code channel}'s bucket (negative in debt), for tests. */
  public long available(String channel) {
    return bucket(channel).getAvailableTokens();
  }

  private Bucket bucket(String channel) {
    return buckets.computeIfAbsent(
        channel,
        c ->
            Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(share(limits.rate(c), members).getBandwidths()[0])
                .build());
  }

  /**
   * One node's share of {@code rate} among {@code members}: the rate's tokens over {@code members}
   * seconds, and the burst divided (rounded up, at least one token).
   */
  static BucketConfiguration share(ChannelRate rate, int members) {
    long capacity = Math.max(1, (rate.burst() + members - 1) / members);
    return BucketConfiguration.builder()
        .addLimit(
            limit ->
                limit
                    .capacity(capacity)
                    .refillGreedy(rate.perSecond(), Duration.ofSeconds(members)))
        .build();
  }
}
