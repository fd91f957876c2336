package org.hotline.intake.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records of this node between their judgement and the end of their write, shared by every
 * event loop.
 *
 * <p>A verdict may link only to a committed record (see {@code store/BatchInsert}, which demotes a
 * record whose original is not there). A re-filing judged a few milliseconds after its original
 * would otherwise often find the original still in another batch's open transaction, invisible to
 * its own, and be demoted for nothing. So a linked record first waits here until the records it
 * links to have settled, committed or not. A record is registered before the index can hand out its
 * id, so no link on this node can miss it; links across nodes are left to the check in the batch.
 */
public final class CommitTracker {
  private final Map<UUID, Promise<Void>> open = new ConcurrentHashMap<>();

  /** From now until {@link #settle}, records linking to {@code id} wait for it. */
  void begin(UUID id) {
    open.put(id, Promise.promise());
  }

  /** The record's write has ended, whatever its end. */
  void settle(UUID id) {
    Promise<Void> p = open.remove(id);
    if (p != null) {
      p.tryComplete();
    }
  }

  /**
   * Completes, on the caller's context, once none of {@code targets} is still being written on this
   * node. Never fails: whether a target committed is the batch's check to tell.
   */
  Future<Void> awaitSettled(Collection<UUID> targets) {
    List<Future<Void>> waits = new ArrayList<>();
    for (UUID t : targets) {
      Promise<Void> p = open.get(t);
      if (p != null) {
        waits.add(p.future());
      }
    }
    if (waits.isEmpty()) {
      return Future.succeededFuture();
    }
    // The targets settle on other event loops; come back to this one, which owns the writer.
    Context context = Vertx.currentContext();
    var settled = Future.join(waits).<Void>mapEmpty().toCompletionStage();
    return context == null
        ? Future.fromCompletionStage(settled)
        : Future.fromCompletionStage(settled, context);
  }

  /** Records being written right now, for tests. */
  public int size() {
    return open.size();
  }
}
