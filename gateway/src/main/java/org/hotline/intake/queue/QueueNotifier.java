package org.hotline.intake.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on {@link QueueStore#CHANNEL} and republishes each notification on the local event bus
 * under {@link #address(String)}, where long-polling claimers wait. One subscriber connection
 * serves every claimer of this node; NOTIFY is sent by the committing transaction, or for intake
 * right after its COMMIT ({@code BatchInsert.NOTIFY_AFTER_COMMIT}), so a woken claimer always finds
 * the work committed.
 */
public final class QueueNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(QueueNotifier.class);

  private final PgSubscriber subscriber;
  private volatile boolean closing;

  private QueueNotifier(PgSubscriber subscriber) {
    this.subscriber = subscriber;
  }

  /**
   * The local event-bus address on which a drain is announced: every waiting claim ends its wait
   * and answers what it has (nothing), so that the server's graceful shutdown answers it rather
   * than cutting its connection. Not a queue's address: queue names have no hyphen.
   */
  public static final String DRAIN_ADDRESS = "intake.queue-drain";

  /** Ends the wait of every long-polling claim of this node ({@link #DRAIN_ADDRESS}). */
  public static void endWaits(Vertx vertx) {
    vertx.eventBus().publish(DRAIN_ADDRESS, "drain");
  }

  /** The local event-bus address on which work for {@code queue} is announced. */
  public static String address(String queue) {
    return "intake.queue." + queue;
  }

  public static Future<QueueNotifier> start(Vertx vertx, PgConnectOptions options) {
    PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options);
    // Keep listening through database restarts; a missed wake-up only costs a claimer its
    // wait, since every claim reads the table.
    subscriber.reconnectPolicy(retries -> 1000L);
    subscriber
        .channel(QueueStore.CHANNEL)
        .handler(queue -> vertx.eventBus().publish(address(queue), queue));
    QueueNotifier notifier = new QueueNotifier(subscriber);
    subscriber.closeHandler(
        v -> {
          if (!notifier.closing) {
            LOG.warn("queue notification connection lost; reconnecting");
          }
        });
    return subscriber.connect().map(v -> notifier);
  }

  public Future<Void> close() {
    closing = true;
    return subscriber.close();
  }
}
