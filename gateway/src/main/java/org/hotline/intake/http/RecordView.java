package org.hotline.intake.http;

import io.vertx.core.json.JsonObject;
import org.hotline.dedup.text.IdNumbers;
import org.hotline.dedup.text.PhoneNumbers;
import org.hotline.intake.store.StoredComplaint;

/** The operator's view of a stored record: phone and ID numbers masked as PIPL asks. */
public final class RecordView {
  private RecordView() {}

  public static JsonObject of(StoredComplaint c) {
    JsonObject record = c.record().copy();
    JsonObject complainant = record.getJsonObject("complainant");
    if (complainant != null) {
      String phone = complainant.getString("phone");
      if (phone != null) {
        complainant.put("phone", PhoneNumbers.mask(phone));
      }
      String idNumber = complainant.getString("id_number");
      if (idNumber != null) {
        complainant.put("id_number", IdNumbers.mask(idNumber));
      }
    }
    JsonObject verdict = c.verdict();
    JsonObject links = new JsonObject().put("duplicate_of", verdict.getString("duplicate_of"));
    if (c.duplicates() != null) {
      // Left out where they were not read (a claimed item), rather than shown as none.
      links.put("duplicates", c.duplicates()).put("cluster", c.cluster());
    }
    return new JsonObject()
        .put("id", c.id().toString())
        .put("channel", c.channel())
        .put("source_id", c.sourceId())
        .put("type", c.type())
        .put("state", c.state())
        .put("queue", c.queue())
        .put("received_at", c.receivedAt().toString())
        .put("created_at", c.createdAt().toString())
        .put("record", record)
        .put("grievance", verdict.getString("grievance")) // null: stored before grievances
        .put("verdict", verdict)
        .put("deadlines", verdict.getJsonObject("deadlines", new JsonObject()))
        .put("links", links);
  }
}
