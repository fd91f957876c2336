package org.hotline.intake.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Advice on the JVM options the gateway was started with, logged once at start-up. The dedup index
 * keeps every record of its window, so an object that survives one young collection usually lives
 * for hours; with the JVM's default tenuring threshold each young collection copies it again
 * between the survivor spaces, up to 15 times. {@code gateway/bin/intake-gateway} starts the jar
 * with {@code -XX:MaxTenuringThreshold=1} (BENCHMARKS.md, "Tenuring").
 */
public final class JvmAdvice {
  /** The threshold the launcher sets. */
  public static final int RECOMMENDED_TENURING = 1;

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
}
