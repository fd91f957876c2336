package org.hotline.loadtest;

/**
 * The exit statuses of {@code run}. When several apply, the most serious wins: a lost record first
 * (the gateway broke its promise), then a saturated generator (the figures describe the generator,
 * so an objective's verdict means nothing), then a missed objective.
 */
public final class ExitStatus {
  /** The run completed, nothing was lost, the generator kept up, every objective was met. */
  public static final int OK = 0;

  /**
   * The run could not be carried out: target unreachable, I/O error, a corpus failure, not one
   * request acknowledged (wrong keys, a wrong target), which rehearses nothing, or acknowledged
   * records that could not be read back (a wrong operator key, a read-back answered 503), so
   * nothing says they were kept.
   */
  public static final int FAILED = 1;

  /** The command line was wrong (picocli's usage-error status). */
  public static final int USAGE = 2;

  /** An objective given with {@code --slo} was missed. */
  public static final int OBJECTIVE_MISSED = 3;

  /** At least one acknowledged record was not found when read back. */
  public static final int LOST = 4;

  /** The generator could not keep its schedule (lateness, connections or CPU). */
  public static final int SATURATED = 5;

  private ExitStatus() {}

  /** The status for a run's findings, most serious first. */
  public static int of(long lost, boolean saturated, boolean objectiveMissed) {
    return of(lost, false, saturated, objectiveMissed);
  }

  /**
   * The status for a run's findings, most serious first; {@code notCarriedOut}: requests were sent
   * and none was answered 2xx, so the run measured no intake at all, or acknowledged records could
   * not be verified.
   */
  public static int of(
      long lost, boolean notCarriedOut, boolean saturated, boolean objectiveMissed) {
    if (lost > 0) {
      return LOST;
    }
    if (notCarriedOut) {
      return FAILED;
    }
    if (saturated) {
      return SATURATED;
    }
    return objectiveMissed ? OBJECTIVE_MISSED : OK;
  }

  /** The reason named in summary.json. */
  public static String reason(int status) {
    return switch (status) {
      case OK -> "completed";
      case OBJECTIVE_MISSED -> "objective missed";
      case LOST -> "lost > 0";
      case SATURATED -> "generator saturated";
      case USAGE -> "usage error";
      default -> "failed";
    };
  }
}
