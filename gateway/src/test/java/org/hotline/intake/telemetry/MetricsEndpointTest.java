package org.hotline.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.Scrape;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("GET /metrics")
class MetricsEndpointTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  static final String WEB_ACCEPTED = "intake_requests_total{channel=\"web\",outcome=\"accepted\"}";

  @Test
  @DisplayName("answers Prometheus's text format on the main port, without a key")
  void format() throws Exception {
    HttpResponse<String> r = gw.get("/metrics", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body()).contains("# TYPE intake_requests_total counter");
  }

  @Test
  @DisplayName("a made-up HTTP method adds no label value: it could be anything, a phone number")
  void unknownMethods() throws Exception {
    for (String method : new String[] {"13912345678", "X-PROBE-1", "X-PROBE-2"}) {
      HttpResponse<String> r =
          gw.send(
              java.net.http.HttpRequest.newBuilder(gw.uri("/v1/complaints"))
                  .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
      assertThat(r.statusCode()).isEqualTo(405);
    }
    String metrics = gw.get("/metrics", null).body();
    assertThat(metrics)
        .doesNotContain("13912345678")
        .doesNotContain("X-PROBE")
        .contains("method=\"OTHER\"")
        .contains("method=\"POST\"");
  }

  @Nested
  @DisplayName("intake")
  class Intake {
    @Test
    @DisplayName("an accepted record counts once under its channel, with its ack time")
    void accepted() throws Exception {
      Scrape before = Scrape.of(gw);
      HttpResponse<String> r =
          gw.postJson(TestGateway.WEB_KEY, Samples.complaint(Samples.newSourceId()));
      assertThat(r.statusCode()).isEqualTo(202);
      Scrape after = Scrape.of(gw);
      assertThat(after.value(WEB_ACCEPTED) - before.value(WEB_ACCEPTED)).isEqualTo(1);
      String count = "intake_ack_seconds_count{channel=\"web\"}";
      assertThat(after.value(count) - before.value(count)).isGreaterThanOrEqualTo(1);
      assertThat(after.has("intake_ack_seconds_bucket{channel=\"web\",le=\"0.05\"}")).isTrue();
    }

    @Test
    @DisplayName("a replay counts as replayed, and its verdict and route are not counted again")
    void replay() throws Exception {
      String body = Samples.complaint(Samples.newSourceId());
      assertThat(gw.postJson(TestGateway.PHONE_KEY, body).statusCode()).isEqualTo(202);
      Scrape before = Scrape.of(gw);
      assertThat(gw.postJson(TestGateway.PHONE_KEY, body).statusCode()).isEqualTo(200);
      Scrape after = Scrape.of(gw);
      String replayed = "intake_requests_total{channel=\"phone\",outcome=\"replayed\"}";
      String routed = "intake_routing_total{queue_kind=\"district\",reason=\"division_code\"}";
      assertThat(after.value(replayed) - before.value(replayed)).isEqualTo(1);
      assertThat(after.value(routed) - before.value(routed)).isZero();
    }

    @Test
    @DisplayName("a stored record counts its dedup verdict and its route")
    void verdictAndRoute() throws Exception {
      Scrape before = Scrape.of(gw);
      gw.postJson(TestGateway.HOTLINE_KEY, Samples.complaint(Samples.newSourceId()));
      Scrape after = Scrape.of(gw);
      String routed = "intake_routing_total{queue_kind=\"district\",reason=\"division_code\"}";
      assertThat(after.value(routed) - before.value(routed)).isEqualTo(1);
      double verdicts =
          after.value("intake_dedup_verdicts_total{verdict=\"new\"}")
              + after.value("intake_dedup_verdicts_total{verdict=\"clustered\"}")
              - before.value("intake_dedup_verdicts_total{verdict=\"new\"}")
              - before.value("intake_dedup_verdicts_total{verdict=\"clustered\"}");
      assertThat(verdicts).isEqualTo(1);
      // A single node judges everything itself in time: no record was judged locally.
      assertThat(after.has("intake_dedup_local_judgements_total")).isTrue();
      assertThat(after.value("intake_dedup_local_judgements_total")).isZero();
      // Nor did a group's district fail to be read.
      assertThat(after.has("intake_group_district_failures_total")).isTrue();
      assertThat(after.value("intake_group_district_failures_total")).isZero();
    }

    @Test
    @DisplayName(
        "a request without a valid key is rejected under channel none, reason unauthorized")
    void unauthorized() throws Exception {
      Scrape before = Scrape.of(gw);
      assertThat(gw.postJson("no-such-key", "{}").statusCode()).isEqualTo(401);
      Scrape after = Scrape.of(gw);
      String rejected = "intake_requests_total{channel=\"none\",outcome=\"rejected\"}";
      String reason = "intake_rejected_total{reason=\"unauthorized\"}";
      assertThat(after.value(rejected) - before.value(rejected)).isEqualTo(1);
      assertThat(after.value(reason) - before.value(reason)).isEqualTo(1);
    }

    @Test
    @DisplayName("an invalid record is rejected under its channel, reason invalid-request")
    void invalid() throws Exception {
      Scrape before = Scrape.of(gw);
      assertThat(gw.postJson(TestGateway.WEB_KEY, "{\"source_id\": 1}").statusCode())
          .isEqualTo(400);
      Scrape after = Scrape.of(gw);
      String rejected = "intake_requests_total{channel=\"web\",outcome=\"rejected\"}";
      String reason = "intake_rejected_total{reason=\"invalid-request\"}";
      assertThat(after.value(rejected) - before.value(rejected)).isEqualTo(1);
      assertThat(after.value(reason) - before.value(reason)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "a scrape under traffic is kept in target/metrics-scrape.txt for promtool check metrics")
  void keepScrape() throws Exception {
    for (int i = 0; i < 5; i++) {
      gw.postJson(TestGateway.WEB_KEY, Samples.complaint(Samples.newSourceId()));
    }
    gw.postJson("no-such-key", "{}");
    String text = Scrape.of(gw).text();
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics-scrape.txt"), text);
    assertThat(text).contains("intake_requests_total");
  }

  @Test
  @DisplayName("no label holds personal data or a record's id, whatever was posted or read")
  void noPersonalData() throws Exception {
    String sourceId = Samples.newSourceId();
    HttpResponse<String> r = gw.postJson(TestGateway.WEB_KEY, Samples.complaint(sourceId));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = new io.vertx.core.json.JsonObject(r.body()).getString("id");
    gw.get("/v1/complaints/" + id, TestGateway.OPERATOR_KEY);
    String text = Scrape.of(gw).text();
    String phone = Samples.phone(sourceId);
    assertThat(text)
        .doesNotContain(sourceId, id, phone, phone.replace(" ", ""), Samples.idNumber(sourceId))
        .doesNotContain("张三", "鹭江", "中山路", "海鲜");
  }

  @Test
  @DisplayName("the writer, Vert.x, JVM and build meters are there")
  void otherFamilies() throws Exception {
    gw.postJson(TestGateway.WEB_KEY, Samples.complaint(Samples.newSourceId()));
    String text = Scrape.of(gw).text();
    assertThat(text)
        .contains("intake_writer_batch_size_count")
        .contains("intake_writer_commit_seconds_bucket")
        .contains("intake_writer_queued ")
        .contains("intake_sla_calendar_covered_until_seconds ")
        .contains("intake_build_info{")
        .contains("intake_event_loop_delay_seconds_count")
        .contains("vertx_http_server_requests_total")
        .contains("vertx_pool_in_use")
        .contains("jvm_memory_used_bytes");
    // The SQL meters by client; no gauge that several clients registered under one name, which
    // counted only the first (VertxMetricsSetup, GatewayMeters.DENIED).
    assertThat(text)
        .contains("vertx_sql_processing_time_seconds_count{client_namespace=\"queue\"}")
        .doesNotContain("vertx_net_client_")
        .doesNotContain("vertx_sql_processing_pending")
        .doesNotContain("vertx_http_server_active_connections")
        .doesNotContain("vertx_http_server_active_requests");
  }

  @Test
  @DisplayName(
      "the open-connections gauge counts every API instance's connections, and their close")
  void openConnections() throws Exception {
    String open = "intake_connections_open";
    double before = Scrape.of(gw).value(open);
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        sockets.add(new Socket("127.0.0.1", gw.gateway().port()));
      }
      // Accepted connections are spread over the instances (one per event loop): Vert.x's own
      // gauge, registered once per instance under one name, counted the first instance's alone.
      assertThat(settle(open, v -> v >= before + 6)).isGreaterThanOrEqualTo(before + 6);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    assertThat(settle(open, v -> v <= before)).isLessThanOrEqualTo(before);
  }

  /** The gauge's value once it satisfies {@code until}, or its last value after five seconds. */
  private static double settle(String gauge, DoublePredicate until) throws Exception {
    double v = Scrape.of(gw).value(gauge);
    for (int i = 0; i < 50 && !until.test(v); i++) {
      Thread.sleep(100);
      v = Scrape.of(gw).value(gauge);
    }
    return v;
  }
}
