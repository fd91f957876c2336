package org.hotline.intake.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.intake.validation.RecordType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which deadlines a record gets, per procedure version, record type and channel, and the mediation
 * limit once a complaint is accepted. The periods come from configuration ({@code sla/policy.yaml}
 * by default) because several of them are unconfirmed and the law changes; the counting rules
 * (Asia/Shanghai dates, day 1 is the day after the start) are fixed here.
 *
 * <p>Thread-safe. Every provisional deadline computed is counted for the metrics, and the first one
 * reaching into each uncovered year is logged, so a missing calendar is never silent.
 */
public final class SlaPolicy {

  /** The bundled policy on the classpath. */
  public static final String BUNDLED_RESOURCE = "sla/policy.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(SlaPolicy.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final WorkingCalendar calendar;
  private final Map<ProcedureVersion, VersionPolicy> versions;
  private final AtomicLong provisional = new AtomicLong();
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  private SlaPolicy(WorkingCalendar calendar, Map<ProcedureVersion, VersionPolicy> versions) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.versions = Map.copyOf(versions);
  }

  /**
   * The policy bundled with the gateway.
   *
   * @throws IllegalArgumentException when the bundled file is invalid (a build defect)
   */
  public static SlaPolicy bundled(WorkingCalendar cal) {
    try (InputStream in = SlaPolicy.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
      }
      return fromTree(YAML.readTree(in), BUNDLED_RESOURCE, cal);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
    }
  }

  /**
   * A policy from a YAML file laid out like the bundled {@code sla/policy.yaml}.
   *
   * @throws IllegalArgumentException naming the file and the path of the entry at fault
   */
  public static SlaPolicy fromYaml(Path file, WorkingCalendar cal) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return fromTree(YAML.readTree(in), file.toString(), cal);
    }
  }

  /**
   * A policy from an already parsed tree, e.g. the {@code sla} section of the gateway's config.
   *
   * @param source names the origin in error messages
   */
  public static SlaPolicy fromTree(JsonNode root, String source, WorkingCalendar cal) {
    return new SlaPolicy(cal, PolicyParser.parse(root, source));
  }

  /** The calendar deadlines are counted on. */
  public WorkingCalendar calendar() {
    return calendar;
  }

  /**
   * The deadlines due at intake, keyed by name in policy order: {@code accept_by} for complaints,
   * {@code verify_by} for reports, {@code answer_by} for inquiries, plus {@code sign_by} for every
   * record arriving from the 12345 channel (with the bundled policy).
   *
   * @param type the record type's wire value, e.g. {@code complaint}
   * @param channel the channel the key belongs to, e.g. {@code 12345}; null for none
   * @param receivedAt when the channel received the record; its Shanghai date is day 0 and decides
   *     the procedure version
   * @throws IllegalArgumentException for an unknown record type
   */
  public Map<String, Deadline> atIntake(String type, String channel, OffsetDateTime receivedAt) {
    if (RecordType.fromWire(type).isEmpty()) {
      throw new IllegalArgumentException("unknown record type \"" + type + "\"");
    }
    LocalDate day0 = Shanghai.dateOf(receivedAt);
    VersionPolicy policy = versions.get(ProcedureVersion.at(day0));
    Map<String, Deadline> out = new LinkedHashMap<>();
    for (DeadlineRule rule : policy.rulesFor(type, channel)) {
      out.put(rule.name(), compute(rule, day0));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The mediation limit of a complaint accepted at {@code acceptedAt}, under the procedure version
   * stored on the case (not the one in force on the day of acceptance).
   */
  public Deadline mediationFrom(OffsetDateTime acceptedAt, ProcedureVersion version) {
    return compute(versions.get(version).mediation(), Shanghai.dateOf(acceptedAt));
  }

  /** How many provisional deadlines this policy has computed since it was built. */
  public long provisionalCount() {
    return provisional.get();
  }

  private Deadline compute(DeadlineRule rule, LocalDate start) {
    WorkingCalendar.DayResult due = rule.dueFrom(calendar, start);
    if (due.provisional()) {
      provisional.incrementAndGet();
      warnOnce(start.plusDays(1).getYear(), due.date().getYear());
    }
    return new Deadline(rule.name(), Shanghai.endOf(due.date()), due.provisional());
  }

  private void warnOnce(int fromYear, int toYear) {
    for (int y = fromYear; y <= toYear; y++) {
      if (!calendar.covers(y) && warnedYears.add(y)) {
        LOG.warn(
            "No official holiday calendar loaded for {}: deadlines reaching into it are counted on"
                + " weekends alone and marked provisional. Add sla/holidays-cn-{}.json once the"
                + " State Council publishes it.",
            y,
            y);
      }
    }
  }
}
