package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the channels send and how the gateway answers, per record (a batch item counts as one).
 *
 * <ul>
 *   <li>{@code intake.requests} (counter, {@code intake_requests_total}): records answered, by
 *       {@code channel} (the configured channels, or {@value #NO_CHANNEL} before a key is known)
 *       and {@code outcome} ({@link Outcome}). The availability objective is the share of outcomes
 *       that are not {@link Outcome#serverFailure() server failures}.
 *   <li>{@code intake.ack} (timer, {@code intake_ack_seconds}): from the request's arrival to its
 *       answer, by {@code channel}; a histogram with a bucket exactly at the 50 ms objective
 *       ({@link #OBJECTIVE}), for the latency objective.
 *   <li>{@code intake.rejected} (counter, {@code intake_rejected_total}): problems answered, by
 *       {@code reason}, the problem's {@code type} slug ({@code invalid-request}, {@code
 *       unauthorized}, …); types are constants in the code, so the set is bounded.
 * </ul>
 */
public final class IntakeMeters implements MeterBinder {
  /** The ack-latency objective: an answer within 50 ms. */
  public static final Duration OBJECTIVE = Duration.ofMillis(50);

  /** The channel label of a request answered before its key was known (401, 413, …). */
  public static final String NO_CHANNEL = "none";

  /** Buckets of {@code intake_ack_seconds}; the objective is one of them, exactly. */
  static final Duration[] ACK_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    OBJECTIVE,
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final Set<String> channelNames;
  private final List<String> reasonNames;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Map<String, Counter> reasons = new ConcurrentHashMap<>();
  private MeterRegistry registry;
  private Channel none;

  /**
   * @param channels the configured channels (phone, web, 12345, …)
   * @param reasons the problem types known at start; others get a counter on first use
   */
  public IntakeMeters(List<String> channels, List<String> reasons) {
    this.channelNames = new LinkedHashSet<>(channels);
    this.channelNames.add(NO_CHANNEL);
    this.reasonNames = List.copyOf(reasons);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (String name : channelNames) {
      channels.put(name, new Channel(registry, name));
    }
    none = channels.get(NO_CHANNEL);
    for (String reason : reasonNames) {
      reasons.put(reason, rejected(registry, reason));
    }
  }

  /**
   * The handle of a channel; an unknown name (not configured) counts under {@value #NO_CHANNEL}, so
   * the label set stays the configured one.
   */
  public Channel channel(String name) {
    Channel c = name == null ? null : channels.get(name);
    return c == null ? none : c;
  }

  /** Counts a problem answered, by its type slug. */
  public void rejected(String type) {
    reasons.computeIfAbsent(type, t -> rejected(registry, t)).increment();
  }

  private static Counter rejected(MeterRegistry registry, String type) {
    return Counter.builder("intake.rejected")
        .description("Problems answered (RFC 9457), by problem type")
        .tag("reason", type)
        .register(registry);
  }

  /** One channel's counters (one per outcome) and ack timer. */
  public static final class Channel {
    private final Counter[] outcomes = new Counter[Outcome.values().length];
    private final Timer ack;

    Channel(MeterRegistry registry, String channel) {
      for (Outcome o : Outcome.values()) {
        outcomes[o.ordinal()] =
            Counter.builder("intake.requests")
                .description("Records answered, by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", o.label())
                .register(registry);
      }
      ack =
          Timer.builder("intake.ack")
              .description("Time from a request's arrival to its answer (objective: 50 ms)")
              .tag("channel", channel)
              .serviceLevelObjectives(ACK_BUCKETS)
              .register(registry);
    }

    /** One record answered with {@code outcome}, {@code nanos} after its request arrived. */
    public void record(Outcome outcome, long nanos) {
      outcomes[outcome.ordinal()].increment();
      ack.record(nanos, TimeUnit.NANOSECONDS);
    }
  }
}
