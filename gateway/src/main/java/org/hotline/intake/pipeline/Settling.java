package org.hotline.intake.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys whose work is under way on this node, each with the promise its end completes; shared by
 * every event loop. What {@link CommitTracker} (records being written) and {@link InFlightKeys}
 * (idempotency keys being written) are made of.
 */
final class Settling<K> {
  private final Map<K, Promise<Void>> open = new ConcurrentHashMap<>();

  /** True when {@code key} was not under way and now is; false when it already was. */
  boolean begin(K key) {
    return open.putIfAbsent(key, Promise.promise()) == null;
  }

  /** The work on {@code key} has ended, whatever its end. */
  void settle(K key) {
    Promise<Void> p = open.remove(key);
    if (p != null) {
      p.tryComplete();
    }
  }

  /** Completes, on the caller's context, once none of {@code keys} is under way. Never fails. */
  Future<Void> settled(Collection<K> keys) {
    List<Future<Void>> waits = new ArrayList<>();
    for (K k : keys) {
      Promise<Void> p = open.get(k);
      if (p != null) {
        waits.add(p.future());
      }
    }
    if (waits.isEmpty()) {
      return Future.succeededFuture();
    }
    // The keys settle on other event loops; come back to this one.
    Context context = Vertx.currentContext();
    var settled = Future.join(waits).<Void>mapEmpty().toCompletionStage();
    return context == null
        ? Future.fromCompletionStage(settled)
        : Future.fromCompletionStage(settled, context);
  }

  /** Keys under way right now. */
  int size() {
    return open.size();
  }
}
