package org.hotline.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code intake.build.info} (gauge, {@code intake_build_info}): always 1, labelled with the
 * gateway's {@code version} and the {@code java} runtime, so dashboards can show what runs where
 * and join it to other series.
 */
public final class BuildInfo implements MeterBinder {
  private final String version;

  /**
   * @param version the gateway's version, or null when unknown (run from classes)
   */
  public BuildInfo(String version) {
    this.version = version == null ? "dev" : version;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("intake.build.info", () -> 1)
        .description("Build information: always 1, labelled with version and runtime")
        .tag("version", version)
        .tag("java", System.getProperty("java.specification.version", "unknown"))
        .register(registry);
  }
}
