package org.hotline.intake.support;

import io.vertx.core.Future;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.hotline.intake.pipeline.Judge;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.verdict.DedupService;

/** A verdict step that does what the test arms it to do next, once, and is real otherwise. */
public final class Seams implements Judge {
  private final Judge real;
  private final AtomicReference<Supplier<Future<DedupService.Judgement>>> next =
      new AtomicReference<>();
  private final Runnable onJudged;

  public Seams(Judge real, Runnable onJudged) {
    this.real = real;
    this.onJudged = onJudged;
  }

  /** The next judgement throws {@code bug} from the step itself, synchronously. */
  public void throwNext(RuntimeException bug) {
    next.set(
        () -> {
          throw bug;
        });
  }

  /** The next judgement fails with {@code bug} as a failed Future. */
  public void failNext(RuntimeException bug) {
    next.set(() -> Future.failedFuture(bug));
  }

  @Override
  public Future<DedupService.Judgement> judge(UUID id, IntakeRequest request) {
    Supplier<Future<DedupService.Judgement>> armed = next.getAndSet(null);
    if (armed != null) {
      return armed.get();
    }
    return real.judge(id, request).andThen(ar -> onJudged.run());
  }

  @Override
  public Future<DedupService.Judgement> judgeOutside(UUID id, IntakeRequest request) {
    return real.judgeOutside(id, request).andThen(ar -> onJudged.run());
  }

  @Override
  public void retract(DedupService.Judgement judgement) {
    real.retract(judgement);
  }

  /** Each record stored without its links, and the targets it had been linked to. */
  public final java.util.Map<UUID, java.util.Set<UUID>> demotions =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void demoted(DedupService.Judgement judgement, java.util.Set<UUID> targets) {
    demotions.put(judgement.fingerprint().id(), java.util.Set.copyOf(targets));
    real.demoted(judgement, targets);
  }
}
