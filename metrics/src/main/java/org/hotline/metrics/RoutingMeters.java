package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * Where records are routed.
 *
 * <ul>
 *   <li>{@code intake.routing} (counter, {@code intake_routing_total}): records stored with a
 *       route, by {@code queue_kind} ({@code district}, {@code triage}, {@code transfer}) and
 *       {@code reason}, the routing reason cut to its kind ({@link #reasonTag}): place names and
 *       departments in the full reason are left out, so the set is fixed.
 * </ul>
 */
public final class RoutingMeters implements MeterBinder {
  /** The {@code queue_kind} label values. */
  public static final List<String> KINDS = List.of("district", "triage", "transfer");

  /** The {@code reason} label values; anything else is {@code other}. */
  public static final List<String> REASONS =
      List.of(
          "division_code",
          "address_district",
          "address_township",
          "address_place",
          "address_unresolved",
          "conflict",
          "outside_city",
          "no_location",
          "ambiguous",
          "platform",
          "platform_unknown",
          "platform_outside",
          "jurisdiction",
          "group",
          "credit_code",
          "merchant_name",
          "other");

  private final Counter[][] counters = new Counter[KINDS.size()][REASONS.size()];

  @Override
  public void bindTo(MeterRegistry registry) {
    for (int k = 0; k < KINDS.size(); k++) {
      for (int r = 0; r < REASONS.size(); r++) {
        counters[k][r] =
            Counter.builder("intake.routing")
                .description("Records stored with a route, by queue kind and reason")
                .tag("queue_kind", KINDS.get(k))
                .tag("reason", REASONS.get(r))
                .register(registry);
      }
    }
  }

  /**
   * Counts one route.
   *
   * @param queue the queue code: {@code triage}, {@code transfer} or a district
   * @param reason the route's reason as routing gives it ({@code address:township:鼓浪屿})
   */
  public void routed(String queue, String reason) {
    int kind =
        switch (queue == null ? "" : queue) {
          case "triage" -> 1;
          case "transfer" -> 2;
          default -> 0;
        };
    counters[kind][REASONS.indexOf(reasonTag(reason))].increment();
  }

  /**
   * A routing reason without the names in it: {@code address:township:鼓浪屿} → {@code
   * address_township}, {@code jurisdiction:物业} → {@code jurisdiction}, {@code
   * conflict:division_code} → {@code conflict}.
   */
  public static String reasonTag(String reason) {
    if (reason == null || reason.isEmpty()) {
      return "other";
    }
    int colon = reason.indexOf(':');
    String head = colon < 0 ? reason : reason.substring(0, colon);
    String tag;
    if (head.equals("address") && colon >= 0) {
      int next = reason.indexOf(':', colon + 1);
      tag =
          "address_" + (next < 0 ? reason.substring(colon + 1) : reason.substring(colon + 1, next));
    } else if (reason.equals("platform:unknown")) {
      tag = "platform_unknown";
    } else {
      tag = head;
    }
    return REASONS.contains(tag) ? tag : "other";
  }
}
