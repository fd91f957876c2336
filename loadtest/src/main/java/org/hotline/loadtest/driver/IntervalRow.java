package org.hotline.loadtest.driver;

import java.util.Map;

/**
 * One second of a run, as plotted by the report.
 *
 * @param second seconds from the run's start at the interval's end, 1 or more
 * @param phase {@code ramp}, {@code warmup}, {@code measure} or {@code drain} (after the schedule's
 *     end, while the last answers come in)
 * @param intended arrivals due in the interval
 * @param sent requests that got a connection and were written
 * @param completed requests answered or failed
 * @param inFlight requests outstanding at the interval's end
 * @param outcomes count per HTTP status or error kind
 */
public record IntervalRow(
    long second,
    String phase,
    long intended,
    long sent,
    long completed,
    long inFlight,
    Map<String, Long> outcomes) {}
