package org.hotline.loadtest.report;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.hotline.loadtest.driver.Metric;

/**
 * The .hlog read back: per metric, one histogram per second (measured and warm-up together, as
 * plotted) and the measured part's total (for the spectrum).
 */
final class HlogSeries {
  final Map<Metric, TreeMap<Long, Histogram>> perSecond = new EnumMap<>(Metric.class);
  final Map<Metric, Histogram> measured = new EnumMap<>(Metric.class);

  /**
   * @param startEpochMillis the run's start, to number the seconds as intervals.json does
   */
  static HlogSeries read(Path hlog, long startEpochMillis) throws FileNotFoundException {
    HlogSeries s = new HlogSeries();
    for (Metric m : Metric.values()) {
      s.perSecond.put(m, new TreeMap<>());
      s.measured.put(m, new Histogram(3));
    }
    HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
    try {
      EncodableHistogram e;
      while ((e = reader.nextIntervalHistogram()) != null) {
        if (!(e instanceof Histogram h)) {
          continue;
        }
        for (Metric m : Metric.values()) {
          boolean isMeasured = m.tag().equals(h.getTag());
          if (!isMeasured && !m.warmupTag().equals(h.getTag())) {
            continue;
          }
          long end = h.getEndTimeStamp();
          // Absolute when the log has a base time (ours does); relative otherwise.
          long relMillis = end > 100_000_000_000L ? end - startEpochMillis : end;
          long second = Math.max(1, Math.round(relMillis / 1000.0));
          s.perSecond.get(m).computeIfAbsent(second, k -> new Histogram(3)).add(h);
          if (isMeasured) {
            s.measured.get(m).add(h);
          }
        }
      }
    } finally {
      reader.close();
    }
    return s;
  }
}
