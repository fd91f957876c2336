package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.hotline.intake.config.DatabaseOptions;
import org.hotline.intake.support.SharedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read of a group's districts ({@link ComplaintStore#GROUP_DISTRICTS}) for each unplaced member
 * of a group complaint: it must be able to find its rows by the primary key. Written as {@code id =
 * ANY($2) OR id IN (…)}, it had no plan but a scan of the whole complaint table, which at
 * saturation cost PostgreSQL four to five times its CPU a request. With sequential scans turned
 * off, a query that has an index path takes it; one that has none still shows the scan.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("the group-district read")
class GroupDistrictsPlanTest {
  @Test
  @DisplayName("that fails sends the member to triage and is counted for the metric")
  void failureCounted(Vertx vertx, VertxTestContext ctx) {
    Pool pool = SharedDatabase.pool(vertx);
    ComplaintStore store =
        new ComplaintStore(
            pool,
            new ResponseDeadline(vertx, pool, DatabaseOptions.DEFAULT_RESPONSE_TIMEOUT_MS),
            SharedDatabase.sealer());
    pool.close()
        .compose(v -> store.groupDistrict(UUID.randomUUID(), List.of(UUID.randomUUID())))
        .onComplete(
            ctx.succeeding(
                district ->
                    ctx.verify(
                        () -> {
                          assertThat(district).as("no district: triage").isNull();
                          assertThat(store.groupDistrictFailures()).isEqualTo(1);
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("looks its rows up by key, never by scanning every complaint")
  void indexedPlan() throws Exception {
    String url = SharedDatabase.privateDatabase("group_districts_plan");
    StringBuilder plan = new StringBuilder();
    try (Connection c = SharedDatabase.jdbc(url);
        Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off");
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute("PREPARE districts(uuid, uuid[]) AS " + ComplaintStore.GROUP_DISTRICTS);
      try (ResultSet r =
          s.executeQuery(
              "EXPLAIN EXECUTE districts('01900000-0000-7000-8000-0000000000c1',"
                  + " ARRAY['01900000-0000-7000-8000-00000000000a']::uuid[])")) {
        while (r.next()) {
          plan.append(r.getString(1)).append('\n');
        }
      }
    }
    assertThat(plan.toString())
        .as(plan.toString())
        .doesNotContain("Seq Scan on complaint")
        .contains("complaint_pkey");
  }
}
