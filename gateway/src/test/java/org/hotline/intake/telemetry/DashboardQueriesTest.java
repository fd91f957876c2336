package org.hotline.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.intake.support.PrometheusServer;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.Scrape;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dashboard against a real Prometheus: a gateway under traffic, Prometheus scraping it every
 * second with the project's rules, then every panel's every query from the dashboard JSON, as
 * Grafana would send it, must return data. Dashboards usually break silently; this one does not.
 */
@DisplayName("The Grafana dashboard against a real Prometheus")
class DashboardQueriesTest {
  static final Path DASHBOARD =
      Path.of("..", "metrics", "grafana", "dashboards", "intake-gateway.json");
  static final Path RULES = Path.of("..", "metrics", "prometheus", "rules.yml");

  /** Grafana's {@code $__rate_interval} for a 1 s scrape interval: at least four scrapes. */
  static final String RATE_INTERVAL = "10s";

  static final List<String> DISTRICTS =
      List.of("350203", "350206", "350211", "350205", "350212", "350213");

  @Test
  @DisplayName("every panel's query returns data, and the scrape passes promtool check metrics")
  void everyPanelHasData() throws Exception {
    assumeTrue(
        PrometheusServer.installed("prometheus"),
        "prometheus is not installed (apt-get install -y prometheus; .ci/run installs it)");
    TestGateway gw = TestGateway.shared();
    AtomicBoolean stop = new AtomicBoolean();
    Thread traffic = new Thread(() -> traffic(gw, stop), "dashboard-test-traffic");
    traffic.setDaemon(true);
    traffic.start();
    try (PrometheusServer prometheus =
        PrometheusServer.start("127.0.0.1:" + gw.uri("/").getPort(), RULES)) {
      awaitScrapes(prometheus);
      Map<String, String> missing = new LinkedHashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      do {
        missing.clear();
        for (Map.Entry<String, String> q : panelQueries().entrySet()) {
          if (!hasData(prometheus.query(q.getValue()))) {
            missing.put(q.getKey(), q.getValue());
          }
        }
        if (!missing.isEmpty()) {
          Thread.sleep(1000);
        }
      } while (!missing.isEmpty() && System.nanoTime() < deadline);
      assertThat(missing).as("panels whose queries return no data").isEmpty();
      checkMetricsWithPromtool(gw);
    } finally {
      stop.set(true);
      traffic.join(10_000);
    }
  }

  /** Every target of every panel, named "panel title #refId", with Grafana's variables filled. */
  static Map<String, String> panelQueries() throws Exception {
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD, StandardCharsets.UTF_8));
    Map<String, String> out = new LinkedHashMap<>();
    for (Object p : dashboard.getJsonArray("panels")) {
      JsonObject panel = (JsonObject) p;
      JsonArray targets = panel.getJsonArray("targets");
      if (targets == null) {
        continue;
      }
      for (Object t : targets) {
        JsonObject target = (JsonObject) t;
        String expr = target.getString("expr").replace("$__rate_interval", RATE_INTERVAL);
        out.put(panel.getString("title") + " #" + target.getString("refId"), expr);
      }
    }
    assertThat(out).as("queries in the dashboard").hasSizeGreaterThan(20);
    return out;
  }

  /** At least one sample with a number (not NaN): what a person would see as a value. */
  static boolean hasData(JsonArray result) {
    for (Object r : result) {
      JsonArray value = ((JsonObject) r).getJsonArray("value");
      if (value != null && !value.getString(1).equals("NaN")) {
        return true;
      }
    }
    return false;
  }

  private static void awaitScrapes(PrometheusServer prometheus) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (prometheus.ready()
          && hasData(prometheus.query("count_over_time(up{job=\"intake-gateway\"}[1m]) >= 15"))) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Prometheus did not scrape the gateway:\n" + prometheus.log());
  }

  /**
   * Bounded traffic until told to stop (at most 3 minutes): complaints to every district (they form
   * a group and escalate), duplicates, inquiries for triage, and a rejected request now and then.
   */
  private static void traffic(TestGateway gw, AtomicBoolean stop) {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = 0; !stop.get() && System.nanoTime() < end && i < 2000; i++) {
      String id = Samples.newSourceId();
      String district = DISTRICTS.get(i % DISTRICTS.size());
      String body =
          Samples.complaint(id)
              .replace("\"division_code\": \"350203\"", "\"division_code\": \"" + district + "\"");
      sent.add(gw.postJsonAsync(TestGateway.WEB_KEY, body));
      if (i % 5 == 0) {
        sent.add(gw.postJsonAsync(TestGateway.PHONE_KEY, body.replace(id, id + "-dup")));
        sent.add(gw.postJsonAsync(TestGateway.HOTLINE_KEY, Samples.inquiry(id + "-q")));
        sent.add(gw.postJsonAsync("not-a-key", "{}"));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
    sent.forEach(f -> f.orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join());
  }

  private static void checkMetricsWithPromtool(TestGateway gw) throws Exception {
    String text = Scrape.of(gw).text();
    Path file = Path.of("target", "metrics-scrape-under-traffic.txt");
    Files.writeString(file, text);
    if (!PrometheusServer.installed("promtool")) {
      return;
    }
    Process p =
        new ProcessBuilder("promtool", "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool check metrics: %s", out).isZero();
  }
}
