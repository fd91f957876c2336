package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Work a node refuses or sheds to protect itself.
 *
 * <ul>
 *   <li>{@code intake.rate.limited} (counter, {@code intake_rate_limited_total}): requests answered
 *       429 because their channel's token bucket was empty, by {@code channel} (the configured
 *       channels; another name counts under {@value IntakeMeters#NO_CHANNEL}).
 *   <li>{@code intake.refusals.held} (counter, {@code intake_refusals_held_total}): of those, the
 *       429s held back until the Retry-After their connection had already been given for the same
 *       channel, because the client asked again sooner (at most a second each).
 *   <li>{@code intake.connections.refused} (counter, {@code intake_connections_refused_total}):
 *       connections closed as soon as they were accepted, because the node already had its most.
 *   <li>{@code intake.connections.cut} (counter, {@code intake_connections_cut_total}): HTTP/1.x
 *       connections closed because a request did not arrive whole within {@code
 *       http.request_timeout_s} of its first byte (or of the connection's opening): slow or stalled
 *       clients. Idle keep-alive connections are not counted: only the idle timeout closes them.
 *   <li>{@code intake.connections.open} (gauge): HTTP connections open on this node now.
 *   <li>{@code intake.dedup.evictions} (counter, {@code intake_dedup_evictions_total}): entries the
 *       single-node dedup index evicted, oldest first, to stay within its cap (not those its window
 *       passed); in cluster mode, the blocks this member evicted from the shared index.
 *   <li>{@code intake.dedup.entries} (gauge): entries the single-node dedup index holds; in cluster
 *       mode, the blocks of the shared index this member owns.
 * </ul>
 *
 * <p>The counts that live elsewhere (open connections, the index's entries and evictions) are read
 * through suppliers the gateway hands over once it has built their owners; until then they read 0.
 */
public final class OverloadMeters implements MeterBinder {
  private static final LongSupplier ZERO = () -> 0;

  private final Set<String> channelNames;
  private final Map<String, Counter> limited = new HashMap<>();
  private Counter refused;
  private Counter cut;
  private Counter held;
  private volatile LongSupplier openConnections = ZERO;
  private volatile LongSupplier dedupEntries = ZERO;
  private volatile LongSupplier dedupEvictions = ZERO;
  private volatile LongSupplier clusterMembers = () -> 1;
  private volatile LongSupplier clusterSettingsDiffer = ZERO;

  /**
   * @param channels the configured channels
   */
  public OverloadMeters(List<String> channels) {
    this.channelNames = new LinkedHashSet<>(channels);
    this.channelNames.add(IntakeMeters.NO_CHANNEL);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String channel : channelNames) {
      limited.put(
          channel,
          Counter.builder("intake.rate.limited")
              .description("Requests answered 429: their channel's token bucket was empty")
              .tag("channel", channel)
              .register(registry));
    }
    held =
        Counter.builder("intake.refusals.held")
            .description(
                "429s held until the Retry-After already given: the client asked again sooner")
            .register(registry);
    refused =
        Counter.builder("intake.connections.refused")
            .description("Connections closed on accept: the node had its most open")
            .register(registry);
    cut =
        Counter.builder("intake.connections.cut")
            .description(
                "Connections closed: a request did not arrive whole within the request timeout")
            .register(registry);
    Gauge.builder("intake.connections.open", this, m -> m.openConnections.getAsLong())
        .description("HTTP connections open on this node")
        .register(registry);
    FunctionCounter.builder("intake.dedup.evictions", this, m -> m.dedupEvictions.getAsLong())
        .description("Entries the dedup index evicted, oldest first, to stay within its cap")
        .register(registry);
    Gauge.builder("intake.cluster.members", this, m -> m.clusterMembers.getAsLong())
        .description(
            "Members of the Hazelcast cluster this node is in (1 on a single node, or a node"
                + " that could not join)")
        .register(registry);
    Gauge.builder("intake.cluster.settings.differ", this, m -> m.clusterSettingsDiffer.getAsLong())
        .description(
            "Other members whose keys, dedup settings or identity secret differ from this node's")
        .register(registry);
    Gauge.builder("intake.dedup.entries", this, m -> m.dedupEntries.getAsLong())
        .description("Entries the dedup index holds (cluster mode: blocks this member owns)")
        .register(registry);
  }

  /** One request refused with 429 for its channel's rate. */
  public void rateLimited(String channel) {
    Counter c = channel == null ? null : limited.get(channel);
    (c == null ? limited.get(IntakeMeters.NO_CHANNEL) : c).increment();
  }

  /** One 429 held until the Retry-After its connection had been given. */
  public void refusalHeld() {
    held.increment();
  }

  /** One connection closed on accept. */
  public void connectionRefused() {
    refused.increment();
  }

  /** One connection closed for a request that did not arrive in time. */
  public void connectionCut() {
    cut.increment();
  }

  /** Where the open-connections gauge reads from. */
  public void watchConnections(LongSupplier open) {
    openConnections = open;
  }

  /** Where the cluster's membership is read; until called, a single node's 1. */
  public void watchClusterMembers(LongSupplier members) {
    clusterMembers = members;
  }

  /** Where the count of members with other settings is read; until called, 0. */
  public void watchClusterSettings(LongSupplier differing) {
    clusterSettingsDiffer = differing;
  }

  /** Where the dedup index's gauge and eviction counter read from. */
  public void watchDedupIndex(LongSupplier entries, LongSupplier evictions) {
    dedupEntries = entries;
    dedupEvictions = evictions;
  }
}
