package org.hotline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The gateway's meters")
class GatewayMetersTest {
  static final GatewayMeters.Setup SETUP =
      new GatewayMeters.Setup(
          "1.2.3",
          List.of("phone", "web", "12345"),
          List.of("invalid-request", "unauthorized"),
          List.of("350203", "350206", "triage", "transfer"),
          List.of("accept_by", "mediate_by"),
          20_000,
          1_798_732_799L);

  final MockClock clock = new MockClock();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  final GatewayMeters meters = GatewayMeters.bind(registry, SETUP);

  double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Nested
  @DisplayName("intake")
  class Intake {
    @Test
    @DisplayName("every channel × outcome counter exists from the start, at zero")
    void preRegistered() {
      for (String channel : List.of("phone", "web", "12345", "none")) {
        for (Outcome o : Outcome.values()) {
          assertThat(counter("intake.requests", "channel", channel, "outcome", o.label())).isZero();
        }
      }
    }

    @Test
    @DisplayName("a record is counted under its channel and outcome, and its ack time recorded")
    void records() {
      meters.intake().channel("web").record(Outcome.DUPLICATE, 30_000_000);
      assertThat(counter("intake.requests", "channel", "web", "outcome", "duplicate")).isEqualTo(1);
      var timer = registry.get("intake.ack").tag("channel", "web").timer();
      assertThat(timer.count()).isEqualTo(1);
      assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30.0);
    }

    @Test
    @DisplayName("a channel that is not configured counts as none: the label set stays bounded")
    void unknownChannel() {
      meters.intake().channel("someone-else").record(Outcome.REJECTED, 1);
      meters.intake().channel(null).record(Outcome.REJECTED, 1);
      assertThat(counter("intake.requests", "channel", "none", "outcome", "rejected")).isEqualTo(2);
      assertThat(registry.find("intake.requests").tag("channel", "someone-else").counter())
          .isNull();
    }

    @Test
    @DisplayName("problems are counted by type, including a type first seen at run time")
    void rejects() {
      meters.intake().rejected("unauthorized");
      meters.intake().rejected("payload-too-large");
      assertThat(counter("intake.rejected", "reason", "unauthorized")).isEqualTo(1);
      assertThat(counter("intake.rejected", "reason", "payload-too-large")).isEqualTo(1);
      assertThat(counter("intake.rejected", "reason", "invalid-request")).isZero();
    }

    @Test
    @DisplayName("the ack maximum decays once its window has passed (mock clock)")
    void maxDecays() {
      var timer = registry.get("intake.ack").tag("channel", "phone").timer();
      meters.intake().channel("phone").record(Outcome.ACCEPTED, 80_000_000);
      assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(80.0);
      clock.add(Duration.ofMinutes(3));
      assertThat(timer.max(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    @DisplayName("5xx outcomes are the availability objective's failures; 4xx are not")
    void serverFailures() {
      assertThat(Outcome.ofStatus(503)).isEqualTo(Outcome.OVERLOADED);
      assertThat(Outcome.ofStatus(500)).isEqualTo(Outcome.ERROR);
      assertThat(Outcome.ofStatus(422)).isEqualTo(Outcome.CONFLICT);
      assertThat(Outcome.ofStatus(409)).isEqualTo(Outcome.CONFLICT);
      assertThat(Outcome.ofStatus(401)).isEqualTo(Outcome.REJECTED);
      assertThat(Outcome.ofStatus(200)).isEqualTo(Outcome.REPLAYED);
      assertThat(Outcome.ofStatus(202)).isEqualTo(Outcome.ACCEPTED);
      assertThat(Outcome.OVERLOADED.serverFailure()).isTrue();
      assertThat(Outcome.REJECTED.serverFailure()).isFalse();
    }
  }

  @Nested
  @DisplayName("writer")
  class Writer {
    @Test
    @DisplayName("the queued gauge follows records in and out; committed batches record a size")
    void queuedAndBatches() {
      meters.writer().queued(5);
      meters.writer().queued(-3);
      meters.writer().batch(3, 2_000_000, true);
      meters.writer().batch(2, 1_000_000, false);
      assertThat(gauge("intake.writer.queued")).isEqualTo(2);
      assertThat(gauge("intake.writer.queued.limit")).isEqualTo(20_000);
      var size = registry.get("intake.writer.batch.size").summary();
      assertThat(size.count()).isEqualTo(1);
      assertThat(size.totalAmount()).isEqualTo(3);
      assertThat(registry.get("intake.writer.commit").timer().count()).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("dedup and routing")
  class DedupAndRouting {
    @Test
    @DisplayName("verdicts are counted by kind, and an escalation once")
    void verdicts() {
      meters.dedup().verdict("CLUSTERED", true);
      meters.dedup().verdict("NEW", false);
      assertThat(counter("intake.dedup.verdicts", "verdict", "clustered")).isEqualTo(1);
      assertThat(counter("intake.dedup.verdicts", "verdict", "new")).isEqualTo(1);
      assertThat(registry.get("intake.groups.escalated").counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a route reason loses its place names: the label set is fixed")
    void reasonTags() {
      assertThat(RoutingMeters.reasonTag("address:township:鼓浪屿")).isEqualTo("address_township");
      assertThat(RoutingMeters.reasonTag("address:unresolved")).isEqualTo("address_unresolved");
      assertThat(RoutingMeters.reasonTag("jurisdiction:物业")).isEqualTo("jurisdiction");
      assertThat(RoutingMeters.reasonTag("conflict:division_code")).isEqualTo("conflict");
      assertThat(RoutingMeters.reasonTag("platform:unknown")).isEqualTo("platform_unknown");
      assertThat(RoutingMeters.reasonTag("platform:美团")).isEqualTo("platform");
      assertThat(RoutingMeters.reasonTag("division_code")).isEqualTo("division_code");
      assertThat(RoutingMeters.reasonTag("group")).isEqualTo("group");
      assertThat(RoutingMeters.reasonTag("something new")).isEqualTo("other");
      assertThat(RoutingMeters.reasonTag(null)).isEqualTo("other");
    }

    @Test
    @DisplayName("a route is counted by queue kind and reason tag")
    void routes() {
      meters.routing().routed("350203", "address:place:中山路");
      meters.routing().routed("triage", "no_location");
      meters.routing().routed("transfer", "jurisdiction:医疗纠纷");
      assertThat(counter("intake.routing", "queue_kind", "district", "reason", "address_place"))
          .isEqualTo(1);
      assertThat(counter("intake.routing", "queue_kind", "triage", "reason", "no_location"))
          .isEqualTo(1);
      assertThat(counter("intake.routing", "queue_kind", "transfer", "reason", "jurisdiction"))
          .isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("queues and SLA")
  class QueuesAndSla {
    QueueSnapshot snapshot(String queue, long waiting, long breached) {
      return new QueueSnapshot(
          Map.of(
              queue,
              new QueueSnapshot.Queue(
                  waiting, 1, 2, 3, 600, Map.of("accept_by", 4L), Map.of("accept_by", breached))),
          7,
          true);
    }

    @Test
    @DisplayName("before the first poll every configured queue reads zero and the database down")
    void beforePoll() {
      assertThat(gauge("intake.queue.depth", "queue", "triage", "state", "waiting")).isZero();
      assertThat(gauge("intake.sla.breached", "queue", "350206", "deadline", "mediate_by"))
          .isZero();
      assertThat(gauge("intake.database.up")).isZero();
    }

    @Test
    @DisplayName("gauges read the latest snapshot")
    void readSnapshot() {
      meters.latest().update(snapshot("350203", 9, 5));
      assertThat(gauge("intake.queue.depth", "queue", "350203", "state", "waiting")).isEqualTo(9);
      assertThat(gauge("intake.queue.depth", "queue", "350203", "state", "stuck")).isEqualTo(3);
      assertThat(gauge("intake.queue.depth", "queue", "350203", "state", "handling")).isEqualTo(2);
      assertThat(gauge("intake.queue.oldest.age", "queue", "350203")).isEqualTo(600);
      assertThat(gauge("intake.sla.at.risk", "queue", "350203", "deadline", "accept_by"))
          .isEqualTo(4);
      assertThat(gauge("intake.sla.breached", "queue", "350203", "deadline", "accept_by"))
          .isEqualTo(5);
      assertThat(gauge("intake.groups.active")).isEqualTo(7);
      assertThat(gauge("intake.database.up")).isEqualTo(1);

      meters.latest().update(meters.latest().get().databaseDown());
      assertThat(gauge("intake.database.up")).isZero();
      assertThat(gauge("intake.queue.depth", "queue", "350203", "state", "waiting")).isEqualTo(9);
    }

    @Test
    @DisplayName("a queue first seen in the database gets its gauges")
    void newQueue() {
      meters.latest().update(snapshot("350299", 2, 1));
      assertThat(gauge("intake.queue.depth", "queue", "350299", "state", "waiting")).isEqualTo(2);
      assertThat(gauge("intake.sla.breached", "queue", "350299", "deadline", "accept_by"))
          .isEqualTo(1);
    }

    @Test
    @DisplayName("breaches are counted as the sweeper reports them")
    void breaches() {
      meters.sla().breached("350203", "accept_by", 2);
      meters.sla().breached("350203", "sign_by", 1);
      assertThat(counter("intake.sla.breaches", "queue", "350203", "deadline", "accept_by"))
          .isEqualTo(2);
      assertThat(counter("intake.sla.breaches", "queue", "350203", "deadline", "sign_by"))
          .isEqualTo(1);
    }

    @Test
    @DisplayName("the calendar's coverage is a Unix time")
    void calendar() {
      assertThat(gauge("intake.sla.calendar.covered.until")).isEqualTo(1_798_732_799d);
      meters.sla().coveredUntil(1_830_268_799L);
      assertThat(gauge("intake.sla.calendar.covered.until")).isEqualTo(1_830_268_799d);
    }
  }

  @Nested
  @DisplayName("in Prometheus's text format")
  class Exposition {
    final PrometheusMeterRegistry prometheus = GatewayMeters.prometheus();
    final GatewayMeters bound = GatewayMeters.bind(prometheus, SETUP);

    @Test
    @DisplayName("the names are those the dashboards and rules use")
    void names() {
      bound.intake().channel("phone").record(Outcome.ACCEPTED, 1_000_000);
      bound.writer().batch(1, 1_000_000, true);
      String text = prometheus.scrape();
      assertThat(text)
          .contains("intake_requests_total{channel=\"phone\",outcome=\"accepted\"} 1")
          .contains("intake_ack_seconds_bucket{channel=\"phone\",le=\"0.05\"} 1")
          .contains("intake_rejected_total{reason=\"unauthorized\"} 0")
          .contains("intake_dedup_verdicts_total{verdict=\"new\"}")
          .contains("intake_groups_active ")
          .contains("intake_groups_escalated_total ")
          .contains("intake_routing_total{queue_kind=\"district\",reason=\"division_code\"}")
          .contains("intake_writer_batch_size_bucket{le=\"1.0\"} 1")
          .contains("intake_writer_commit_seconds_bucket")
          .contains("intake_writer_queued ")
          .contains("intake_queue_depth{queue=\"350203\",state=\"handling\"}")
          .contains("intake_queue_oldest_age_seconds{queue=\"triage\"}")
          .contains("intake_sla_at_risk{deadline=\"accept_by\",queue=\"350203\"}")
          .contains("intake_sla_breached{deadline=\"mediate_by\",queue=\"transfer\"}")
          .contains("intake_sla_breaches_total{deadline=\"accept_by\",queue=\"350203\"}")
          .contains("intake_sla_calendar_covered_until_seconds 1.798732799E9")
          .contains("intake_database_up ")
          .contains("intake_build_info{java=");
    }
  }

  @Nested
  @DisplayName("overload")
  class Overload {
    @Test
    @DisplayName(
        "rate-limited requests are counted by channel, every channel at zero from the start")
    void rateLimited() {
      for (String channel : List.of("phone", "web", "12345", "none")) {
        assertThat(counter("intake.rate.limited", "channel", channel)).isZero();
      }
      meters.overload().rateLimited("web");
      meters.overload().rateLimited("someone-else");
      assertThat(counter("intake.rate.limited", "channel", "web")).isEqualTo(1);
      assertThat(counter("intake.rate.limited", "channel", "none")).isEqualTo(1);
    }

    @Test
    @DisplayName("refused connections are counted, and open ones read from their owner")
    void connections() {
      assertThat(gauge("intake.connections.open")).isZero();
      meters.overload().watchConnections(() -> 42);
      meters.overload().connectionRefused();
      assertThat(gauge("intake.connections.open")).isEqualTo(42);
      assertThat(counter("intake.connections.refused")).isEqualTo(1);
    }

    @Test
    @DisplayName("the dedup index's evictions and entries read from the index once it is known")
    void dedupIndex() {
      assertThat(registry.get("intake.dedup.evictions").functionCounter().count()).isZero();
      meters.overload().watchDedupIndex(() -> 1000, () -> 7);
      assertThat(registry.get("intake.dedup.evictions").functionCounter().count()).isEqualTo(7);
      assertThat(gauge("intake.dedup.entries")).isEqualTo(1000);
    }
  }
}
