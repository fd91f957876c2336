package org.hotline.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The latest {@link QueueSnapshot}, which gauges read. The gateway's poller replaces it every few
 * seconds; a scrape only reads a volatile field.
 */
public final class LatestSnapshot {
  private volatile QueueSnapshot current = QueueSnapshot.empty();
  private final List<Consumer<QueueSnapshot>> listeners = new ArrayList<>();

  public QueueSnapshot get() {
    return current;
  }

  /** Publishes a new snapshot, then tells the binders (which register gauges for new queues). */
  public synchronized void update(QueueSnapshot snapshot) {
    current = snapshot;
    for (Consumer<QueueSnapshot> l : listeners) {
      l.accept(snapshot);
    }
  }

  synchronized void onUpdate(Consumer<QueueSnapshot> listener) {
    listeners.add(listener);
  }
}
