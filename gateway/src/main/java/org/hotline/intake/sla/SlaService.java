package org.hotline.intake.sla;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.intake.verdict.Memo;
import org.hotline.intake.verdict.Verdict;

/**
 * The gateway's use of the SLA policy: deadlines at intake, the mediation limit an acceptance
 * starts, and the at-risk cut-off (the end of the next working day) for the queues.
 */
public final class SlaService {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);

  private final WorkingCalendar calendar;
  private final SlaPolicy policy;

  /**
   * {@link #atIntake}'s answers by type, channel and day of receipt in China, which is all they
   * depend on (every deadline is the end of a working day counted from that day): a surge's records
   * share a few dozen of them, each computed once rather than for every record.
   */
  private final Memo<IntakeDay, Map<String, String>> atIntake = new Memo<>(4096);

  private record IntakeDay(String type, String channel, LocalDate day) {}

  public SlaService(WorkingCalendar calendar, SlaPolicy policy) {
    this.calendar = calendar;
    this.policy = policy;
  }

  /** The bundled official calendars and the default policy. */
  public static SlaService bundled() {
    WorkingCalendar calendar = WorkingCalendar.bundled();
    return new SlaService(calendar, SlaPolicy.bundled(calendar));
  }

  public SlaPolicy policy() {
    return policy;
  }

  /** The working-day calendar the policy counts with, and which years it covers. */
  public WorkingCalendar calendar() {
    return calendar;
  }

  /** The verdict's {@code deadlines}: name → RFC 3339 due time, sorted by name; unmodifiable. */
  public Map<String, String> atIntake(String type, String channel, OffsetDateTime receivedAt) {
    return atIntake.get(
        new IntakeDay(type, channel, Shanghai.dateOf(receivedAt)),
        day -> computeAtIntake(type, channel, receivedAt));
  }

  private Map<String, String> computeAtIntake(
      String type, String channel, OffsetDateTime receivedAt) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Deadline> e : policy.atIntake(type, channel, receivedAt).entrySet()) {
      out.put(e.getKey(), e.getValue().dueAt().toString());
      if (e.getValue().provisional()) {
        out.put(e.getKey() + Verdict.PROVISIONAL_SUFFIX, "true");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Items due before this instant are at risk: the end of the next working day. */
  public OffsetDateTime atRiskCutoff() {
    return SlaClock.atRiskCutoff(OffsetDateTime.now(CST), calendar);
  }

  /**
   * The mediation limit an acceptance at {@code acceptedAt} starts, per the record's procedure
   * version (fixed by its {@code received_at}): {@code mediate_by}, and {@code
   * mediate_by_provisional} when a year it counts has no official calendar.
   */
  public Map<String, String> onAccept(OffsetDateTime receivedAt, OffsetDateTime acceptedAt) {
    ProcedureVersion version =
        ProcedureVersion.at(receivedAt.atZoneSameInstant(CHINA).toLocalDate());
    Deadline d = policy.mediationFrom(acceptedAt.withOffsetSameInstant(CST), version);
    Map<String, String> out = new TreeMap<>();
    out.put("mediate_by", d.dueAt().toString());
    if (d.provisional()) {
      out.put("mediate_by" + Verdict.PROVISIONAL_SUFFIX, "true");
    }
    return out;
  }
}
