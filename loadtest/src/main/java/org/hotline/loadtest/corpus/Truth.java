package org.hotline.loadtest.corpus;

/**
 * The ground truth of one filing, what a perfect gateway would conclude.
 *
 * @param person opaque stable id of the complainant
 * @param matter opaque stable id of the matter: one person, one merchant, one grievance
 * @param grievance the grievance's wire name (routing/grievances.yaml)
 * @param group opaque id of the group complaint this filing belongs to, or null
 * @param district a division code (350203…) or {@code "triage"}; {@code "transfer"} when {@code
 *     transferTo} is set
 * @param transferTo the competent department when the matter is outside market regulation, or null
 * @param retryOf the seq of the earlier filing this is a transport-level retry of (same channel,
 *     same source_id, same body), or -1
 */
public record Truth(
    String person,
    String matter,
    String grievance,
    String group,
    String district,
    String transferTo,
    long retryOf) {

  /** True when this filing is a transport retry, answered by the gateway as a replay. */
  public boolean isRetry() {
    return retryOf >= 0;
  }
}
