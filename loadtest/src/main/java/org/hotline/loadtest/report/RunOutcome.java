package org.hotline.loadtest.report;

import java.util.List;
import org.hotline.loadtest.corpus.Scores;
import org.hotline.loadtest.driver.DriverResult;
import org.hotline.loadtest.driver.RunSettings;
import org.hotline.loadtest.verify.ReadBack;

/**
 * Everything summary.json is made of.
 *
 * @param settings what was asked for
 * @param result what the driver measured
 * @param readBack null with {@code --no-verify}
 * @param scores null with {@code --no-verify} or when nothing was answered
 * @param slo one check per objective
 * @param exitStatus see {@link org.hotline.loadtest.ExitStatus}
 */
public record RunOutcome(
    RunSettings settings,
    DriverResult result,
    ReadBack.Result readBack,
    Scores scores,
    List<Slo.Check> slo,
    int exitStatus) {}
