package org.hotline.loadtest.driver;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a run measured, before verification.
 *
 * @param startEpochMillis the run's start on the wall clock (the .hlog's base time)
 * @param totals the measured part's histograms per metric, microseconds
 * @param rows one per second, every phase
 * @param outcomes count per status or error kind, measured part
 * @param channelOutcomes the same per channel
 * @param channelLatency schedule-relative response time per channel, measured part
 * @param channelService service time per channel, measured part
 * @param intended arrivals due in the measured part
 * @param sent requests written in the measured part
 * @param measuredSeconds the measured part's length (replay: the time the backlog took)
 * @param saturation whether the generator kept up
 * @param verdicts filings, verdicts and acknowledged ids for verification
 * @param acked 2xx answers over the whole run, all phases
 * @param raceResends transport retries answered 409 while their original was in progress, and sent
 *     again (not errors unless the last attempt failed)
 */
public record DriverResult(
    long startEpochMillis,
    Map<Metric, Histogram> totals,
    List<IntervalRow> rows,
    Map<String, Long> outcomes,
    Map<String, Map<String, Long>> channelOutcomes,
    Map<String, Histogram> channelLatency,
    Map<String, Histogram> channelService,
    long intended,
    long sent,
    double measuredSeconds,
    Saturation saturation,
    VerdictLog verdicts,
    long acked,
    long raceResends) {}
