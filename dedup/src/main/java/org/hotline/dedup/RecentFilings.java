package org.hotline.dedup;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each complainant's recent first filings, for the re-filings that the merchant index cannot see.
 * The index compares a record only with the records under its merchant key, and the same person's
 * same matter often comes back under another spelling of the shop: the sign against the registered
 * name, another branch, a typo ({@code 鹭游国旅} and {@code 鹭游旅行社}, {@code 蜂巢健身} and {@code
 * 厦门蜂巢体育健身有限公司}). The complainant is known exactly (the keyed hash of a phone or ID number), and a
 * person files a handful of complaints a month, so their own recent filings are few and cheap to
 * compare.
 *
 * <p>A filing is a re-filing of one under another merchant key when all of these hold: the same
 * person within the duplicate window; both grievances known and the same; the merchant names alike
 * (one contains the other, or they open with the same two characters) or the same credit code;
 * credit codes not different; amounts, when both are known, agreeing as the index's do; dates of
 * the facts, when both are known, at most {@value Matcher#NEAR_DAY_GAP} days apart. Filings under
 * the same key are left to the index, whose content bars decide there.
 *
 * <p>It is this node's memory: in a cluster a re-filing that reaches another node is judged by the
 * index alone, as before. Bounded by {@code maxPeople} complainants (past it, about a tenth is
 * dropped, as the alias table does) and {@value #MAX_PER_PERSON} filings each; thread-safe.
 */
public final class RecentFilings {
  /** Filings kept per complainant: the newest. */
  public static final int MAX_PER_PERSON = 16;

  /** The most complainants kept, whatever the heap. */
  public static final int MAX_PEOPLE_LIMIT = 1_000_000;

  /** Bytes a complainant with one filing is budgeted at: entry, name, array and map node. */
  public static final long BYTES_PER_PERSON = 320;

  /**
   * Complainants kept for a heap of {@code maxHeapBytes}: a sixteenth of it at {@value
   * #BYTES_PER_PERSON} bytes each, between 10,000 and {@value #MAX_PEOPLE_LIMIT} (a 1 GiB heap
   * keeps 209,715: half a year of Xiamen's filings, or the first fifth of a million-record replay).
   */
  public static int defaultMaxPeople(long maxHeapBytes) {
    return (int) Math.max(10_000, Math.min(MAX_PEOPLE_LIMIT, maxHeapBytes / 16 / BYTES_PER_PERSON));
  }

  /** One first filing, as much of its fingerprint as the comparison needs. */
  private record Entry(
      UUID id,
      long received,
      long phone,
      long idNumber,
      int grievance,
      long amount,
      int day,
      int creditCode,
      String name,
      String blockingKey) {
    static Entry of(Fingerprint fp) {
      String name = fp.nameKey();
      return new Entry(
          fp.id(),
          fp.receivedAtEpochSecond(),
          fp.phoneIdentity(),
          fp.idNumberIdentity(),
          fp.grievanceKey(),
          fp.amountCents(),
          fp.occurredEpochDay(),
          fp.creditCodeHash(),
          name == null ? null : name.substring(MerchantKeys.NAME_PREFIX.length()),
          fp.blockingKey());
    }

    /** The person's key: the phone's hash when known (as the index's identity), else the ID's. */
    Long personKey() {
      return phone != Identity.UNKNOWN ? phone : ~idNumber;
    }
  }

  private static final Entry[] NONE = new Entry[0];

  private final ConcurrentHashMap<Long, Entry[]> byPerson = new ConcurrentHashMap<>();
  private final long windowSeconds;
  private final int maxPeople;

  public RecentFilings(DedupOptions options, int maxPeople) {
    if (maxPeople < 1) {
      throw new IllegalArgumentException("maxPeople must be positive");
    }
    this.windowSeconds = options.duplicateWindow().getSeconds();
    this.maxPeople = maxPeople;
  }

  /** Kept for this JVM's heap ({@link #defaultMaxPeople}). */
  public RecentFilings(DedupOptions options) {
    this(options, defaultMaxPeople(Runtime.getRuntime().maxMemory()));
  }

  /**
   * The index's decision on {@code fp}, made a duplicate when it is the re-filing of one of the
   * person's recent filings under another merchant key: then the index is told to forget {@code
   * fp}, and its group, if it joined one, no longer counts it. Otherwise {@code fp} is remembered
   * as the person's filing.
   */
  public CompletionStage<DedupVerdict> decide(DedupIndex index, Fingerprint fp) {
    return index
        .decide(fp)
        .thenCompose(
            verdict -> {
              if (verdict.kind() == DedupVerdict.Kind.DUPLICATE || !fp.hasIdentity()) {
                return CompletableFuture.completedFuture(verdict);
              }
              Entry now = Entry.of(fp);
              Optional<UUID> original = refiled(now);
              if (original.isEmpty()) {
                remember(now);
                return CompletableFuture.completedFuture(verdict);
              }
              DedupVerdict duplicate =
                  new DedupVerdict(
                      DedupVerdict.Kind.DUPLICATE, original.get(), null, 0, false, null);
              return index.forget(fp).thenApply(ignored -> duplicate);
            });
  }

  /** The newest of the person's filings under another merchant key that {@code fp} repeats. */
  public Optional<UUID> refiled(Fingerprint fp) {
    return fp.hasIdentity() ? refiled(Entry.of(fp)) : Optional.empty();
  }

  /** {@link #refiled(Fingerprint)} of a filing whose complainant is known. */
  private Optional<UUID> refiled(Entry now) {
    if (now.grievance() == 0) {
      return Optional.empty();
    }
    Entry[] entries = byPerson.getOrDefault(now.personKey(), NONE);
    for (int i = entries.length - 1; i >= 0; i--) {
      if (repeats(now, entries[i])) {
        return Optional.of(entries[i].id());
      }
    }
    return Optional.empty();
  }

  /** Keeps {@code fp} as one of its person's filings (a first filing: new or in a group). */
  public void remember(Fingerprint fp) {
    if (fp.hasIdentity()) {
      remember(Entry.of(fp));
    }
  }

  /** {@link #remember(Fingerprint)} of a filing whose complainant is known. */
  private void remember(Entry e) {
    byPerson.compute(e.personKey(), (k, held) -> withEntry(held, e));
    if (byPerson.size() > maxPeople) {
      evictSome();
    }
  }

  /** Forgets {@code fp}: its record was not committed. */
  public void forget(Fingerprint fp) {
    if (!fp.hasIdentity()) {
      return;
    }
    byPerson.computeIfPresent(
        Entry.of(fp).personKey(),
        (k, held) -> {
          Entry[] kept =
              Arrays.stream(held).filter(e -> !e.id().equals(fp.id())).toArray(Entry[]::new);
          return kept.length == 0 ? null : kept;
        });
  }

  /** Complainants held, for tests. */
  public int people() {
    return byPerson.size();
  }

  private boolean repeats(Entry now, Entry earlier) {
    return !earlier.id().equals(now.id())
        && !earlier.blockingKey().equals(now.blockingKey())
        && Math.abs(now.received() - earlier.received()) <= windowSeconds
        && Identity.samePerson(now.phone(), now.idNumber(), earlier.phone(), earlier.idNumber())
        && earlier.grievance() == now.grievance()
        && !Matcher.creditCodesDiffer(now.creditCode(), earlier.creditCode())
        && Matcher.amountsAllow(now.amount(), earlier.amount())
        && (now.day() == Fingerprint.UNKNOWN_DAY
            || earlier.day() == Fingerprint.UNKNOWN_DAY
            || Math.abs(now.day() - earlier.day()) <= Matcher.NEAR_DAY_GAP)
        && sameMerchant(now, earlier);
  }

  private static boolean sameMerchant(Entry a, Entry b) {
    if (a.creditCode() != 0 && a.creditCode() == b.creditCode()) {
      return true;
    }
    return a.name() != null && b.name() != null && namesAlike(a.name(), b.name());
  }

  /**
   * Whether two name cores may name one shop, for the same person's filings: one contains the
   * other, or they open with the same two characters. (Sharing half their character pairs as well
   * was tried: it found three more re-filings in the independent sets and took one person's other
   * matter for a re-filing; dedup/EVALUATION.md.)
   */
  static boolean namesAlike(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    if (shorter.length() >= 2 && longer.contains(shorter)) {
      return true;
    }
    return a.length() >= 2 && b.length() >= 2 && a.regionMatches(0, b, 0, 2);
  }

  /** {@code held} with {@code e} added, entries outside the window and past the cap dropped. */
  private Entry[] withEntry(Entry[] held, Entry e) {
    if (held == null) {
      return new Entry[] {e};
    }
    long oldest = e.received() - windowSeconds;
    Entry[] kept =
        Arrays.stream(held)
            .filter(x -> x.received() >= oldest && !x.id().equals(e.id()))
            .toArray(Entry[]::new);
    int from = Math.max(0, kept.length - (MAX_PER_PERSON - 1));
    Entry[] out = Arrays.copyOfRange(kept, from, kept.length + 1);
    out[out.length - 1] = e;
    return out;
  }

  /** Over the bound, drops about a tenth of the complainants: soft state, like the aliases. */
  private void evictSome() {
    int toDrop = Math.max(1, maxPeople / 10);
    var it = byPerson.keySet().iterator();
    while (toDrop-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
