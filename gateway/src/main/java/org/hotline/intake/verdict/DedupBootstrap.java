package org.hotline.intake.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.hotline.dedup.DedupIndex;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.RecentFilings;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.dedup.grievance.GrievanceModel;
import org.hotline.dedup.grievance.GrievanceTaxonomy;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.store.ServerSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work for dedup, done before the port opens: the grievance taxonomy, the identity secret
 * (over JDBC), and the index rebuilt from the records of the current window (their fingerprints
 * carry their grievances).
 */
public final class DedupBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DedupBootstrap.class);
  private static final String SECRET_NAME = "dedup-identity-hmac";

  /** The grievance taxonomy, beside the routing file. */
  static final String GRIEVANCES = "routing/grievances.yaml";

  /** The labelled texts the grievance model learns from (dedup/tools/grievance-corpus.py). */
  static final String CORPUS = "routing/grievance-corpus.tsv";

  /**
   * Every stored complaint of the retention window in the order it arrived (record ids are
   * time-ordered, {@code Ids}; {@code received_at} is the channel's and may tie or run back). A
   * first filing goes back into the index and this node's memory; a duplicate is never a candidate
   * of the index, only one more telling of its original's matter in that memory ({@link
   * RecentFilings#rememberRefiling}); each complaint of the duplicate window first teaches what it
   * ties of its complainant's numbers ({@link RecentFilings#learnIdentity}): the order run time
   * took them in. Reports, inquiries and suggestions are kept out ({@link DedupService#judge}). A
   * complaint judged outside market regulation comes back under the key its fingerprint holds, in
   * the space of its own ({@link DedupService#judgeOutside}), as its person's filing only. A member
   * of two groups (one storm's two, made one by a re-filing: {@code SeenGroups}) comes back once,
   * in the larger, the group a read links it to.
   */
  static final String WINDOW_QUERY =
      "SELECT c.fingerprint, m.cluster_id, g.size, c.blocking_key, c.duplicate_of, c.received_at"
          + " FROM complaint c"
          + " LEFT JOIN cluster_member m ON m.complaint_id = c.id"
          + " LEFT JOIN complaint_cluster g ON g.id = m.cluster_id"
          + " WHERE c.received_at >= ? AND c.fingerprint IS NOT NULL AND c.type = 'complaint'"
          + " ORDER BY c.id, g.size DESC NULLS LAST, g.last_member_at DESC";

  private static GrievanceClassifier grievances;

  private DedupBootstrap() {}

  /**
   * The grievance classifier of {@value #GRIEVANCES}, read strictly: a bad entry stops start-up
   * with a message naming the file and the entry, rather than reading every grievance as unknown.
   * With it, the model trained on {@value #CORPUS} for the texts its cues leave unknown (a few
   * hundred milliseconds before the gateway first listens; immutable, so kept for the process).
   */
  public static synchronized GrievanceClassifier grievances() throws IOException {
    if (grievances == null) {
      grievances = readGrievances();
    }
    return grievances;
  }

  private static GrievanceClassifier readGrievances() throws IOException {
    GrievanceTaxonomy taxonomy;
    try (InputStream in = resource(GRIEVANCES)) {
      taxonomy = GrievanceTaxonomy.read(in, GRIEVANCES);
    }
    long start = System.nanoTime();
    GrievanceModel model;
    try (InputStream in = resource(CORPUS)) {
      model =
          GrievanceModel.train(
              GrievanceModel.readCorpus(in, CORPUS, source -> false),
              GrievanceModel.DEFAULT_MARGIN);
    }
    LOG.info("grievance {} trained in {} ms", model, (System.nanoTime() - start) / 1_000_000);
    return new GrievanceClassifier(taxonomy, model);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DedupBootstrap.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IOException(name + " is missing from the class path");
    }
    return in;
  }

  /**
   * The HMAC key for complainant identities: the configured one, else one generated on first start
   * and kept in the database, so that identities stay comparable across restarts and nodes.
   */
  public static byte[] identitySecret(PgUrl url, String configured) throws SQLException {
    if (configured != null && !configured.isBlank()) {
      return configured.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    try (Connection c = url.connect()) {
      return ServerSecrets.getOrCreate(c, SECRET_NAME, 32);
    }
  }

  /**
   * Replays every first filing received within the retention window, oldest first: the
   * fingerprinter learns the merchant aliases they taught it (under each record's own key), and the
   * index gets the records back, when {@code restoreIndex} (false when a cluster's shared map
   * already holds them). A node's own alias table is always rebuilt; a cluster's shared one with
   * the shared index. This node's memory of each complainant's filings ({@code recent}) always gets
   * them back, and, in the same pass and order, the duplicates of the duplicate window as tellings
   * of their originals' matters and what each complaint of that window ties of its complainant's
   * numbers ({@link #WINDOW_QUERY}). Returns the count of first filings.
   *
   * <p>A record whose stored fingerprint this version cannot read (written by a newer version
   * before a rollback, or damaged) is left out, counted and logged once: it stays stored and
   * queued, only a re-filing of it is not recognised as a duplicate. Refusing to start over it
   * would stop intake for every record.
   */
  public static long rebuild(
      PgUrl url,
      DedupIndex index,
      Fingerprinter fingerprinter,
      RecentFilings recent,
      boolean restoreIndex,
      DedupOptions options,
      Instant now)
      throws SQLException {
    boolean learn = restoreIndex || !fingerprinter.aliases().shared();
    long n = 0;
    long unreadable = 0;
    try (Connection c = url.connect()) {
      c.setAutoCommit(false); // lets the driver stream with a fetch size
      Instant identitiesFrom = now.minus(options.duplicateWindow());
      try (PreparedStatement ps = c.prepareStatement(WINDOW_QUERY)) {
        ps.setFetchSize(10_000);
        ps.setTimestamp(1, Timestamp.from(now.minus(options.retention())));
        try (ResultSet rs = ps.executeQuery()) {
          UUID previous = null;
          while (rs.next()) {
            Fingerprint fp;
            try {
              fp = Fingerprint.fromBytes(rs.getBytes(1));
            } catch (IllegalArgumentException e) {
              unreadable++;
              continue;
            }
            if (fp.id().equals(previous)) {
              continue; // a member of two groups, kept in the larger, as a read links it
            }
            previous = fp.id();
            UUID original = rs.getObject(5, UUID.class);
            boolean inDuplicateWindow = !rs.getTimestamp(6).toInstant().isBefore(identitiesFrom);
            if (inDuplicateWindow) {
              recent.learnIdentity(fp);
            }
            if (original != null) {
              // A duplicate: one more telling of its original's matter, as decide kept it (the
              // index judged a transfer's alone, and kept none).
              if (inDuplicateWindow && !DedupService.heldOutside(fp)) {
                recent.rememberRefiling(fp, original);
              }
              continue;
            }
            if (learn) {
              // The aliases as the record's own names taught them: a storm member held under
              // another spelling's key (RecentFilings) does not make that spelling an alias.
              String ownKey = rs.getString(4);
              fingerprinter.learn(ownKey == null ? fp : fp.withBlockingKey(ownKey));
            }
            DedupService.rememberFirstFiling(recent, fp);
            UUID cluster = rs.getObject(2, UUID.class);
            int size = cluster == null ? 0 : rs.getInt(3);
            if (cluster != null) {
              recent.rememberGroup(fp, cluster, size);
            }
            if (restoreIndex) {
              index.restore(fp, cluster, size);
            }
            n++;
          }
        }
      }
      c.commit();
    }
    if (unreadable > 0) {
      LOG.warn(
          "{} records have fingerprints this version cannot read (a newer version's, or damaged)"
              + " and were left out of the dedup index: they stay stored and queued, but a"
              + " re-filing of one of them is not recognised as a duplicate",
          unreadable);
    }
    LOG.info(
        "dedup index rebuilt with {} records of the last {} days", n, options.retention().toDays());
    return n;
  }
}
