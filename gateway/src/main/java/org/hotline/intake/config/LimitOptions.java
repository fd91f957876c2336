package org.hotline.intake.config;

import java.util.Map;

/**
 * How much one node takes on before it refuses more, so that overload is answered at once (429, a
 * closed connection, 503) instead of growing queues and the heap.
 *
 * @param channelRate the token bucket of a channel not named in {@code channels}
 * @param channels token buckets of particular channels
 * @param maxConnections {@code 1..1000000}: open HTTP connections on this node; a connection past
 *     it is closed as soon as it is accepted
 * @param maxConcurrentStreams {@code 1..10000}: requests one HTTP/2 connection may have open at
 *     once (its {@code SETTINGS_MAX_CONCURRENT_STREAMS}); HTTP/1.1 is always one at a time
 * @param queuePoolSize {@code 1..64}: PostgreSQL connections of the pool for queue and operator
 *     work, apart from intake's, so that a saturated intake never holds up a claim
 * @param dedupMaxEntries {@code 0..}{@link #MAX_DEDUP_ENTRIES}: the most entries the single-node
 *     dedup index holds, evicting the oldest past it; 0 derives it from the heap ({@code
 *     InMemoryDedupIndex.defaultMaxEntries}). In cluster mode, the blocks each member owns in the
 *     shared index ({@code HazelcastDedupIndex.defaultMaxBlocksPerMember} when 0)
 */
public record LimitOptions(
    ChannelRate channelRate,
    Map<String, ChannelRate> channels,
    int maxConnections,
    int maxConcurrentStreams,
    int queuePoolSize,
    int dedupMaxEntries) {
  public static final ChannelRate DEFAULT_CHANNEL_RATE = new ChannelRate(1000, 2000);
  public static final int DEFAULT_MAX_CONNECTIONS = 2048;
  public static final int MAX_CONNECTIONS = 1_000_000;
  // RFC 9113 recommends no fewer than 100 concurrent streams, and Vert.x's default is 100 too:
  // pinned here so a change of that default cannot widen it.
  public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 100;
  public static final int MAX_CONCURRENT_STREAMS = 10_000;
  public static final int DEFAULT_QUEUE_POOL_SIZE = 4;
  public static final int MAX_QUEUE_POOL_SIZE = 64;
  public static final int MAX_DEDUP_ENTRIES = Integer.MAX_VALUE - 8;

  public LimitOptions {
    if (channelRate == null) {
      throw new IllegalArgumentException("a default channel rate must be set");
    }
    channels = Map.copyOf(channels);
    if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException("max connections must be 1..1000000");
    }
    if (maxConcurrentStreams < 1 || maxConcurrentStreams > MAX_CONCURRENT_STREAMS) {
      throw new IllegalArgumentException("max concurrent streams must be 1..10000");
    }
    if (queuePoolSize < 1 || queuePoolSize > MAX_QUEUE_POOL_SIZE) {
      throw new IllegalArgumentException("the queue pool must have 1..64 connections");
    }
    if (dedupMaxEntries < 0 || dedupMaxEntries > MAX_DEDUP_ENTRIES) {
      throw new IllegalArgumentException("dedup max entries must be 0 (from the heap) or more");
    }
  }

  public static LimitOptions defaults() {
    return new LimitOptions(
        DEFAULT_CHANNEL_RATE,
        Map.of(),
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_CONCURRENT_STREAMS,
        DEFAULT_QUEUE_POOL_SIZE,
        0);
  }

  /** The bucket of {@code channel}: its own, or the default. */
  public ChannelRate rate(String channel) {
    return channels.getOrDefault(channel, channelRate);
  }

  public LimitOptions withChannelRate(String channel, ChannelRate rate) {
    Map<String, ChannelRate> changed = new java.util.HashMap<>(channels);
    changed.put(channel, rate);
    return new LimitOptions(
        channelRate, changed, maxConnections, maxConcurrentStreams, queuePoolSize, dedupMaxEntries);
  }

  public LimitOptions withMaxConnections(int max) {
    return new LimitOptions(
        channelRate, channels, max, maxConcurrentStreams, queuePoolSize, dedupMaxEntries);
  }

  public LimitOptions withMaxConcurrentStreams(int max) {
    return new LimitOptions(
        channelRate, channels, maxConnections, max, queuePoolSize, dedupMaxEntries);
  }
}
