package org.hotline.intake.telemetry;

import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** Vert.x's own meters (HTTP server, pools, JVM) on the gateway's registry. */
public final class VertxMetricsSetup {
  private VertxMetricsSetup() {}

  /**
   * HTTP server meters by method, status code and route template (never the raw path, which would
   * make the label set unbounded), pool meters (the PostgreSQL pool, worker pools) and JVM meters.
   *
   * <p>Each PostgreSQL pool and the LISTEN connection is a client of its own: the SQL meters carry
   * its name ({@code client_namespace}: intake, queue, listen). The TCP client meters are off: they
   * have no such name, so each client registered the same unlabelled gauge, Micrometer kept the
   * first with a warning at every start, and nothing reads them.
   */
  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .addLabels(Label.HTTP_ROUTE, Label.NAMESPACE)
        .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT);
  }
}
