package org.hotline.intake.http;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.hotline.dedup.text.IdNumbers;
import org.hotline.dedup.text.PhoneNumbers;
import org.hotline.intake.privacy.RecordSealer;
import org.hotline.intake.privacy.TextMasker;
import org.hotline.intake.store.StoredComplaint;
import org.hotline.intake.validation.Rfc3339;
import org.hotline.intake.verdict.Verdict;

/**
 * The operator's view of a stored record. The usual view masks phone and ID numbers as PIPL asks:
 * the complainant's own fields, and any number written inside free text ({@code content}, {@code
 * channel_ref}, names and addresses). The unmasked view is for the audited call only.
 */
public final class RecordView {
  private static final Set<String> PARTIES = Set.of("complainant", "merchant");

  // A merchant's credit code is no one's personal number, and an 18-character code can look like
  // an ID number.
  private static final Set<String> MERCHANT_CODES = Set.of("credit_code", "division_code");

  private RecordView() {}

  /** The record with phone and ID numbers masked, wherever they are written. */
  public static JsonObject of(StoredComplaint c) {
    JsonObject view = view(c, masked(c.record()));
    // An upstream's own id may hold a phone number (src-13904642045-B1), as the record's copy does.
    return view.put("source_id", TextMasker.mask(c.sourceId()));
  }

  /** The record as the complainant sent it: only for {@code GET /v1/complaints/{id}/unmasked}. */
  public static JsonObject unmasked(StoredComplaint c) {
    return view(c, c.record());
  }

  static JsonObject masked(JsonObject stored) {
    JsonObject record = TextMasker.maskAll(stored, PARTIES);
    JsonObject merchant = stored.getJsonObject("merchant");
    if (merchant != null) {
      record.put("merchant", TextMasker.maskAll(merchant, MERCHANT_CODES));
    }
    JsonObject complainant = stored.getJsonObject("complainant");
    if (complainant != null) {
      JsonObject person = TextMasker.maskAll(complainant, Set.copyOf(RecordSealer.FIELDS));
      if (complainant.getValue("phone") instanceof String phone) {
        person.put("phone", PhoneNumbers.mask(phone));
      }
      if (complainant.getValue("id_number") instanceof String idNumber) {
        person.put("id_number", IdNumbers.mask(idNumber));
      }
      record.put("complainant", person);
    }
    return record;
  }

  /**
   * The deadlines in force as a verdict writes them: the {@code *_provisional} flags as booleans.
   * An acceptance before 2026-12-06 stored its flag as the string "true".
   */
  static JsonObject inForce(JsonObject deadlines) {
    return Verdict.deadlinesJson(Verdict.deadlineValues(deadlines));
  }

  private static JsonObject view(StoredComplaint c, JsonObject record) {
    JsonObject verdict = c.verdict();
    JsonObject links = new JsonObject().put("duplicate_of", verdict.getString("duplicate_of"));
    if (c.duplicates() != null) {
      // Left out where they were not read, rather than shown as none.
      links.put("duplicates", c.duplicates()).put("cluster", c.cluster());
    }
    return new JsonObject()
        .put("id", c.id().toString())
        .put("channel", c.channel())
        .put("source_id", c.sourceId())
        .put("type", c.type())
        .put("state", c.state())
        .put("queue", c.queue())
        .put("received_at", Rfc3339.beijing(c.receivedAt()))
        .put("created_at", Rfc3339.beijing(c.createdAt()))
        .put("record", record)
        .put("grievance", verdict.getString("grievance")) // null: stored before grievances
        .put("verdict", verdict)
        .put("deadlines", inForce(c.deadlines()))
        .put("links", links);
  }
}
