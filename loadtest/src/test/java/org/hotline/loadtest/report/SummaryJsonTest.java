package org.hotline.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.hotline.loadtest.corpus.Scores;
import org.hotline.loadtest.driver.DriverResult;
import org.hotline.loadtest.driver.Metric;
import org.hotline.loadtest.driver.RunSettings;
import org.hotline.loadtest.driver.Saturation;
import org.hotline.loadtest.schedule.Phases;
import org.hotline.loadtest.schedule.Profile;
import org.hotline.loadtest.verify.ReadBack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  static Histogram micros(long... values) {
    Histogram h = new Histogram(3_600_000_000L, 3);
    for (long v : values) {
      h.recordValue(v);
    }
    return h;
  }

  @Test
  @DisplayName("summary.json holds the contract's fields, in milliseconds, and the additions")
  void fields() {
    Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);
    totals.put(Metric.RESPONSE, micros(1000, 2000, 50_000));
    totals.put(Metric.SERVICE, micros(900, 1900, 1000));
    totals.put(Metric.DISPATCH, micros(100, 100, 49_000));
    RunSettings settings =
        new RunSettings(
            URI.create("http://127.0.0.1:8080"),
            Profile.GOLDEN_WEEK,
            500,
            new Phases(0, 5, 60),
            true,
            1,
            25,
            5000,
            30_000,
            Map.of(),
            200,
            true,
            false,
            Path.of("x.hlog"));
    DriverResult r =
        new DriverResult(
            1_700_000_000_000L,
            totals,
            List.of(),
            Map.of("202", 2L, "200", 1L, "timeout", 1L),
            Map.of("web", Map.of("202", 2L)),
            Map.of("web", micros(3000, 40_000)),
            Map.of("web", micros(1000, 20_000)),
            30_000,
            29_940,
            60,
            new Saturation(false, List.of(), 0.2, 3, 0, 25, 0.3, 0.2, 0.5),
            null,
            3,
            7);
    RunOutcome o =
        new RunOutcome(
            settings,
            r,
            new ReadBack.Result(3, 3, 0, 0, java.util.Map.of()),
            new Scores(4, 3, 0.99, 0.9, 0, 0.95, 0.8, 0.97, 1.0, 1, 0, 0),
            Slo.parse("p99=50ms").check(n -> 50.0, 25.0),
            3);
    JsonNode s = SummaryJson.build(o);
    assertThat(s.path("profile").asText()).isEqualTo("golden-week");
    assertThat(s.path("intended_rate").asDouble()).isEqualTo(500);
    assertThat(s.path("achieved_rate").asDouble()).isEqualTo(499);
    assertThat(s.path("race_resends").asLong()).isEqualTo(7);
    JsonNode web = s.path("per_channel").path("web");
    assertThat(web.path("p99_ms").asDouble()).isBetween(39.9, 40.1);
    assertThat(web.path("service_p99_ms").asDouble()).isBetween(19.9, 20.1);
    assertThat(web.path("service_p50_ms").asDouble()).isBetween(0.99, 1.01);
    assertThat(s.path("sent").asLong()).isEqualTo(29_940);
    assertThat(s.path("responses").path("202").asLong()).isEqualTo(2);
    assertThat(s.path("responses").has("timeout")).isFalse();
    assertThat(s.path("errors").path("timeout").asLong()).isEqualTo(1);
    assertThat(s.path("error_rate_percent").asDouble()).isEqualTo(25);
    for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
      assertThat(s.path("latency_ms").has(p)).as(p).isTrue();
    }
    assertThat(s.path("latency_ms").path("max").asDouble()).isBetween(49.9, 50.1);
    assertThat(s.path("latency_ms").path("p9999").asDouble()).isPositive();
    assertThat(s.path("dispatch_delay_ms").path("max").asDouble()).isBetween(48.9, 49.1);
    assertThat(s.path("service_ms").path("p50").asDouble()).isBetween(0.99, 1.01);
    assertThat(s.path("acked").asLong()).isEqualTo(3);
    assertThat(s.path("lost").asLong()).isZero();
    assertThat(s.path("dedup").path("precision").asDouble()).isEqualTo(0.99);
    assertThat(s.path("dedup").path("recall").asDouble()).isEqualTo(0.9);
    assertThat(s.path("saturation").path("saturated").asBoolean()).isFalse();
    assertThat(s.path("slo").get(0).path("met").asBoolean()).isTrue();
    assertThat(s.path("exit_status").asInt()).isEqualTo(3);
    assertThat(s.path("exit_reason").asText()).isEqualTo("objective missed");
  }
}
