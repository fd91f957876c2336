package org.hotline.intake.telemetry;

import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** Vert.x's own meters (HTTP server, pools, JVM) on the gateway's registry. */
public final class VertxMetricsSetup {
  private VertxMetricsSetup() {}

  /**
   * HTTP server meters by method, status code and route template (never the raw path, which would
   * make the label set unbounded), pool meters (the PostgreSQL pool, worker pools) and JVM meters.
   */
  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .addLabels(Label.HTTP_ROUTE);
  }
}
