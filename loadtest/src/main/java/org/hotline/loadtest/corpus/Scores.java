package org.hotline.loadtest.corpus;

/**
 * Verdicts scored against the corpus's ground truth; see {@link Scorer} for the definitions. A
 * ratio with an empty denominator is 1.0: nothing to find, nothing missed.
 *
 * @param filings filings in the corpus slice scored
 * @param verdicts filings that have an observed verdict
 * @param duplicatePrecision correctly linked duplicates / predicted duplicates
 * @param duplicateRecall correctly linked duplicates / true duplicates
 * @param crossPersonMerges predicted duplicates whose original belongs to another person
 * @param groupPrecision pairs sharing a cluster_id that share a truth group / pairs sharing a
 *     cluster_id
 * @param groupRecall pairs sharing a truth group that share a cluster_id / pairs sharing a truth
 *     group
 * @param routingAccuracy verdicts whose queue/district matches the truth district or transfer
 * @param transferAccuracy among truth transfers, verdicts that transfer to the right department
 * @param retries transport retries with a verdict whose original also has one
 * @param retryMismatches retries answered with another id than their original: broken idempotency
 * @param wrongDistricts verdicts queued to a district other than the truth's: worse than triage
 *     (DOMAIN.md), so counted apart
 */
public record Scores(
    long filings,
    long verdicts,
    double duplicatePrecision,
    double duplicateRecall,
    long crossPersonMerges,
    double groupPrecision,
    double groupRecall,
    double routingAccuracy,
    double transferAccuracy,
    long retries,
    long retryMismatches,
    long wrongDistricts) {}
