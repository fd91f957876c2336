package org.hotline.intake.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Advice on the JVM options the gateway was started with, logged once at start-up. The dedup index
 * keeps every record of its window, so an object that survives one young collection usually lives
 * for hours; with the JVM's default tenuring threshold each young collection copies it again
 * between the survivor spaces, up to 15 times. {@code gateway/bin/intake-gateway} starts the jar
 * with {@code -XX:MaxTenuringThreshold=1} (BENCHMARKS.md, "Tenuring"), and with G1 and a 20 ms
 * pause target (BENCHMARKS.md, "G1 with a 20 ms pause target by default") or, on JDK {@value
 * #ZGC_FROM} or newer, with generational ZGC, a soft heap limit and the memory access Netty needs
 * (BENCHMARKS.md, "JDK 25 with generational ZGC", "ZGC's first pass through a fresh heap").
 */
public final class JvmAdvice {
  /** The threshold the launcher sets. */
  public static final int RECOMMENDED_TENURING = 1;

  /** G1's pause target the launcher sets, in milliseconds. */
  public static final int RECOMMENDED_PAUSE_MILLIS = 20;

  /**
   * The first feature release on which the launcher picks generational ZGC rather than G1: the one
   * it was measured on (BENCHMARKS.md, "JDK 25 with generational ZGC").
   */
  public static final int ZGC_FROM = 25;

  /**
   * The first feature release on which the launcher adds {@code
   * --sun-misc-unsafe-memory-access=allow}: from it on Netty keeps off {@code sun.misc.Unsafe}
   * without it.
   */
  public static final int NETTY_ACCESS_FROM = 24;

  private JvmAdvice() {}

  /**
   * The advice for this JVM, if any: on its tenuring, then on its collector, then (JDK 24 or newer)
   * on the memory access Netty needs, then (ZGC) on its soft heap limit.
   */
  public static List<String> current() {
    HotSpotDiagnosticMXBean hotspot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (hotspot == null) {
      return List.of(); // not HotSpot: nothing to say
    }
    int feature = Runtime.version().feature();
    List<String> advice = new ArrayList<>();
    String useZgc = option(hotspot, "UseZGC").orElse("");
    option(hotspot, "MaxTenuringThreshold").flatMap(JvmAdvice::forTenuring).ifPresent(advice::add);
    forCollector(
            feature,
            option(hotspot, "UseG1GC").orElse(""),
            option(hotspot, "MaxGCPauseMillis").orElse(""),
            useZgc,
            option(hotspot, "ZGenerational").orElse(""))
        .ifPresent(advice::add);
    forUnsafeAccess(feature, System.getProperty("sun.misc.unsafe.memory.access"))
        .ifPresent(advice::add);
    forSoftLimit(
            useZgc, given(hotspot, "SoftMaxHeapSize"), option(hotspot, "MaxHeapSize").orElse(""))
        .ifPresent(advice::add);
    return advice;
  }

  private static Optional<String> option(HotSpotDiagnosticMXBean hotspot, String name) {
    try {
      return Optional.of(hotspot.getVMOption(name).getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return Optional.empty(); // this JVM does not know the option
    }
  }

  /**
   * The advice for a JVM of this feature release with these values of {@code UseG1GC}, {@code
   * MaxGCPauseMillis}, {@code UseZGC} and {@code ZGenerational} (empty when the JVM does not know
   * one): none for generational ZGC (JDK 21 or newer), nor for G1 with a pause target of {@value
   * #RECOMMENDED_PAUSE_MILLIS} ms or less.
   */
  public static Optional<String> forCollector(
      int feature, String useG1, String maxPauseMillis, String useZgc, String zGenerational) {
    // ZGenerational came with JDK 21 and is gone from JDK 24 on, where every ZGC is generational.
    boolean generationalZgc =
        Boolean.parseBoolean(useZgc.trim())
            && (feature >= 24 || Boolean.parseBoolean(zGenerational.trim()));
    if (generationalZgc) {
      return Optional.empty();
    }
    if (!Boolean.parseBoolean(useG1.trim())) {
      return Optional.of(
          "JVM runs another collector than G1 or generational ZGC: after a backlog Shenandoah's"
              + " concurrent cycles took a core for seconds and the open model's p99 at 2,400/s"
              + " was 1.9-4.7 s, against 42-54 ms for G1 with a "
              + RECOMMENDED_PAUSE_MILLIS
              + " ms pause target; gateway/bin/intake-gateway starts the jar with that on JDK 17-"
              + (ZGC_FROM - 1)
              + " and with generational ZGC on JDK "
              + ZGC_FROM
              + " or newer (README \"JVM options\")");
    }
    return above(maxPauseMillis, RECOMMENDED_PAUSE_MILLIS)
        .map(
            target ->
                "JVM runs G1 with a pause target of "
                    + target
                    + " ms: under load its young generation grows until a pause takes 35-60 ms, and"
                    + " every record arriving in one waits; gateway/bin/intake-gateway starts the jar with"
                    + " -XX:MaxGCPauseMillis="
                    + RECOMMENDED_PAUSE_MILLIS
                    + " on JDK 17-"
                    + (ZGC_FROM - 1)
                    + " (pauses of 10-35 ms) and with generational ZGC on JDK "
                    + ZGC_FROM
                    + " or newer (README \"JVM options\")");
  }

  /**
   * The advice for a JVM of this feature release whose {@code sun.misc.unsafe.memory.access} (set
   * by {@code --sun-misc-unsafe-memory-access}) is {@code access}, possibly null: from JDK {@value
   * #NETTY_ACCESS_FROM} on, unless it is {@code allow}, Netty leaves {@code sun.misc.Unsafe} alone
   * and takes its slower paths.
   */
  public static Optional<String> forUnsafeAccess(int feature, String access) {
    if (feature < NETTY_ACCESS_FROM || "allow".equals(access)) {
      return Optional.empty();
    }
    return Optional.of(
        "JVM "
            + feature
            + " runs without --sun-misc-unsafe-memory-access=allow: Netty then takes its slower"
            + " paths, and on JDK 25 the gateway spent about a third more CPU a request;"
            + " gateway/bin/intake-gateway starts the jar with it (README \"JVM options\")");
  }

  /**
   * Whether the JVM's option {@code name} was given (on the command line, in the environment, a
   * file or through management) rather than left to its default or the JVM's ergonomics; false when
   * the JVM does not know it.
   */
  private static boolean given(HotSpotDiagnosticMXBean hotspot, String name) {
    try {
      VMOption.Origin origin = hotspot.getVMOption(name).getOrigin();
      return origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.ERGONOMIC;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * The advice for a JVM with this value of {@code UseZGC} whose {@code SoftMaxHeapSize} was given
   * or not ({@link #given}; JDK 25 sets it to nine tenths of the largest heap when it is not) and
   * whose {@code MaxHeapSize} (bytes) is {@code maxHeap}: ZGC without a soft limit let the heap
   * grow to 85% of 6 GB before its first collection after the warm-up, and first touching that
   * memory on a virtual machine halved the rate for half a minute (BENCHMARKS.md, "ZGC's first pass
   * through a fresh heap"). {@code gateway/bin/gc-option} sets a third of the largest heap.
   */
  public static Optional<String> forSoftLimit(
      String useZgc, boolean softLimitGiven, String maxHeap) {
    if (!Boolean.parseBoolean(useZgc.trim()) || softLimitGiven) {
      return Optional.empty();
    }
    try {
      long max = Long.parseLong(maxHeap.trim());
      return Optional.of(
          "JVM runs ZGC without a soft heap limit (-XX:SoftMaxHeapSize) for its largest heap of "
              + max / (1024 * 1024)
              + " MB: after its warm-up ZGC let the heap grow to most of it before collecting, and"
              + " first touching that memory halved the rate for half a minute;"
              + " gateway/bin/intake-gateway starts ZGC with a third of the largest heap (README"
              + " \"JVM options\")");
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The advice for a {@code MaxTenuringThreshold} of {@code value}, if any. */
  public static Optional<String> forTenuring(String value) {
    return above(value, RECOMMENDED_TENURING)
        .map(
            threshold ->
                "JVM runs with -XX:MaxTenuringThreshold="
                    + threshold
                    + ": young collections copy the dedup index up to "
                    + threshold
                    + " times before keeping it; gateway/bin/intake-gateway starts the jar with "
                    + RECOMMENDED_TENURING
                    + " (young pauses about three times shorter, README \"JVM options\")");
  }

  /** The whole number a JVM option's {@code value} holds, when above what the launcher sets. */
  private static Optional<Long> above(String value, int launchers) {
    try {
      long n = Long.parseLong(value.trim());
      return n > launchers ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
