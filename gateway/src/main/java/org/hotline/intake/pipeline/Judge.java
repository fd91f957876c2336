package org.hotline.intake.pipeline;

import io.vertx.core.Future;
import java.util.Set;
import java.util.UUID;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.verdict.DedupService;
import org.hotline.intake.verdict.LinkRepair;

/**
 * The verdict step as the pipeline sees it: judge a record against the index, and take the
 * judgement back when the record was not committed. A seam, so that a test can make it fail.
 */
public interface Judge {
  /** The index's judgement; the index now holds the record unless it is a duplicate. */
  Future<DedupService.Judgement> judge(UUID id, IntakeRequest request);

  /**
   * The judgement of a complaint outside market regulation (routed to {@code transfer}): a new
   * matter, kept out of the index, as reports and inquiries are: another department handles it, and
   * a coach's unpaid wages must not join, nor count toward, the members' group complaint against
   * the gym. Judged as any other record by a judge that does not tell them apart.
   */
  default Future<DedupService.Judgement> judgeOutside(UUID id, IntakeRequest request) {
    return judge(id, request);
  }

  /** Takes back a judgement whose record was not committed. */
  void retract(DedupService.Judgement judgement);

  /**
   * The record of {@code judgement} was stored without its links: some of {@code targets} were not
   * committed (see {@link LinkRepair}).
   */
  default void demoted(DedupService.Judgement judgement, Set<UUID> targets) {}

  /** The gateway's dedup service as a judge; {@code repair} mends the index after a demotion. */
  static Judge of(DedupService dedup, LinkRepair repair) {
    return new Judge() {
      @Override
      public void demoted(DedupService.Judgement judgement, Set<UUID> targets) {
        if (repair != null) {
          repair.demoted(judgement, targets);
        }
      }

      @Override
      public Future<DedupService.Judgement> judge(UUID id, IntakeRequest request) {
        return dedup.judge(id, request);
      }

      @Override
      public Future<DedupService.Judgement> judgeOutside(UUID id, IntakeRequest request) {
        return dedup.judgeOutside(id, request);
      }

      @Override
      public void retract(DedupService.Judgement judgement) {
        dedup.retract(judgement);
      }
    };
  }
}
