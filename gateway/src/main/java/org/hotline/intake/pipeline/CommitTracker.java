package org.hotline.intake.pipeline;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.UUID;

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
  private final Settling<UUID> open = new Settling<>();

  /** From now until {@link #settle}, records linking to {@code id} wait for it. */
  void begin(UUID id) {
    open.begin(id);
  }

  /** The record's write has ended, whatever its end. */
  void settle(UUID id) {
    open.settle(id);
  }

  /**
   * Completes, on the caller's context, once none of {@code targets} is still being written on this
   * node (the caller's event loop owns the writer). Never fails: whether a target committed is the
   * batch's check to tell.
   */
  Future<Void> awaitSettled(Collection<UUID> targets) {
    return open.settled(targets);
  }

  /** Records being written right now, for tests. */
  public int size() {
    return open.size();
  }
}
