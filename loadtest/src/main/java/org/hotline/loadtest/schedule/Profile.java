package org.hotline.loadtest.schedule;

import java.util.function.DoubleUnaryOperator;
import org.hotline.loadtest.corpus.Corpus;
import org.hotline.loadtest.corpus.Scenario;

/** The traffic profiles of CONTRACT.md: each names its corpus scenario and its rate shape. */
public enum Profile {
  STEADY("steady", Scenario.STEADY, t -> 1.0),
  GOLDEN_WEEK("golden-week", Scenario.GOLDEN_WEEK, Corpus::goldenWeekRate),
  STORM("storm", Scenario.STORM, Corpus::stormRate),
  /** Not scheduled: the backlog is pushed through the batch endpoint as fast as it is accepted. */
  REPLAY("replay", Scenario.REPLAY, t -> 1.0);

  private final String cliName;
  private final Scenario scenario;
  private final DoubleUnaryOperator shape;

  Profile(String cliName, Scenario scenario, DoubleUnaryOperator shape) {
    this.cliName = cliName;
    this.scenario = scenario;
    this.shape = shape;
  }

  /** The name on the command line and in summary.json. */
  public String cliName() {
    return cliName;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The relative rate (mean 1) at a fraction 0..1 of the measured part. */
  public DoubleUnaryOperator shape() {
    return shape;
  }

  /** The profile named {@code name} on the command line. */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.cliName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown profile '" + name + "': steady, golden-week, storm or replay");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
