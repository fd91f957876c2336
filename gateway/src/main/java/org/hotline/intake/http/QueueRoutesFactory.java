package org.hotline.intake.http;

import io.vertx.core.Vertx;
import org.hotline.intake.queue.QueueRoutes;

/** Builds each verticle's queue routes (they need that verticle's Vert.x). */
public interface QueueRoutesFactory {
  QueueRoutes create(Vertx vertx);
}
