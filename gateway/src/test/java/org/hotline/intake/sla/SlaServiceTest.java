package org.hotline.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.hotline.intake.verdict.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("deadlines in the verdict")
class SlaServiceTest {
  private final SlaService sla = SlaService.bundled();

  @Test
  @DisplayName("a complaint gets accept_by 7 working days out, due at the end of that day")
  void acceptBy() {
    Map<String, String> d =
        sla.atIntake("complaint", "web", OffsetDateTime.parse("2026-09-30T10:00:00+08:00"));
    assertThat(d).containsExactly(Map.entry("accept_by", "2026-10-15T23:59:59+08:00"));
  }

  @Test
  @DisplayName("a deadline reaching a year without a calendar is flagged provisional and counted")
  void provisional() {
    long before = sla.policy().provisionalCount();
    Map<String, String> d =
        sla.atIntake("complaint", "phone", OffsetDateTime.parse("2026-12-28T10:00:00+08:00"));
    assertThat(d).containsEntry("accept_by" + Verdict.PROVISIONAL_SUFFIX, "true");
    assertThat(d.get("accept_by")).startsWith("2027-01-");
    assertThat(sla.policy().provisionalCount()).isGreaterThan(before);
    Verdict v = Verdict.acceptedToTriage(java.util.UUID.randomUUID()).withDeadlines(d);
    assertThat(v.nearestDue())
        .isEqualTo(new Verdict.Due("accept_by", OffsetDateTime.parse(d.get("accept_by"))));
  }

  @Test
  @DisplayName("a 12345 work order also gets sign_by, one working day out")
  void signBy() {
    Map<String, String> d =
        sla.atIntake("inquiry", "12345", OffsetDateTime.parse("2026-09-30T10:00:00+08:00"));
    assertThat(d)
        .containsEntry("answer_by", "2026-10-09T23:59:59+08:00")
        .containsEntry("sign_by", "2026-10-08T23:59:59+08:00");
    assertThat(Verdict.acceptedToTriage(java.util.UUID.randomUUID()).withDeadlines(d).nearestDue())
        .isEqualTo(new Verdict.Due("sign_by", OffsetDateTime.parse("2026-10-08T23:59:59+08:00")));
  }

  @Test
  @DisplayName(
      "deadlines are computed once per type, channel and day of receipt in China, and the next"
          + " Chinese day gets its own")
  void oncePerDay() {
    Map<String, String> morning =
        sla.atIntake("complaint", "web", OffsetDateTime.parse("2026-09-30T10:00:00+08:00"));
    Map<String, String> lastSecondInUtc =
        sla.atIntake("complaint", "web", OffsetDateTime.parse("2026-09-30T15:59:59Z"));
    Map<String, String> nextDayInChina =
        sla.atIntake("complaint", "web", OffsetDateTime.parse("2026-09-30T16:00:00Z"));
    assertThat(lastSecondInUtc).isSameAs(morning);
    assertThat(nextDayInChina)
        .isNotSameAs(morning)
        .isEqualTo(
            SlaService.bundled()
                .atIntake("complaint", "web", OffsetDateTime.parse("2026-10-01T00:00:00+08:00")));
    assertThat(
            sla.atIntake("complaint", "phone", OffsetDateTime.parse("2026-09-30T10:00:00+08:00")))
        .isNotSameAs(morning);
  }
}
