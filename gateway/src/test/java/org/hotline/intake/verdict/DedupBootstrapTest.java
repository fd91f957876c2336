package org.hotline.intake.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.RecentFilings;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the dedup index rebuilt at start-up")
class DedupBootstrapTest {
  private static final byte[] SECRET =
      "bootstrap-identity-secret-32-by!".getBytes(StandardCharsets.UTF_8);

  @Test
  @DisplayName("leaves out a record whose fingerprint it cannot read, and restores the others")
  void unreadableFingerprintsAreSkipped() throws Exception {
    String url = SharedDatabase.privateDatabase("dedup_bootstrap");
    Instant now = Instant.now();
    UUID readable = UUID.randomUUID();
    Fingerprint fp =
        Fingerprint.builder(readable, now.getEpochSecond() - 60)
            .blockingKey("n:鹭风海鲜")
            .signature(new long[8])
            .build();
    try (Connection c = SharedDatabase.jdbc(url);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO complaint (id, channel, source_id, content_hash, type, received_at,"
                    + " queue, record, verdict, fingerprint) VALUES (?, 'web', ?, '\\x00',"
                    + " 'complaint', ?, '350203', '{}', '{}', ?)")) {
      // A newer version's format (99), a damaged one (cut short) and a readable one.
      byte[][] fingerprints = {new byte[] {99, 1, 2}, new byte[] {3, 0, 0}, fp.toBytes()};
      UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), readable};
      for (int i = 0; i < ids.length; i++) {
        ps.setObject(1, ids[i]);
        ps.setString(2, "bootstrap-" + i);
        ps.setTimestamp(3, Timestamp.from(now.minusSeconds(60 - i)));
        ps.setBytes(4, fingerprints[i]);
        ps.executeUpdate();
      }
    }
    InMemoryDedupIndex index = new InMemoryDedupIndex(DedupOptions.defaults());
    long restored =
        DedupBootstrap.rebuild(
            PgUrl.parse(url),
            index,
            new Fingerprinter(SECRET, Routing.xiamen().cityProfile()),
            new RecentFilings(DedupOptions.defaults(), 1_000),
            true,
            DedupOptions.defaults(),
            now);
    assertThat(restored).isEqualTo(1);
    assertThat(index.size()).isEqualTo(1);
  }
}
