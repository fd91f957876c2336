package org.hotline.loadtest.driver;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of the driver's own threads (planner, dispatcher, event loop, ticker), and of the whole
 * process. The driver's threads are what saturate; the process figure also holds GC and, in tests,
 * an in-process gateway.
 */
final class CpuClock {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Set<Long> ids = ConcurrentHashMap.newKeySet();

  /** A reading: CPU nanoseconds per driver thread, the process's, and the wall clock. */
  record Reading(Map<Long, Long> perThread, long process, long wall) {}

  /** Counts the calling thread as one of the driver's. */
  void register() {
    ids.add(Thread.currentThread().getId());
  }

  Reading read() {
    Map<Long, Long> per = new HashMap<>();
    for (long id : ids) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) {
        per.put(id, t);
      }
    }
    return new Reading(per, processCpu(), System.nanoTime());
  }

  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * The cores used between two readings.
   *
   * @param driver all driver threads together
   * @param busiestThread the busiest single driver thread: near 1 means it is pegged
   * @param process the whole JVM, or -1 when unknown
   */
  record Usage(double driver, double busiestThread, double process) {
    static Usage between(Reading a, Reading b) {
      double wall = Math.max(1, b.wall() - a.wall());
      double total = 0;
      double busiest = 0;
      for (Map.Entry<Long, Long> e : b.perThread().entrySet()) {
        long used = e.getValue() - a.perThread().getOrDefault(e.getKey(), 0L);
        total += used;
        busiest = Math.max(busiest, used);
      }
      double process = a.process() < 0 ? -1 : (b.process() - a.process()) / wall;
      return new Usage(total / wall, busiest / wall, process);
    }
  }
}
