package org.hotline.loadtest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.hotline.loadtest.ExitStatus;
import org.hotline.loadtest.driver.DriverResult;
import org.hotline.loadtest.driver.Metric;
import org.hotline.loadtest.driver.Outcomes;
import org.hotline.loadtest.driver.Saturation;

/**
 * summary.json: the contract's fields ({@code profile, intended_rate, achieved_rate, sent,
 * responses, latency_ms, acked, lost, dedup}) and, beside them, service time, dispatch delay,
 * p99.99, errors by kind, saturation, objectives and a per-channel table. Times in milliseconds;
 * every figure but {@code acked} and {@code lost} covers the measured part only.
 */
public final class SummaryJson {
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  public static ObjectNode build(RunOutcome o) {
    DriverResult r = o.result();
    ObjectNode s = JSON.createObjectNode();
    s.put("profile", o.settings().profile().cliName());
    s.put("target", o.settings().target().toString());
    s.put("seed", o.settings().seed());
    s.put("started_at", Instant.ofEpochMilli(r.startEpochMillis()).toString());
    s.put("started_at_ms", r.startEpochMillis());
    s.put("intended_rate", o.settings().rate());
    s.put("achieved_rate", round(r.sent() / Math.max(1e-9, r.measuredSeconds())));
    s.put("intended", r.intended());
    s.put("sent", r.sent());
    ObjectNode phases = s.putObject("phases_s");
    phases.put("ramp", o.settings().phases().rampSeconds());
    phases.put("warmup", o.settings().phases().warmupSeconds());
    phases.put("measured", round(r.measuredSeconds()));
    ObjectNode responses = s.putObject("responses");
    ObjectNode errors = s.putObject("errors");
    ObjectNode throttled = s.putObject("throttled");
    long attempts = 0;
    long failed = 0;
    for (Map.Entry<String, Long> e : r.outcomes().entrySet()) {
      attempts += e.getKey().startsWith(Outcomes.THROTTLED) ? 0 : e.getValue();
      if (e.getKey().matches("\\d{3}")) {
        responses.put(e.getKey(), e.getValue());
      }
      if (e.getKey().startsWith(Outcomes.THROTTLED)) {
        throttled.put(e.getKey().substring(Outcomes.THROTTLED.length()), e.getValue());
      }
      if (Outcomes.isError(e.getKey())) {
        errors.put(e.getKey(), e.getValue());
        failed += e.getValue();
      }
    }
    s.put("error_rate_percent", attempts == 0 ? 0 : round(100.0 * failed / attempts));
    s.set("latency_ms", percentiles(r.totals().get(Metric.RESPONSE)));
    s.set("service_ms", percentiles(r.totals().get(Metric.SERVICE)));
    s.set("dispatch_delay_ms", percentiles(r.totals().get(Metric.DISPATCH)));
    s.put("acked", o.readBack() != null ? o.readBack().checked() : r.acked());
    s.put("race_resends", r.raceResends());
    if (o.readBack() != null) {
      s.put("lost", o.readBack().lost());
      ObjectNode v = s.putObject("verification");
      v.put("checked", o.readBack().checked());
      v.put("found", o.readBack().found());
      v.put("lost", o.readBack().lost());
      v.put("unverified", o.readBack().unverified());
      v.set("unverified_answers", JSON.valueToTree(o.readBack().unverifiedAnswers()));
    } else {
      s.putNull("lost");
      s.putNull("verification");
    }
    scores(s, o);
    s.set("saturation", JSON.valueToTree(saturation(r.saturation())));
    s.set("slo", JSON.valueToTree(o.slo().stream().map(SummaryJson::check).toList()));
    s.set("per_channel", perChannel(r));
    s.put("exit_status", o.exitStatus());
    s.put("exit_reason", ExitStatus.reason(o.exitStatus()));
    return s;
  }

  public static void write(ObjectNode summary, Path file) throws IOException {
    JSON.writeValue(file.toFile(), summary);
  }

  private static void scores(ObjectNode s, RunOutcome o) {
    ObjectNode dedup = s.putObject("dedup");
    ObjectNode groups = s.putObject("groups");
    // Scores over no verdict at all (nothing acknowledged) would read as perfect: null, as
    // unscored.
    if (o.scores() == null || o.scores().verdicts() == 0) {
      dedup.putNull("precision");
      dedup.putNull("recall");
      groups.putNull("precision");
      groups.putNull("recall");
      return;
    }
    var sc = o.scores();
    dedup.put("precision", round(sc.duplicatePrecision()));
    dedup.put("recall", round(sc.duplicateRecall()));
    dedup.put("cross_person_merges", sc.crossPersonMerges());
    groups.put("precision", round(sc.groupPrecision()));
    groups.put("recall", round(sc.groupRecall()));
    s.put("routing_accuracy", round(sc.routingAccuracy()));
    s.put("transfer_accuracy", round(sc.transferAccuracy()));
    s.put("wrong_districts", sc.wrongDistricts());
    s.put("retries", sc.retries());
    s.put("retry_mismatches", sc.retryMismatches());
    s.put("scored_filings", sc.filings());
    s.put("scored_verdicts", sc.verdicts());
  }

  private static Map<String, Object> check(Slo.Check c) {
    return Map.of(
        "objective", c.objective().name(),
        "limit", c.objective().limit(),
        "actual", round(c.actual()),
        "unit", c.objective().isLatency() ? "ms" : "%",
        "met", c.met());
  }

  private static Map<String, Object> saturation(Saturation s) {
    return Map.of(
        "saturated", s.saturated(),
        "reasons", s.reasons(),
        "lateness_p99_ms", round(s.latenessP99Millis()),
        "lateness_max_ms", round(s.latenessMaxMillis()),
        "no_connection", s.noConnection(),
        "connections", s.connections(),
        "driver_cpu_cores", round(s.driverCpuCores()),
        "busiest_thread_cores", round(s.busiestThreadCores()),
        "process_cpu_cores", round(s.processCpuCores()));
  }

  private static ObjectNode perChannel(DriverResult r) {
    ObjectNode out = JSON.createObjectNode();
    r.channelOutcomes()
        .forEach(
            (channel, outcomes) -> {
              ObjectNode c = out.putObject(channel);
              c.set("outcomes", JSON.valueToTree(outcomes));
              Histogram h = r.channelLatency().get(channel);
              if (h != null && h.getTotalCount() > 0) {
                c.put("p50_ms", ms(h.getValueAtPercentile(50)));
                c.put("p99_ms", ms(h.getValueAtPercentile(99)));
                c.put("max_ms", ms(h.getMaxValue()));
              }
              Histogram service = r.channelService().get(channel);
              if (service != null && service.getTotalCount() > 0) {
                c.put("service_p50_ms", ms(service.getValueAtPercentile(50)));
                c.put("service_p99_ms", ms(service.getValueAtPercentile(99)));
              }
            });
    return out;
  }

  /** p50 … max in milliseconds of a histogram in microseconds; zeros when it is empty. */
  public static ObjectNode percentiles(Histogram h) {
    ObjectNode p = JSON.createObjectNode();
    boolean empty = h == null || h.getTotalCount() == 0;
    p.put("count", empty ? 0 : h.getTotalCount());
    p.put("p50", empty ? 0 : ms(h.getValueAtPercentile(50)));
    p.put("p90", empty ? 0 : ms(h.getValueAtPercentile(90)));
    p.put("p99", empty ? 0 : ms(h.getValueAtPercentile(99)));
    p.put("p999", empty ? 0 : ms(h.getValueAtPercentile(99.9)));
    p.put("p9999", empty ? 0 : ms(h.getValueAtPercentile(99.99)));
    p.put("max", empty ? 0 : ms(h.getMaxValue()));
    return p;
  }

  static double ms(long micros) {
    return Math.round(micros) / 1000.0;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
