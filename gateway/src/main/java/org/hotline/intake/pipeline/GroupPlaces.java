package org.hotline.intake.pipeline;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.UUID;

/**
 * Where a group complaint's members were sent. A member whose own filing does not place the
 * merchant (a call-centre summary without an address) is a filing about the shop its group's
 * members placed: it goes to their district rather than to triage.
 */
@FunctionalInterface
public interface GroupPlaces {
  /** Knows no group: every unplaced member stays in triage. */
  GroupPlaces NONE = (group, members) -> Future.succeededFuture(null);

  /**
   * The district the stored members of {@code group} (and the records in {@code members}, which
   * join it with this record) were routed to, when they agree on one; null when none was placed or
   * they name two. Never fails for a database error: it answers null.
   */
  Future<String> district(UUID group, Collection<UUID> members);
}
