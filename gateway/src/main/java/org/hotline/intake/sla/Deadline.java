package org.hotline.intake.sla;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One deadline: the end of its due day in Asia/Shanghai ({@code 23:59:59+08:00}).
 *
 * @param name the key it is published under, e.g. {@code accept_by}
 * @param dueAt the last second of the due day, with offset +08:00
 * @param provisional true when a day counted lies in a year with no loaded holiday calendar, so the
 *     date was reckoned from weekends alone and may move once the State Council publishes that year
 */
public record Deadline(String name, OffsetDateTime dueAt, boolean provisional) {
  public Deadline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dueAt, "dueAt");
  }

  /** The deadline's due day in Asia/Shanghai. */
  public LocalDate dueDate() {
    return Shanghai.dateOf(dueAt);
  }
}
