package org.hotline.intake.pipeline;

import io.vertx.core.Future;
import java.util.UUID;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.verdict.DedupService;

/**
 * The verdict step as the pipeline sees it: judge a record against the index, and take the
 * judgement back when the record was not committed. A seam, so that a test can make it fail.
 */
public interface Judge {
  /** The index's judgement; the index now holds the record unless it is a duplicate. */
  Future<DedupService.Judgement> judge(UUID id, IntakeRequest request);

  /** Takes back a judgement whose record was not committed. */
  void retract(DedupService.Judgement judgement);

  /** The gateway's dedup service as a judge. */
  static Judge of(DedupService dedup) {
    return new Judge() {
      @Override
      public Future<DedupService.Judgement> judge(UUID id, IntakeRequest request) {
        return dedup.judge(id, request);
      }

      @Override
      public void retract(DedupService.Judgement judgement) {
        dedup.retract(judgement);
      }
    };
  }
}
