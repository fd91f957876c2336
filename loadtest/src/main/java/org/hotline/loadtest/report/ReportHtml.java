package org.hotline.loadtest.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.hotline.loadtest.driver.IntervalRow;
import org.hotline.loadtest.driver.Metric;

/**
 * report.html, self-contained: uPlot's script and style are inlined from its WebJar and the data is
 * a JSON literal, so the file opens anywhere with no network. Built from the run directory alone,
 * which is what lets {@code report} rebuild it.
 */
public final class ReportHtml {
  private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final double[] SPECTRUM = {
    0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97.5, 99, 99.5, 99.75, 99.9, 99.95, 99.975,
    99.99, 99.995, 99.999, 100
  };
  private static final String[] BANDS = {"p50", "p90", "p99", "p999"};
  private static final double[] BAND_PERCENTILES = {50, 90, 99, 99.9};

  private ReportHtml() {}

  /** Writes report.html from the files of {@code run}. */
  public static void write(RunFiles run) throws IOException {
    JsonNode summary = SummaryJson.JSON.readTree(run.summary().toFile());
    List<IntervalRow> rows =
        SummaryJson.JSON.readValue(run.intervals().toFile(), new TypeReference<>() {});
    HlogSeries hlog = HlogSeries.read(run.hlog(), summary.path("started_at_ms").asLong());
    ObjectNode data = data(summary, rows, hlog);
    String template = resource("/org/hotline/loadtest/report/report.html");
    // Text after "</" inside a script would end it early; "<\/" means the same to JavaScript.
    String json = SummaryJson.JSON.writeValueAsString(data).replace("</", "<\\/");
    String html =
        template
            .replace("/*UPLOT_CSS*/", resource(UPLOT + "uPlot.min.css"))
            .replace("/*UPLOT_JS*/", resource(UPLOT + "uPlot.iife.min.js"))
            .replace("/*DATA*/", json);
    Files.writeString(run.report(), html, StandardCharsets.UTF_8);
  }

  private static ObjectNode data(JsonNode summary, List<IntervalRow> rows, HlogSeries hlog) {
    ObjectNode d = SummaryJson.JSON.createObjectNode();
    d.set("summary", summary);
    ArrayNode seconds = d.putArray("seconds");
    ArrayNode phase = d.putArray("phase");
    ArrayNode intended = d.putArray("intended");
    ArrayNode sent = d.putArray("sent");
    ArrayNode completed = d.putArray("completed");
    ArrayNode inflight = d.putArray("inflight");
    TreeSet<String> keys = new TreeSet<>();
    rows.forEach(r -> keys.addAll(r.outcomes().keySet()));
    Map<String, ArrayNode> outcomes = new TreeMap<>();
    ObjectNode outcomeNode = d.putObject("outcomes");
    keys.forEach(k -> outcomes.put(k, outcomeNode.putArray(k)));
    ObjectNode pct = d.putObject("pct");
    for (IntervalRow r : rows) {
      seconds.add(r.second());
      phase.add(r.phase());
      intended.add(r.intended());
      sent.add(r.sent());
      completed.add(r.completed());
      inflight.add(r.inFlight());
      keys.forEach(k -> outcomes.get(k).add(r.outcomes().getOrDefault(k, 0L)));
    }
    for (Metric m : Metric.values()) {
      ObjectNode node = pct.putObject(m.tag());
      for (int i = 0; i < BANDS.length; i++) {
        ArrayNode series = node.putArray(BANDS[i]);
        for (IntervalRow r : rows) {
          Histogram h = hlog.perSecond.get(m).get(r.second());
          if (h == null || h.getTotalCount() == 0) {
            series.addNull();
          } else {
            // A log scale has no 0: a value under 1 µs is shown as 1 µs.
            series.add(Math.max(1, h.getValueAtPercentile(BAND_PERCENTILES[i])) / 1000.0);
          }
        }
      }
    }
    ObjectNode spectrum = d.putObject("spectrum");
    ArrayNode ps = spectrum.putArray("percentiles");
    for (double p : SPECTRUM) {
      ps.add(p);
    }
    for (Metric m : Metric.values()) {
      ArrayNode series = spectrum.putArray(m.tag());
      Histogram h = hlog.measured.get(m);
      for (double p : SPECTRUM) {
        if (h.getTotalCount() == 0) {
          series.addNull();
        } else {
          long v = p >= 100 ? h.getMaxValue() : h.getValueAtPercentile(p);
          series.add(Math.max(1, v) / 1000.0);
        }
      }
    }
    return d;
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ReportHtml.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
