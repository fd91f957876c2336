package org.hotline.intake.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;

/**
 * Advice on the JVM options the gateway was started with, logged once at start-up. The dedup index
 * keeps every record of its window, so an object that survives one young collection usually lives
 * for hours; with the JVM's default tenuring threshold each young collection copies it again
 * between the survivor spaces, up to 15 times. {@code gateway/bin/intake-gateway} starts the jar
 * with {@code -XX:MaxTenuringThreshold=1} (BENCHMARKS.md, "Tenuring").
 *
 * <p>Also on the environment the embedded PostgreSQL server inherits: with glibc's default trim
 * threshold each backend gives its heap back to the kernel after a transaction and faults it in
 * again for the next. The launcher sets {@code MALLOC_TRIM_THRESHOLD_} (BENCHMARKS.md, "The
 * database's malloc").
 */
public final class JvmAdvice {
  /** The threshold the launcher sets. */
  public static final int RECOMMENDED_TENURING = 1;

  /** The environment variable, read by glibc, that the launcher sets for the embedded server. */
  public static final String TRIM_VARIABLE = "MALLOC_TRIM_THRESHOLD_";

  /** The value the launcher gives it: 32 MiB. */
  public static final long RECOMMENDED_TRIM = 32L * 1024 * 1024;

  private JvmAdvice() {}

  /** The advice for this JVM, if any. */
  public static Optional<String> current() {
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return hotspot == null
          ? Optional.empty()
          : forTenuring(hotspot.getVMOption("MaxTenuringThreshold").getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return Optional.empty(); // not HotSpot, or the option is unknown: nothing to say
    }
  }

  /** The advice for a {@code MaxTenuringThreshold} of {@code value}, if any. */
  public static Optional<String> forTenuring(String value) {
    int threshold;
    try {
      threshold = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (threshold <= RECOMMENDED_TENURING) {
      return Optional.empty();
    }
    return Optional.of(
        "JVM runs with -XX:MaxTenuringThreshold="
            + threshold
            + ": young collections copy the dedup index up to "
            + threshold
            + " times before keeping it; gateway/bin/intake-gateway starts the jar with "
            + RECOMMENDED_TENURING
            + " (young pauses about three times shorter, README \"JVM options\")");
  }

  /**
   * The advice for an embedded server started with environment {@code env}, if any: none for an
   * external server (its own environment is its operator's), nor when the variable is set.
   */
  public static Optional<String> forEmbeddedServer(Map<String, String> env, boolean embedded) {
    if (!embedded || env.containsKey(TRIM_VARIABLE)) {
      return Optional.empty();
    }
    return Optional.of(
        "the embedded PostgreSQL server runs with glibc's default trim threshold: each backend"
            + " returns its heap to the kernel after a transaction and faults it in again for the"
            + " next; gateway/bin/intake-gateway sets "
            + TRIM_VARIABLE
            + "="
            + RECOMMENDED_TRIM
            + " (a quarter less database CPU a record under load, README \"JVM options\")");
  }
}
