package org.hotline.intake.http;

import io.vertx.core.Vertx;

/** Builds each verticle's queue routes. */
public interface QueueRoutesFactory {
  QueueRoutes create(Vertx vertx);
}
