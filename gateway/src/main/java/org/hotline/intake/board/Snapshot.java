package org.hotline.intake.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.intake.board.BoardStore.Group;
import org.hotline.intake.board.BoardStore.Groups;
import org.hotline.intake.board.BoardStore.QueueCounts;
import org.hotline.intake.routing.Route;

/**
 * Turns one round of the board's queries into the JSON of {@code GET /v1/board}. Only counts,
 * times, queue codes and names leave: nothing of a record.
 */
final class Snapshot {
  static final String TRIAGE_NAME = "分流 Triage";
  static final String TRANSFER_NAME = "转办 Transfer";

  private final Map<String, String> districtNames;
  private final Targets targets;
  private final BoardOptions options;

  /**
   * @param districtNames division code → name, in the order the rows are shown
   */
  Snapshot(Map<String, String> districtNames, Targets targets, BoardOptions options) {
    this.districtNames = districtNames;
    this.targets = targets;
    this.options = options;
  }

  /** The figures of one refresh. */
  record Figures(
      List<QueueCounts> queues,
      long[] perMinute,
      Groups groups,
      Duration groupWindow,
      CalendarBanner banner,
      List<Integer> coveredYears) {}

  JsonObject build(Figures f, OffsetDateTime now) {
    JsonArray rows = new JsonArray();
    Status overall = Status.GREEN;
    for (QueueCounts q : inBoardOrder(f.queues())) {
      Targets.Judged j = targets.judge(q, now);
      overall = overall.worst(j.status());
      rows.add(
          new JsonObject()
              .put("queue", q.queue())
              .put("name", name(q.queue()))
              .put("kind", kind(q.queue()))
              .put("status", j.status().json())
              .put("waiting", cell(j.waiting()))
              .put("handling", cell(j.handling()))
              .put("oldest_age_seconds", cell(j.oldest()))
              .put("at_risk", cell(j.atRisk()))
              .put("breached", cell(j.breached()))
              .put("stuck", cell(j.stuck())));
    }
    return new JsonObject()
        .put("refreshed_at", now.toString())
        .put("refresh_seconds", options.refreshInterval().toMillis() / 1000.0)
        .put("stale", false)
        .put("status", overall.json())
        .put("queues", rows)
        .put("intake", intake(f.perMinute()))
        .put("groups", groups(f.groups(), f.groupWindow()))
        .put(
            "calendar",
            new JsonObject()
                .put("covered_years", new JsonArray(new ArrayList<>(f.coveredYears())))
                .put("banner", banner(f.banner())));
  }

  /** The six districts, triage and transfer always, idle or not; any other queue after them. */
  private List<QueueCounts> inBoardOrder(List<QueueCounts> found) {
    Map<String, QueueCounts> byQueue = new LinkedHashMap<>();
    for (String code : districtNames.keySet()) {
      byQueue.put(code, idle(code));
    }
    byQueue.put(Route.TRIAGE, idle(Route.TRIAGE));
    byQueue.put(Route.TRANSFER, idle(Route.TRANSFER));
    List<QueueCounts> others = new ArrayList<>();
    for (QueueCounts q : found) {
      if (byQueue.containsKey(q.queue())) {
        byQueue.put(q.queue(), q);
      } else {
        others.add(q);
      }
    }
    others.sort((a, b) -> a.queue().compareTo(b.queue()));
    List<QueueCounts> out = new ArrayList<>(byQueue.values());
    out.addAll(others);
    return out;
  }

  private static QueueCounts idle(String queue) {
    return new QueueCounts(queue, 0, 0, null, 0, 0, 0, 0, 0, 0);
  }

  String name(String queue) {
    if (queue == null) {
      return "—";
    }
    if (Route.TRIAGE.equals(queue)) {
      return TRIAGE_NAME;
    }
    if (Route.TRANSFER.equals(queue)) {
      return TRANSFER_NAME;
    }
    return districtNames.getOrDefault(queue, queue);
  }

  private String kind(String queue) {
    if (Route.TRIAGE.equals(queue) || Route.TRANSFER.equals(queue)) {
      return queue;
    }
    return districtNames.containsKey(queue) ? "district" : "other";
  }

  private static JsonObject cell(Cell c) {
    return new JsonObject()
        .put("value", c.value())
        .put("target", c.target())
        .put("status", c.status().json());
  }

  private static JsonObject intake(long[] perMinute) {
    long total = 0;
    JsonArray minutes = new JsonArray();
    for (long n : perMinute) {
      total += n;
      minutes.add(n);
    }
    return new JsonObject()
        .put("minutes", perMinute.length)
        .put("per_minute", minutes)
        .put("total", total)
        .put("rate_per_minute", Math.round(total * 10.0 / perMinute.length) / 10.0);
  }

  private JsonObject groups(Groups g, Duration window) {
    JsonArray shown = new JsonArray();
    for (Group group : g.shown()) {
      shown.add(
          new JsonObject()
              .put("queue", group.queue())
              .put("name", name(group.queue()))
              .put("size", group.size())
              .put("escalated", group.escalated())
              .put("since", group.since().toString()));
    }
    return new JsonObject()
        .put("window_days", window.toDays())
        .put("active", g.active())
        .put("escalated", g.escalated())
        .put("shown", shown);
  }

  private static JsonObject banner(CalendarBanner b) {
    if (b == null) {
      return null;
    }
    return new JsonObject()
        .put("missing_year", b.missingYear())
        .put("covered_until", b.coveredUntil() == null ? null : b.coveredUntil().toString())
        .put("message", b.message());
  }
}
