package org.hotline.loadtest.corpus;

/**
 * One filing as a channel would post it.
 *
 * @param seq 0-based position in the corpus
 * @param channel {@code "phone"}, {@code "web"} or {@code "12345"}: picks the bearer key
 * @param sourceId the channel's own id, also inside {@code body}
 * @param body the exact JSON document to POST; no {@code received_at}, the gateway stamps it
 * @param truth what a perfect gateway would conclude
 */
public record Filing(long seq, String channel, String sourceId, String body, Truth truth) {
  /** This filing with an empty body: what is kept once the body has been encoded or sent. */
  public Filing withoutBody() {
    return body.isEmpty() ? this : new Filing(seq, channel, sourceId, "", truth);
  }
}
