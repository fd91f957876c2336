package org.hotline.intake.pipeline;

import io.vertx.core.json.JsonObject;
import org.hotline.dedup.DedupVerdict;
import org.hotline.intake.routing.Route;

/** Told about every record the pipeline committed (not replays): how metrics learn verdicts. */
@FunctionalInterface
public interface IntakeObserver {
  IntakeObserver NONE = (dedup, route, stored) -> {};

  /**
   * @param dedup the index's verdict
   * @param route where routing sent the record
   * @param stored the verdict as committed (a duplicate whose original failed is stored accepted)
   */
  void stored(DedupVerdict dedup, Route route, JsonObject stored);
}
