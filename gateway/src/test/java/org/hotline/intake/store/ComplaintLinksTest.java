package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The links a record view reads ({@link ComplaintStore#LINK_COLUMNS}), on the rows as stored. */
@DisplayName("a record's links")
class ComplaintLinksTest {
  private static final String COMPLAINT =
      "INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at, queue,"
          + " record, verdict) VALUES ('%s', 'web', '%s', '\\x00', 'complaint', now(), '350206',"
          + " '{}', '{}')";

  @Test
  @DisplayName(
      "name the group a record is in now when its first group was merged into another (set AH: a"
          + " tyre shop's escalated group of five, whose two absorbed members showed their group of"
          + " two)")
  void mergedGroup() throws Exception {
    String url = SharedDatabase.privateDatabase("links_merged");
    String member = "01900000-0000-7000-8000-0000000000a1";
    String small = "01900000-0000-7000-8000-0000000000c1";
    String merged = "01900000-0000-7000-8000-0000000000c2";
    try (Connection c = SharedDatabase.jdbc(url);
        Statement s = c.createStatement()) {
      s.execute(String.format(COMPLAINT, member, "links-a1"));
      s.execute(
          "INSERT INTO complaint_cluster (id, blocking_key, size, last_member_at) VALUES"
              + " ('"
              + small
              + "', 'k', 2, now() - interval '1 hour'), ('"
              + merged
              + "', 'k', 5, now())");
      // The merged group's membership is stored after the first, as the writer stores it.
      s.execute(
          "INSERT INTO cluster_member (cluster_id, complaint_id) VALUES ('"
              + small
              + "', '"
              + member
              + "'), ('"
              + merged
              + "', '"
              + member
              + "')");
    }
    String links =
        SharedDatabase.one(
            url,
            "SELECT links FROM (SELECT"
                + ComplaintStore.LINK_COLUMNS
                + " FROM complaint c WHERE c.id = '"
                + member
                + "') AS t(duplicates, links)");

    assertThat(new JsonObject(links).getString("id")).isEqualTo(merged);
    assertThat(new JsonObject(links).getInteger("size")).isEqualTo(5);
  }
}
