package org.hotline.intake.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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

  /** The advice for this JVM, if any: on its tenuring, then on its collector. */
  public static List<String> current() {
    HotSpotDiagnosticMXBean hotspot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (hotspot == null) {
      return List.of(); // not HotSpot: nothing to say
    }
    List<String> advice = new ArrayList<>();
    option(hotspot, "MaxTenuringThreshold").flatMap(JvmAdvice::forTenuring).ifPresent(advice::add);
    option(hotspot, "UseShenandoahGC")
        .flatMap(shenandoah -> forCollector(shenandoah, option(hotspot, "UseZGC").orElse("false")))
        .ifPresent(advice::add);
    return advice;
  }

  private static Optional<String> option(HotSpotDiagnosticMXBean hotspot, String name) {
    try {
      return Optional.of(hotspot.getVMOption(name).getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return Optional.empty(); // this JVM does not know the option (Oracle's has no Shenandoah)
    }
  }

  /**
   * The advice for a JVM that has Shenandoah ({@code UseShenandoahGC} is one of its options) with
   * these values of it and of {@code UseZGC}: none when a concurrent collector runs.
   */
  public static Optional<String> forCollector(String useShenandoah, String useZgc) {
    if (Boolean.parseBoolean(useShenandoah.trim()) || Boolean.parseBoolean(useZgc.trim())) {
      return Optional.empty();
    }
    return Optional.of(
        "JVM runs a stop-the-world young collector: its pauses grow with the dedup index (60-100"
            + " ms under load, every record arriving in one waits); gateway/bin/intake-gateway"
            + " starts the jar with -XX:+UseShenandoahGC, which this JVM has (README \"JVM"
            + " options\")");
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
