package org.hotline.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SlaPolicy")
class SlaPolicyTest {

  static final WorkingCalendar CAL = WorkingCalendar.bundled();

  SlaPolicy policy;

  @BeforeEach
  void bundledPolicy() {
    policy = SlaPolicy.bundled(CAL);
  }

  static OffsetDateTime at(String t) {
    return OffsetDateTime.parse(t);
  }

  static Deadline firm(String name, String day) {
    return new Deadline(name, at(day + "T23:59:59+08:00"), false);
  }

  @Nested
  @DisplayName("at intake, with the bundled policy")
  class AtIntake {
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");

    @Test
    @DisplayName("a complaint must be accepted or refused within 7 working days")
    void complaint() {
      assertThat(policy.atIntake("complaint", "phone", RECEIVED))
          .containsExactly(entry("accept_by", firm("accept_by", "2026-10-15")));
    }

    @Test
    @DisplayName("a report must be verified within 15 working days")
    void report() {
      assertThat(policy.atIntake("report", "web", RECEIVED))
          .containsExactly(entry("verify_by", firm("verify_by", "2026-10-27")));
    }

    @Test
    @DisplayName("an inquiry must be answered within 2 working days")
    void inquiry() {
      assertThat(policy.atIntake("inquiry", "phone", RECEIVED))
          .containsExactly(entry("answer_by", firm("answer_by", "2026-10-09")));
    }

    @Test
    @DisplayName("a suggestion has no deadline")
    void suggestion() {
      assertThat(policy.atIntake("suggestion", "web", RECEIVED)).isEmpty();
    }

    @Test
    @DisplayName(
        "a 12345 work order must also be signed for within 1 working day, whatever its type")
    void channel12345() {
      assertThat(policy.atIntake("complaint", "12345", RECEIVED))
          .containsExactly(
              entry("accept_by", firm("accept_by", "2026-10-15")),
              entry("sign_by", firm("sign_by", "2026-10-08")));
      assertThat(policy.atIntake("inquiry", "12345", RECEIVED))
          .containsOnlyKeys("answer_by", "sign_by");
      assertThat(policy.atIntake("suggestion", "12345", RECEIVED)).containsOnlyKeys("sign_by");
    }

    @Test
    @DisplayName("day 0 is the Shanghai date of received_at, and due times are written at +08:00")
    void shanghaiDates() {
      // 16:30 UTC on Friday 2026-02-13 is already the make-up Saturday 2026-02-14 in Xiamen.
      Deadline d = policy.atIntake("complaint", "web", at("2026-02-13T16:30:00Z")).get("accept_by");
      assertThat(d).isEqualTo(firm("accept_by", "2026-03-03"));
      assertThat(d.dueAt().toString()).isEqualTo("2026-03-03T23:59:59+08:00");
      assertThat(policy.atIntake("complaint", "web", at("2026-02-13T15:59:00Z")).get("accept_by"))
          .isEqualTo(firm("accept_by", "2026-03-02"));
    }

    @Test
    @DisplayName(
        "a due time is written at +08:00 in any year, also where the zone's history has another"
            + " offset (RFC 3339 has no seconds in an offset)")
    void alwaysPlusEight() {
      // Asia/Shanghai was +08:05:43 before 1901 and +09:00 in the summers of 1986-1991.
      for (String received :
          new String[] {"1900-01-01T10:00:00+08:00", "1988-06-01T10:00:00+08:00"}) {
        Deadline d = policy.atIntake("complaint", "web", at(received)).get("accept_by");
        assertThat(d.dueAt().getOffset().getTotalSeconds()).as(received).isEqualTo(8 * 3600);
        assertThat(d.dueAt().toLocalTime().toString()).as(received).isEqualTo("23:59:59");
      }
    }

    @Test
    @DisplayName("an unknown record type is refused")
    void unknownType() {
      assertThatThrownBy(() -> policy.atIntake("complain", "web", RECEIVED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown record type \"complain\"");
    }
  }

  @Nested
  @DisplayName("per procedure version and channel, with a test policy")
  class Versions {
    SlaPolicy versioned;

    @BeforeEach
    void load() throws Exception {
      versioned = SlaPolicy.fromYaml(testResource("sla/policy-versions.yaml"), CAL);
    }

    @Test
    @DisplayName(
        "a record received on 2026-04-14 gets Order 20's period, on 2026-04-15 Order 121's")
    void switchDay() {
      assertThat(versioned.atIntake("complaint", "phone", at("2026-04-14T23:59:00+08:00")))
          .containsExactly(entry("accept_by", firm("accept_by", "2026-04-23")));
      assertThat(versioned.atIntake("complaint", "phone", at("2026-04-15T00:00:00+08:00")))
          .containsExactly(entry("accept_by", firm("accept_by", "2026-04-29")));
    }

    @Test
    @DisplayName("a channel rule with a default's name replaces it; a rule for all types is added")
    void channelOverride() {
      assertThat(versioned.atIntake("complaint", "web", at("2026-04-15T09:00:00+08:00")))
          .containsExactly(
              entry("accept_by", firm("accept_by", "2026-04-20")),
              entry("reply_by", firm("reply_by", "2026-04-16")));
    }

    @Test
    @DisplayName("an intake rule may count calendar days")
    void calendarDaysAtIntake() {
      assertThat(versioned.atIntake("report", "phone", at("2026-08-03T09:00:00+08:00")))
          .containsExactly(entry("verify_by", firm("verify_by", "2026-10-08")));
    }
  }

  @Nested
  @DisplayName("mediation, from acceptance")
  class Mediation {
    static final OffsetDateTime ACCEPTED = OffsetDateTime.parse("2026-08-03T15:00:00+08:00");

    @Test
    @DisplayName("under Order 121 lasts 60 calendar days, moved off the holiday 2026-10-02")
    void order121() {
      assertThat(policy.mediationFrom(ACCEPTED, ProcedureVersion.ORDER_121))
          .isEqualTo(firm("mediate_by", "2026-10-08"));
    }

    @Test
    @DisplayName("under Order 20 lasts 45 working days, even when accepted after the switch")
    void order20() {
      assertThat(policy.mediationFrom(ACCEPTED, ProcedureVersion.ORDER_20))
          .isEqualTo(firm("mediate_by", "2026-10-10"));
      assertThat(policy.mediationFrom(at("2025-09-30T10:00:00+08:00"), ProcedureVersion.ORDER_20))
          .isEqualTo(firm("mediate_by", "2025-12-09"));
    }
  }

  @Nested
  @DisplayName("provisional deadlines")
  class Provisional {
    @Test
    @DisplayName("a deadline falling in 2027, which has no calendar, is provisional and counted")
    void into2027() {
      Deadline d =
          policy.atIntake("complaint", "web", at("2026-12-28T10:00:00+08:00")).get("accept_by");
      assertThat(d).isEqualTo(new Deadline("accept_by", at("2027-01-06T23:59:59+08:00"), true));
      assertThat(policy.provisionalCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a deadline that stays in 2026 is not provisional and not counted")
    void staysIn2026() {
      Deadline d =
          policy.atIntake("complaint", "web", at("2026-12-18T10:00:00+08:00")).get("accept_by");
      assertThat(d.provisional()).isFalse();
      assertThat(policy.provisionalCount()).isZero();
    }

    @Test
    @DisplayName("each provisional deadline counts, at intake and at acceptance, and only those")
    void eachCounts() {
      // accept_by reaches 2027-01-06; sign_by stays on 2026-12-29.
      assertThat(policy.atIntake("complaint", "12345", at("2026-12-28T10:00:00+08:00")))
          .hasEntrySatisfying("accept_by", d -> assertThat(d.provisional()).isTrue())
          .hasEntrySatisfying("sign_by", d -> assertThat(d.provisional()).isFalse());
      assertThat(policy.mediationFrom(at("2026-11-20T10:00:00+08:00"), ProcedureVersion.ORDER_121))
          .isEqualTo(new Deadline("mediate_by", at("2027-01-19T23:59:59+08:00"), true));
      assertThat(policy.provisionalCount()).isEqualTo(2);
    }
  }

  static Path testResource(String name) throws URISyntaxException {
    return Path.of(SlaPolicyTest.class.getClassLoader().getResource(name).toURI());
  }
}
