package org.hotline.intake.config;

/**
 * One channel's token bucket: what it may send on average and in one go, in records.
 *
 * @param perSecond {@code 1..1000000}: records a second the bucket refills with, for the whole
 *     cluster (each node enforces its share, see {@code overload.ChannelLimiter})
 * @param burst {@code 1..10000000}: the most tokens the bucket holds, i.e. records the channel may
 *     send at once after a quiet spell
 */
public record ChannelRate(int perSecond, int burst) {
  public static final int MAX_PER_SECOND = 1_000_000;
  public static final int MAX_BURST = 10_000_000;

  public ChannelRate {
    if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
      throw new IllegalArgumentException("a channel rate must be 1..1000000 records/s");
    }
    if (burst < 1 || burst > MAX_BURST) {
      throw new IllegalArgumentException("a channel burst must be 1..10000000 records");
    }
  }
}
