package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * V10__no_statistics_on_payloads.sql: ANALYZE of {@code complaint} skips the columns that only
 * carry a record, and still gathers the ones the statements look up.
 */
@DisplayName("no statistics on the payload columns (V10)")
class PayloadStatisticsTest {
  private static String url;

  @BeforeAll
  static void analysedDatabase() throws Exception {
    url = SharedDatabase.privateDatabase("payload_statistics");
    try (Connection c = SharedDatabase.jdbc(url);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at, queue,"
              + " record, verdict, fingerprint)"
              + " SELECT gen_random_uuid(), 'web', 'stats-' || n, sha256(n::text::bytea),"
              + " 'complaint', now(), '350203', jsonb_build_object('n', n),"
              + " jsonb_build_object('queue', '350203'), int8send(n) FROM generate_series(1, 200) n");
      s.execute("ANALYZE complaint");
    }
  }

  private static String statisticsFor(String columns) throws Exception {
    return SharedDatabase.one(
        url,
        "SELECT string_agg(attname, ',' ORDER BY attname) FROM pg_stats"
            + " WHERE tablename = 'complaint' AND attname IN ("
            + columns
            + ")");
  }

  @Test
  @DisplayName("ANALYZE gathers nothing for the record, the verdict, the hash or the fingerprint")
  void payloadsSkipped() throws Exception {
    assertThat(statisticsFor("'record', 'verdict', 'content_hash', 'fingerprint'")).isNull();
  }

  @Test
  @DisplayName("the columns the statements look up keep their statistics")
  void lookUpsKept() throws Exception {
    assertThat(statisticsFor("'channel', 'source_id', 'queue', 'received_at'"))
        .isEqualTo("channel,queue,received_at,source_id");
  }
}
