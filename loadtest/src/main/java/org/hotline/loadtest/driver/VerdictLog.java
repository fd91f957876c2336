package org.hotline.loadtest.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hotline.loadtest.corpus.Filing;
import org.hotline.loadtest.corpus.Observed;

/**
 * What verification needs: the filings sent (truth only, bodies dropped to save memory), the
 * verdicts answered, and the distinct acknowledged ids.
 */
public final class VerdictLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean keep;
  private final ConcurrentLinkedQueue<Filing> filings = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Observed> observed = new ConcurrentLinkedQueue<>();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();

  VerdictLog(boolean keep) {
    this.keep = keep;
  }

  void sent(Filing f) {
    if (keep) {
      filings.add(f.withoutBody());
    }
  }

  /**
   * Records a 2xx verdict.
   *
   * @return false when the body holds no verdict with an id
   */
  boolean verdict(long seq, Buffer body) {
    if (!keep) {
      return true;
    }
    try {
      return verdict(seq, JSON.readTree(body.getBytes()));
    } catch (IOException e) {
      return false;
    }
  }

  /** Records a verdict already parsed (a batch item). */
  boolean verdict(long seq, JsonNode v) {
    if (!keep) {
      return true;
    }
    String id = text(v, "id");
    if (id == null) {
      return false;
    }
    acked.add(id);
    observed.add(
        new Observed(
            seq,
            id,
            text(v, "status"),
            text(v, "duplicate_of"),
            text(v, "cluster_id"),
            text(v, "district"),
            text(v, "queue"),
            text(v, "transfer_to"),
            text(v, "grievance")));
    return true;
  }

  private static String text(JsonNode v, String field) {
    JsonNode n = v.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  public boolean kept() {
    return keep;
  }

  public List<Filing> filings() {
    return new ArrayList<>(filings);
  }

  public List<Observed> observed() {
    return new ArrayList<>(observed);
  }

  public List<String> ackedIds() {
    return new ArrayList<>(acked);
  }
}
