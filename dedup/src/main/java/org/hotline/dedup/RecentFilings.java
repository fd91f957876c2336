package org.hotline.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.ToIntFunction;
import org.hotline.dedup.text.CreditCodes;
import org.hotline.dedup.text.Sounds;

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
 * (one contains the other, they open with two characters that sound alike, {@link Sounds}, or one
 * opens inside the other), the same credit code, or one filing naming no shop (kept under its
 * address or platform, with no credit code) on the same day or for an agreeing amount, in words
 * that agree ({@link #NAMELESS_WORDS}); credit codes not different; amounts, when both are known,
 * agreeing as the index's do; dates of the facts, when both are known, at most {@value
 * Matcher#NEAR_DAY_GAP} days apart. When one of the two grievances was not read, the index's own
 * rule decides instead ({@link Matcher#sameMatterAgain}: the same purchase lowers the bar, the
 * words must still agree); when neither was, that rule too, for names of which one contains the
 * other or opens inside it. A shop described rather than named ({@link #described}) counts as no
 * name. Filings under the same key are left to the index, whose content bars decide there, but for
 * a re-filing the index forgot (kept as a telling of its original's matter, {@link
 * #rememberRefiling}): a filing under its very key is judged here by the index's rule.
 *
 * <p>The same memory, looked up by grievance and merchant spelling, keeps a group complaint under
 * one key: a storm's members write the shop as they saw it, and a filing that found nothing under
 * its own key is decided again under the key of another spelling that another complainant used for
 * the same grievance within the group window ({@link #stormKey}), unless its own key is a shop of
 * its own: a numbered branch, or a key that another first filing of the grievance (or of one
 * unread), or two of other grievances, were kept under that week.
 *
 * <p>It is this node's memory: in a cluster a filing that reaches another node is judged by the
 * index alone, as before. Bounded by {@code maxPeople} filings of known complainants (the newest;
 * {@link PersonFilings}, found under the phone and the ID number alike) and as many spelling
 * buckets (past that, about a tenth is dropped, as the alias table does), {@value #MAX_PER_PERSON}
 * filings a person compared and {@value #MAX_PER_SPELLING} spellings a bucket; thread-safe.
 */
public final class RecentFilings {
  /** Filings of a complainant compared with a new one: the newest within the window. */
  public static final int MAX_PER_PERSON = 16;

  /** The most complainants kept, whatever the heap. */
  public static final int MAX_PEOPLE_LIMIT = 1_000_000;

  /**
   * Bytes a complainant with one filing is budgeted at: its row in {@link PersonFilings} (about 170
   * bytes with the content's MinHash signature that a re-filing with one grievance unread is
   * compared by), its merchant key and name, and its place in the index of person keys. The maps by
   * merchant key and by spelling are bounded by the same count and not in this budget.
   */
  public static final long BYTES_PER_PERSON = 424;

  /**
   * Complainants kept for a heap of {@code maxHeapBytes}: a sixteenth of it at {@value
   * #BYTES_PER_PERSON} bytes each, between 10,000 and {@value #MAX_PEOPLE_LIMIT} (a 1 GiB heap
   * keeps 158,275: two fifths of a year of Xiamen's filings, about five duplicate windows, or the
   * first sixth of a million-record replay).
   */
  public static int defaultMaxPeople(long maxHeapBytes) {
    return (int) Math.max(10_000, Math.min(MAX_PEOPLE_LIMIT, maxHeapBytes / 16 / BYTES_PER_PERSON));
  }

  /**
   * One first filing, as much of its fingerprint as the comparison needs; its signature is the
   * {@value MinHash#WORDS} longs of {@code signature} from {@code signatureOffset} (a fingerprint's
   * own array, or the slab of {@link PersonFilings}, which keeps no entry objects).
   */
  record Entry(
      long idHigh,
      long idLow,
      long rootHigh,
      long rootLow,
      String rootKey,
      long received,
      long phone,
      long idNumber,
      int grievance,
      long amount,
      int day,
      int creditCode,
      String name,
      String blockingKey,
      int district,
      long[] signature,
      int signatureOffset) {
    static Entry of(Fingerprint fp) {
      String name = fp.nameKey();
      return new Entry(
          fp.id().getMostSignificantBits(),
          fp.id().getLeastSignificantBits(),
          fp.id().getMostSignificantBits(),
          fp.id().getLeastSignificantBits(),
          fp.blockingKey(),
          fp.receivedAtEpochSecond(),
          fp.phoneIdentity(),
          fp.idNumberIdentity(),
          fp.grievanceKey(),
          fp.amountCents(),
          fp.occurredEpochDay(),
          fp.creditCodeHash(),
          name == null ? null : name.substring(MerchantKeys.NAME_PREFIX.length()),
          fp.blockingKey(),
          Matcher.district(fp.place()),
          fp.signatureWords(),
          0);
    }

    boolean sameId(Entry other) {
      return idHigh == other.idHigh && idLow == other.idLow;
    }

    /** This entry with its amount unknown, everything else the same. */
    Entry withoutAmount() {
      return with(name, district, Fingerprint.UNKNOWN_AMOUNT);
    }

    /** This entry with amount {@code cents}, everything else the same. */
    Entry withAmount(long cents) {
      return with(name, district, cents);
    }

    /** This entry in district {@code code}, everything else the same. */
    Entry placed(int code) {
      return with(name, code);
    }

    /** This entry under another name core ({@link Fingerprint#sign}), everything else the same. */
    Entry named(String other) {
      return with(other, district);
    }

    private Entry with(String otherName, int otherDistrict) {
      return with(otherName, otherDistrict, amount);
    }

    private Entry with(String otherName, int otherDistrict, long otherAmount) {
      return new Entry(
          idHigh,
          idLow,
          rootHigh,
          rootLow,
          rootKey,
          received,
          phone,
          idNumber,
          grievance,
          otherAmount,
          day,
          creditCode,
          otherName,
          blockingKey,
          otherDistrict,
          signature,
          signatureOffset);
    }

    /**
     * This entry as a telling of {@code root}'s matter: found as that filing ({@link
     * PersonFilings#newestMatch} answers the root), with {@code root}'s amount and day where its
     * own are unknown.
     */
    Entry tellingOf(Entry root) {
      return new Entry(
          idHigh,
          idLow,
          root.rootHigh,
          root.rootLow,
          root.rootKey,
          received,
          phone,
          idNumber,
          grievance,
          amount >= 0 ? amount : root.amount,
          day != Fingerprint.UNKNOWN_DAY ? day : root.day,
          creditCode,
          name,
          blockingKey,
          district,
          signature,
          signatureOffset);
    }

    /** Whether this entry is a telling of another filing's matter ({@link #tellingOf}). */
    boolean telling() {
      return rootHigh != idHigh || rootLow != idLow;
    }

    /**
     * Whether this is a telling under another key than its original's: the index forgot it (a
     * re-filing found here, under another spelling), so a later filing under its very key is
     * compared here.
     */
    boolean forgotten() {
      return telling() && !blockingKey.equals(rootKey);
    }

    /**
     * The person's keys: the phone's hash and the ID number's (complemented), each when known. A
     * person who gives only an ID number to 12345 and both to the call centre is found under
     * either.
     */
    long[] personKeys() {
      return personKeys(phone, idNumber);
    }

    /** {@link #personKeys()} of a filing with these identities. */
    static long[] personKeys(long phone, long idNumber) {
      if (phone == Identity.UNKNOWN) {
        return new long[] {~idNumber};
      }
      return idNumber == Identity.UNKNOWN ? new long[] {phone} : new long[] {phone, ~idNumber};
    }
  }

  /**
   * One first filing as a spelling of its merchant, for another complainant's filing of the same
   * storm, with when the same spelling was used before under the same key ({@code previous}, epoch
   * seconds, {@link Long#MIN_VALUE} for never within the group window).
   */
  private record Spelling(Entry filing, long previous, int filings) {
    /**
     * The spelling of a filing with a known grievance and a name of two characters or more, that
     * names no numbered branch; else null.
     */
    static Spelling of(Entry e) {
      if (e.grievance() == 0 || e.name() == null || e.name().length() < 2 || numbered(e.name())) {
        return null; // a number names a branch of a chain ("3号店"): another shop, not a spelling
      }
      return new Spelling(e, Long.MIN_VALUE, 1);
    }

    String name() {
      return filing.name();
    }

    String blockingKey() {
      return filing.blockingKey();
    }

    long received() {
      return filing.received();
    }

    /** A digit, or a Chinese numeral before 号 ({@code 二号}): a numbered branch. */
    static boolean numbered(String key) {
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if ((Character.isDigit(c) && !dealership(key, i))
            || (c == '号' && i > 0 && "一二三四五六七八九十百".indexOf(key.charAt(i - 1)) >= 0)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the digit at {@code i} is a car dealership's {@code 4s} (盛驰丰田4S店): no branch. */
    static boolean dealership(String key, int i) {
      return key.startsWith("4s", i)
          && (i + 2 == key.length() || !Character.isDigit(key.charAt(i + 2)));
    }

    /**
     * Where alike spellings are looked for: the grievance and how a pair of the name's characters
     * sound ({@link Sounds#key}), so that a name typed by ear ({@code 路风} for {@code 鹭风}) is found.
     * One bucket for each pair that opens a run of three characters or more, not only the first: a
     * storm's members put words before the shop's own name ({@code 渔家海之味} beside {@code 海之味}).
     */
    long[] buckets() {
      String name = name();
      long[] out = new long[Math.max(1, name.length() - 2)];
      for (int i = 0; i < out.length; i++) {
        out[i] =
            ((long) filing.grievance() << 32)
                | ((long) Sounds.key(name.charAt(i)) << 16)
                | Sounds.key(name.charAt(i + 1));
      }
      // Once each: a name that repeats a pair (巴拉巴拉童装) must not be kept twice in one bucket,
      // where its second copy would count as an earlier filing of its own. (A name is a few
      // characters: a scan of the ones before beats boxing each into a set, as distinct() did.)
      int n = 0;
      for (long b : out) {
        boolean seen = false;
        for (int j = 0; j < n && !seen; j++) {
          seen = out[j] == b;
        }
        if (!seen) {
          out[n++] = b;
        }
      }
      return n == out.length ? out : Arrays.copyOf(out, n);
    }
  }

  /**
   * Filings under another spelling's key that a three-character name needs before it joins the
   * storm there: such a short core is often a stem two shops share ({@code 老船长电器} and {@code
   * 老船长专营店}). Longer names need one, and so does a short one when both filings place the shop in
   * one district ({@link #filingsNeeded}).
   */
  static final int STORM_FILINGS = 2;

  /**
   * Members a storm's longer spelling needs for a two-character sign ({@code 力美} beside {@code
   * 力美健身}) that is not placed in its district by both filings: a short stem many shops share, but
   * not in the same week with the same grievance beside a storm of its own.
   */
  static final int TWO_CHARACTER_MEMBERS = 3;

  /**
   * Length (in characters, of the shorter name) from which one earlier filing under an alike
   * spelling is enough.
   */
  static final int DISTINCT_NAME = 4;

  /** Characters of a name's opening that, found inside another name, make the two alike. */
  static final int OPENING = 3;

  /** Spellings kept per grievance and the sound of a pair of characters (a bucket): the newest. */
  static final int MAX_PER_SPELLING = 8;

  private static final Spelling[] NO_SPELLINGS = new Spelling[0];

  private final PersonFilings byPerson;
  private final ConcurrentHashMap<Long, Spelling[]> bySpelling = new ConcurrentHashMap<>();

  /**
   * The newest first filings of each known grievance in each district ({@link #PLACE_RING} of
   * them), for a shop only described ({@link #describedStorm}).
   */
  private final ConcurrentHashMap<Long, PlaceRing> byPlace = new ConcurrentHashMap<>();

  /** First filings kept per grievance and district for {@link #describedStorm}: the newest. */
  static final int PLACE_RING = 64;

  /** A grievance's and district's newest first filings, oldest overwritten. */
  private static final class PlaceRing {
    private final Entry[] entries = new Entry[PLACE_RING];
    private int next;

    synchronized void add(Entry e) {
      entries[next] = e;
      next = (next + 1) % entries.length;
    }

    synchronized Entry[] held() {
      return entries.clone();
    }
  }

  /** A merchant key whose storm went to another spelling's key: where its filings follow, until. */
  private record Move(String target, int grievance, long until) {}

  private final ConcurrentHashMap<String, Move> moves = new ConcurrentHashMap<>();

  /**
   * Keys of names written by ear ({@link Fingerprint#heard}: 先果园（音） for the storm's 鲜果缘), until
   * when: a storm's spelling compared with one of them may have each character stand for another
   * that sounds alike ({@link #fits}).
   */
  private final ConcurrentHashMap<String, Long> heardKeys = new ConcurrentHashMap<>();

  /**
   * Re-filings kept in the index under their own key because they joined a group there, by id, with
   * the original whose matter each stands in for ({@link #decide}): a later duplicate of one is
   * linked to that original.
   */
  private final ConcurrentHashMap<UUID, UUID> standIns = new ConcurrentHashMap<>();

  /** The groups this memory's verdicts formed, to make one of a storm's two ({@link #standIn}). */
  private final SeenGroups seenGroups;

  /**
   * What was kept under each merchant key, one {@link Uses} a key: the two newest first filings of
   * any grievance and, for each grievance key a first filing was kept with, when the last one was.
   * One small object and one array a key instead of a map entry per key and grievance, each with
   * its own joined string and boxed time: four objects fewer a filing for the collector to mark,
   * and no string built to look one up.
   */
  private final ConcurrentHashMap<String, Uses> usedUnder = new ConcurrentHashMap<>();

  /** Slots of a {@link Uses} array before its grievances: two times, two folded ids. */
  private static final int USE_HEADER = 4;

  private final long windowSeconds;
  private final long groupWindowSeconds;
  private final int maxPeople;
  private final DedupOptions options;

  /** The length of the place a name core opens with ({@link Fingerprinter#placeOpening}), or 0. */
  private final ToIntFunction<String> placeOpening;

  /** The phones tied to ID numbers by filings that gave both ({@link IdentityLinks}). */
  private final IdentityLinks links;

  public RecentFilings(DedupOptions options, int maxPeople) {
    this(options, maxPeople, core -> 0);
  }

  /**
   * A memory that knows the city's places: two of a person's shops whose names open with one place
   * ({@code 八市阿玲水果}, {@code 八市老陈水果摊}) are compared by what follows it.
   *
   * @param placeOpening the length of the place a name core opens with, 0 for none ({@link
   *     Fingerprinter#placeOpening})
   */
  public RecentFilings(DedupOptions options, int maxPeople, ToIntFunction<String> placeOpening) {
    this.placeOpening = Objects.requireNonNull(placeOpening, "placeOpening");
    if (maxPeople < 1) {
      throw new IllegalArgumentException("maxPeople must be positive");
    }
    this.windowSeconds = options.duplicateWindow().getSeconds();
    this.groupWindowSeconds = options.clusterWindow().getSeconds();
    this.maxPeople = maxPeople;
    this.options = options;
    this.byPerson = new PersonFilings(maxPeople, MAX_PER_PERSON, windowSeconds);
    this.links = new IdentityLinks(Math.max(1, maxPeople / 4));
    this.seenGroups = new SeenGroups(maxPeople, options.escalationThreshold());
    Sounds.warm();
  }

  /** Kept for this JVM's heap ({@link #defaultMaxPeople}). */
  public RecentFilings(DedupOptions options) {
    this(options, defaultMaxPeople(Runtime.getRuntime().maxMemory()));
  }

  /** {@link #RecentFilings(DedupOptions, int, ToIntFunction)} of the default size. */
  public RecentFilings(DedupOptions options, ToIntFunction<String> placeOpening) {
    this(options, defaultMaxPeople(Runtime.getRuntime().maxMemory()), placeOpening);
  }

  /**
   * A decision: the fingerprint as the index now holds it, the verdict on it, and the key the
   * record's own merchant names gave (the fingerprint's, unless the record joined a storm under
   * another spelling's key): the key the merchant aliases learn from at a restart.
   */
  public record Decided(Fingerprint fingerprint, DedupVerdict verdict, String ownKey) {}

  /** {@link #decide(DedupIndex, Fingerprint, Executor)} continuing on the index's own thread. */
  public CompletionStage<Decided> decide(DedupIndex index, Fingerprint fp) {
    return decide(index, fp, Runnable::run);
  }

  /**
   * The index's decision on {@code filed}, with what this memory adds to it:
   *
   * <ul>
   *   <li>before the index is asked: a filing under a key whose storm moved to another spelling's
   *       key this week follows it ({@link #redirected}); else, when its own key is not a shop of
   *       its own ({@link #established}: no first filing of its grievance or unread, nor two of
   *       any, kept there within the duplicate window, so the index holds no original there) and
   *       other people filed the same known grievance this week under another spelling of the
   *       merchant ({@link #stormKey}), it is decided under that spelling's key, where the storm's
   *       members are. One decision, under the key the record will be held and stored under;
   *   <li>after: a duplicate, when it is the re-filing of one of the person's recent filings under
   *       another merchant key: then the index is told to forget it, and its group, if it joined
   *       one, no longer counts it.
   * </ul>
   *
   * A first filing is then remembered, by its person and by its spelling.
   *
   * @param after runs what follows the index's answer: in a cluster the answer comes on a Hazelcast
   *     thread, which must not call the cluster again (the caller's event loop)
   */
  public CompletionStage<Decided> decide(DedupIndex index, Fingerprint filed, Executor after) {
    links.learn(filed);
    Fingerprint given = links.complete(filed);
    if (given.heard() && given.indexable()) {
      // A name written by ear: its key's spellings are compared by sound for a few windows.
      heardKeys.put(given.blockingKey(), given.receivedAtEpochSecond() + 3 * groupWindowSeconds);
      if (heardKeys.size() > maxPeople) {
        evictSome(heardKeys);
      }
    }
    Fingerprint followed = redirected(given);
    String storm = followed == given ? stormOf(given) : null;
    Fingerprint fp = storm == null ? followed : given.withBlockingKey(storm);
    String ownKey = given.blockingKey();
    return index
        .decide(fp)
        .thenComposeAsync(
            verdict -> {
              if (verdict.kind() == DedupVerdict.Kind.DUPLICATE) {
                DedupVerdict linked = seenGroups.carried(throughStandIn(verdict));
                rememberRefiling(fp, linked.duplicateOf());
                return CompletableFuture.completedFuture(new Decided(fp, linked, ownKey));
              }
              Entry now = Entry.of(fp);
              Optional<UUID> original = originalOf(fp, now);
              if (original.isPresent()) {
                rememberRefiling(fp, original.get());
                if (verdict.kind() == DedupVerdict.Kind.CLUSTERED) {
                  return CompletableFuture.completedFuture(
                      new Decided(fp, standIn(fp, original.get(), verdict), ownKey));
                }
                return refiledUnderAnotherKey(index, fp, original.get(), ownKey);
              }
              remember(fp, now);
              if (verdict.kind() != DedupVerdict.Kind.CLUSTERED) {
                return CompletableFuture.completedFuture(new Decided(fp, verdict, ownKey));
              }
              if (storm != null) {
                follow(ownKey, storm, fp);
              }
              Others others = otherSpellings(fp, verdict.clusterId());
              List<UUID> ids = new ArrayList<>(others.lone().size());
              for (Entry e : others.lone()) {
                ids.add(new UUID(e.idHigh(), e.idLow()));
                follow(e.blockingKey(), fp.blockingKey(), fp);
              }
              for (Entry e : others.grouped()) {
                follow(e.blockingKey(), fp.blockingKey(), fp);
              }
              return CompletableFuture.completedFuture(
                  new Decided(fp, seenGroups.clustered(fp, verdict, ids, others.groups()), ownKey));
            },
            after);
  }

  /**
   * The key of the storm {@code fp} belongs to under another spelling ({@link #stormKey}), when its
   * own key is no shop of its own ({@link #established}); else null.
   */
  private String stormOf(Fingerprint fp) {
    if (!fp.indexable() || established(fp)) {
      return null;
    }
    Entry e = registeredPlace(Entry.of(fp), fp.creditKey());
    String key = stormKey(Spelling.of(e));
    // A registered name whose text gives the shop's sign (厦门梵音健康管理有限公司（梵音瑜伽）): the storm's
    // members wrote the sign.
    if (key == null && fp.sign() != null) {
      key = stormKey(Spelling.of(e.named(fp.sign())));
    }
    return key != null ? key : describedStorm(e);
  }

  /**
   * The key of the one storm of {@code e}'s grievance in its district whose spellings name the kind
   * of shop {@code e} only describes ({@link #kindOf}: 12345's {@code 湖里区五缘湾乐都汇商场三楼一家健身房} beside
   * the storm's {@code 力美健身} in 湖里, both prepaid; {@code 嘉庚路一家照相馆} beside {@code 拾光照相}, set BA),
   * with {@value #STORM_FILINGS} members or more there within the group window, of other people,
   * with dates that allow it; null when none, or when two storms there name the kind (which shop is
   * not said).
   */
  private String describedStorm(Entry e) {
    String kind = e.district() != 0 && described(e) ? kindOf(e.name()) : null;
    PlaceRing ring = kind == null ? null : byPlace.get(placeKey(e));
    if (ring == null) {
      return null;
    }
    Map<String, Integer> members = new HashMap<>();
    Set<String> named = new HashSet<>();
    for (Entry b : ring.held()) {
      if (b != null
          && !b.blockingKey().equals(e.blockingKey())
          && Math.abs(e.received() - b.received()) <= groupWindowSeconds
          && !Identity.samePerson(e.phone(), e.idNumber(), b.phone(), b.idNumber())
          && (Matcher.daysWithin(e.day(), b.day(), Matcher.MAX_DAY_GAP) || undated(e, b))) {
        members.merge(b.blockingKey(), 1, Integer::sum);
        if (holdsKind(b.name(), kind)) {
          named.add(b.blockingKey());
        }
      }
    }
    String storm = null;
    for (String key : named) {
      if (members.get(key) >= STORM_FILINGS) {
        if (storm != null) {
          return null;
        }
        storm = key;
      }
    }
    return storm;
  }

  /** The key of {@link #byPlace}: a grievance and a district. */
  private static long placeKey(Entry e) {
    return (long) e.grievance() << 32 | (e.district() & 0xFFFFFFFFL);
  }

  /**
   * {@code e}, a filing that places its shop nowhere, placed where the bureau that registered it is
   * ({@code cc:91350203…} in 思明: the registering authority's division code, characters 3 to 8 of
   * the credit code), for the storm's spellings only: a member under the company's registered name
   * and code, with no address, beside the sign's members in that district (set AS: 厦门雪域服饰有限公司
   * beside 雪域羽绒服清仓店 in 思明). A code the city's bureau registered ({@code 350200}) places it in no
   * district of the shop's. Not for the index's place nor the person's filings: a registered seat
   * need not be where the shop is.
   */
  private static Entry registeredPlace(Entry e, String creditKey) {
    if (e.district() != 0 || creditKey == null) {
      return e;
    }
    String division =
        CreditCodes.registeringDivision(
            creditKey.substring(MerchantKeys.CREDIT_CODE_PREFIX.length()));
    return division == null ? e : e.placed(Integer.parseInt(division));
  }

  /**
   * Whether another first filing of {@code fp}'s grievance, or of one unread, was kept under {@code
   * fp}'s own key within the duplicate window: then that key is a shop of its own (a second 渔港海鲜
   * beside 渔港海鲜大排档), not a storm member's way of writing another's name, and the index may hold an
   * original there: {@code fp} stays. So is a name that two other first filings of any grievance
   * were kept under that week: people used it as the shop's name. One filing of another grievance
   * is neither (an original of {@code fp}'s matter has its grievance), and before the storm showed
   * itself it took the members that followed under that name away from the storm ({@code 启明星英语}'s
   * personal information complaint the week before the school closed).
   */
  private boolean established(Fingerprint fp) {
    if (!fp.indexable()) {
      return false;
    }
    Uses uses = usedUnder.get(fp.blockingKey());
    return uses != null
        && uses.established(fp.grievanceKey(), fp.receivedAtEpochSecond(), windowSeconds);
  }

  /**
   * {@code fp} under the key its own key's storm filings moved to, when one did within the group
   * window and {@code fp}'s grievance is that storm's or unknown: the members the classifier could
   * not read follow the storm rather than found a second group under the old key.
   */
  private Fingerprint redirected(Fingerprint fp) {
    Move m = fp.indexable() ? moves.get(fp.blockingKey()) : null;
    if (m == null
        || fp.receivedAtEpochSecond() > m.until()
        || Matcher.grievancesDiffer(fp.grievanceKey(), m.grievance())
        || intoAnotherCodesBlock(fp.creditCodeHash(), m.target())) {
      return fp;
    }
    return fp.withBlockingKey(m.target());
  }

  /**
   * The person's earlier filing {@code fp} (as {@code now}) re-files under another key, if any: one
   * it repeats ({@link #refiled}); failing that, when its only amount is read from its text, one it
   * repeats without that amount (often what was paid, 收了168元, where the first filing gave what is
   * owed, 60元: the days and the rest decide); failing that, when its amount field is given, one it
   * repeats with another amount its text states ({@link Fingerprint#textAmounts}); failing that,
   * when its text says it follows up a filing, the one it follows up ({@link #followedUp}). None
   * for an anonymous filing or one that announces another matter.
   */
  private Optional<UUID> originalOf(Fingerprint fp, Entry now) {
    if (!fp.hasIdentity() || fp.announcesAnotherMatter()) {
      return Optional.empty();
    }
    Optional<UUID> original = refiled(now);
    if (original.isEmpty() && fp.amountFromText()) {
      original = refiled(now.withoutAmount());
    }
    // The field gives what is claimed back (退还多收的480元), the text restates what was paid, as the
    // first filing gave it (结账680元): asked again with each amount the text states (set BO).
    for (int i = 0; original.isEmpty() && i < fp.textAmounts().length; i++) {
      if (fp.textAmounts()[i] != fp.amountCents()) {
        original = refiled(now.withAmount(fp.textAmounts()[i]));
      }
    }
    if (original.isEmpty() && fp.followsUp()) {
      original = followedUp(now);
    }
    return original;
  }

  /**
   * The newest of the person's filings under another merchant key that {@code now} repeats; {@code
   * now}'s complainant is known.
   */
  private Optional<UUID> refiled(Entry now) {
    return Optional.ofNullable(byPerson.newestMatch(now, this::repeats));
  }

  /**
   * How recent the filing a follow-up ({@link Fingerprint#followsUp}) refers to must be: two weeks,
   * as 12345's work orders restate a call a week or more on (set BV: nine days; +10 re-filings on
   * the labelled sets over one week, none false).
   */
  static final long FOLLOW_UP_SECONDS = 14 * 86_400L;

  /**
   * The person's filing that {@code now}, whose text says it follows up a filing already made,
   * refers to: their newest of the last {@link #FOLLOW_UP_SECONDS} under any key, its own included
   * (the index judged it there by the grievance, which a follow-up stressing another side of the
   * matter may change), not in another district, with dates of the facts that allow one matter (not
   * amounts: one telling gives the price on the tag, 38元, the next the bill, 320元; 11 more
   * re-filings on the labelled sets without them, none false), and grievances not two (one unread,
   * the same, or kin); or, when the grievances are two, the person's only filing of the duplicate
   * window: a person with two matters at one shop (set A: a beauty salon's leak of their data and
   * its forced upsell) follows up one of them, and which one only the grievance says.
   */
  private Optional<UUID> followedUp(Entry now) {
    UUID same =
        byPerson.newestMatch(
            now, (a, earlier) -> followed(a, earlier) && !grievancesTwo(a, earlier));
    if (same != null) {
      return Optional.of(same);
    }
    long window = options.duplicateWindow().getSeconds();
    Set<UUID> recent = new HashSet<>(); // a filing with a phone and an ID number is met twice
    UUID[] only = new UUID[1];
    byPerson.newestMatch(
        now,
        (a, earlier) -> {
          if (!earlier.sameId(a)
              && !earlier.telling()
              && a.received() - earlier.received() <= window
              && Identity.samePerson(
                  a.phone(), a.idNumber(), earlier.phone(), earlier.idNumber())) {
            UUID id = new UUID(earlier.idHigh(), earlier.idLow());
            recent.add(id);
            if (followed(a, earlier)) {
              only[0] = id;
            }
          }
          return false;
        });
    return recent.size() == 1 ? Optional.ofNullable(only[0]) : Optional.empty();
  }

  /**
   * Whether {@code earlier} may be the filing {@code now} follows up, its grievance aside: its
   * newer, of the last {@link #FOLLOW_UP_SECONDS}, not in another district or under another credit
   * code, its days of the facts within a week.
   */
  private static boolean followed(Entry now, Entry earlier) {
    return !earlier.sameId(now)
        && now.received() >= earlier.received()
        && now.received() - earlier.received() <= FOLLOW_UP_SECONDS
        && Identity.samePerson(now.phone(), now.idNumber(), earlier.phone(), earlier.idNumber())
        && !Matcher.districtsDiffer(now.district(), earlier.district())
        && Matcher.daysWithin(now.day(), earlier.day(), Matcher.MAX_DAY_GAP)
        && !Matcher.creditCodesDiffer(now.creditCode(), earlier.creditCode());
  }

  /** Both grievances read and two, kin aside ({@link DedupOptions#asJudged}). */
  private boolean grievancesTwo(Entry now, Entry earlier) {
    return Matcher.grievancesDiffer(
        now.grievance(), options.asJudged(now.grievance(), earlier.grievance()));
  }

  /**
   * {@code fp}, a re-filing of {@code original} under another key that joined a group of other
   * people's filings under its own ({@code grouped}: 极客手机快修 beside the storm there, the person's
   * first filing under 极客快修, set AT): the index keeps it there as its matter's stand-in, and the
   * duplicate carries the group with the original and the records it joined the group with as
   * members, so the person's matter is in the storm it belongs to.
   */
  private DedupVerdict standIn(Fingerprint fp, UUID original, DedupVerdict grouped) {
    standIns.put(fp.id(), original);
    if (standIns.size() > maxPeople) {
      evictSome(standIns);
    }
    List<UUID> members = new ArrayList<>(grouped.joinedWith());
    members.add(original);
    SeenGroups.Absorbed absorbed =
        seenGroups.absorb(
            fp,
            original,
            new DedupVerdict(
                DedupVerdict.Kind.DUPLICATE,
                original,
                grouped.clusterId(),
                grouped.clusterSize(),
                grouped.escalated(),
                members));
    if (absorbed.from() != null) {
      follow(absorbed.from(), fp.blockingKey(), fp);
    }
    return absorbed.verdict();
  }

  /**
   * Sends the filings under {@code from} of {@code fp}'s grievance to {@code to}, where their storm
   * is, for the clustering window after {@code fp}.
   */
  private void follow(String from, String to, Fingerprint fp) {
    moves.put(
        from, new Move(to, fp.grievanceKey(), fp.receivedAtEpochSecond() + groupWindowSeconds));
    if (moves.size() > maxPeople) {
      evictSome(moves);
    }
  }

  /** A duplicate of a stand-in ({@link #standIn}) as one of the original it stands in for. */
  private DedupVerdict throughStandIn(DedupVerdict duplicate) {
    UUID original = standIns.get(duplicate.duplicateOf());
    return original == null
        ? duplicate
        : DedupVerdict.duplicateOf(original, duplicate.clusterId(), duplicate.clusterSize());
  }

  /**
   * {@code fp}, the index having judged it under its own key, a duplicate of {@code original} found
   * under another: the index forgets it (and its group, if it joined one, no longer counts it).
   */
  private static CompletionStage<Decided> refiledUnderAnotherKey(
      DedupIndex index, Fingerprint fp, UUID original, String ownKey) {
    DedupVerdict duplicate = DedupVerdict.duplicateOf(original);
    return index.forget(fp).thenApply(ignored -> new Decided(fp, duplicate, ownKey));
  }

  /**
   * {@code kept}, a complaint outside market regulation held under a key that opens with {@code
   * space}, decided by the index under that key alone, then among its person's earlier filings in
   * that space under other keys ({@link #refiledIn}); a first filing is remembered as its person's
   * only ({@link #rememberPerson}). {@code ownKey} is the key its merchant gave, outside the space.
   * {@code after} runs what follows the index's answer, as for {@link #decide}.
   */
  public CompletionStage<Decided> decideOutside(
      DedupIndex index, Fingerprint kept, String space, String ownKey, Executor after) {
    return index
        .decide(kept)
        .thenComposeAsync(
            verdict -> {
              learnIdentity(kept);
              if (verdict.kind() == DedupVerdict.Kind.DUPLICATE) {
                return CompletableFuture.completedFuture(new Decided(kept, verdict, ownKey));
              }
              Optional<UUID> original = refiledIn(space, kept);
              if (original.isPresent()) {
                return refiledUnderAnotherKey(index, kept, original.get(), ownKey);
              }
              rememberPerson(kept);
              return CompletableFuture.completedFuture(new Decided(kept, verdict, ownKey));
            },
            after);
  }

  /**
   * The newest of the person's filings held under a key that opens with {@code space} (a transfer's
   * space of matters outside market regulation) that {@code fp}, judged in that space, repeats
   * under another key: a ride-hailing complaint filed as {@code 滴滴出行}, then as {@code 滴滴} (set AC).
   * The same purchase only (the same day or the next, or agreeing amounts): a person takes many
   * rides with one company, and another ride's overcharge is another matter. The index saw only its
   * own key; no market filing is asked.
   */
  private Optional<UUID> refiledIn(String space, Fingerprint fp) {
    if (!fp.hasIdentity() || fp.announcesAnotherMatter()) {
      return Optional.empty();
    }
    Entry now = Entry.of(links.complete(fp));
    return Optional.ofNullable(
        byPerson.newestMatch(
            now,
            (a, earlier) ->
                earlier.blockingKey().startsWith(space)
                    && samePurchase(a, earlier)
                    && repeats(a, earlier)));
  }

  /**
   * Keeps {@code fp}, a re-filing of {@code original}, as one of its person's filings too: the
   * person's next filing may repeat this telling (its shop's name, its amount, its words) rather
   * than the first one's (set T: a used-car dealer first described, then named by its sign, then by
   * its registered name). A filing that repeats it is a duplicate of {@code original}. {@link
   * #decide} calls it for each duplicate; a rebuild for each stored one, in the order they came.
   */
  public void rememberRefiling(Fingerprint fp, UUID original) {
    if (!fp.hasIdentity() || original == null) {
      return;
    }
    Entry now = Entry.of(fp);
    long high = original.getMostSignificantBits();
    long low = original.getLeastSignificantBits();
    Entry[] root = new Entry[1];
    byPerson.newestMatch(
        now,
        (n, earlier) -> {
          if (earlier.idHigh() != high || earlier.idLow() != low) {
            return false;
          }
          root[0] = earlier;
          return true;
        });
    if (root[0] == null) {
      // The original is not in this node's memory (another node judged it, or it left the ring):
      // a telling without its facts would have nothing to disagree with.
      return;
    }
    byPerson.add(now.tellingOf(root[0]));
  }

  /**
   * Keeps {@code fp} as a first filing (new or in a group): one of its person's, and one spelling
   * of its merchant for its grievance. What it ties of its person's numbers is learnt apart ({@link
   * #learnIdentity}): a rebuild replays every stored filing for that in the order they came.
   */
  public void remember(Fingerprint fp) {
    remember(fp, Entry.of(fp));
  }

  /**
   * Notes that {@code fp}, a stored first filing, is a member of group {@code cluster} of stored
   * size {@code size}: a rebuild calls it for each first filing in a group, so that a re-filing
   * after a restart still makes one of a storm's two groups ({@link SeenGroups}).
   */
  public void rememberGroup(Fingerprint fp, UUID cluster, int size) {
    seenGroups.restored(fp.id(), cluster, fp.blockingKey(), size);
  }

  /**
   * Keeps {@code fp} as one of its person's filings only, not as a spelling of its merchant nor as
   * a use of its key: a complaint outside market regulation (a transfer), whose key lies in a space
   * of its own. The same person's re-filing of it without the category that sent it away is then
   * its duplicate, not a second matter in a district's queue (set S); no market storm learns a
   * spelling from it.
   */
  public void rememberPerson(Fingerprint fp) {
    if (fp.hasIdentity()) {
      byPerson.add(Entry.of(fp));
    }
  }

  /**
   * Learns what a filing ties of its person's numbers (a filing that gave the phone and the ID
   * number): {@link #decide} does it for each filing it is given; a transfer's judgement and a
   * rebuild, which replays every stored complaint of the duplicate window in the order they came,
   * first filings and duplicates alike, call it.
   */
  public void learnIdentity(Fingerprint fp) {
    links.learn(fp);
  }

  /** {@link #remember(Fingerprint)} with its entry. */
  private void remember(Fingerprint fp, Entry e) {
    if (fp.hasIdentity()) {
      byPerson.add(e);
    }
    if (!fp.indexable()) {
      return;
    }
    long at = fp.receivedAtEpochSecond();
    long id = fp.id().getMostSignificantBits() ^ fp.id().getLeastSignificantBits();
    int grievance = fp.grievanceKey();
    Uses uses = usedUnder.get(fp.blockingKey());
    if (uses == null) {
      uses = usedUnder.putIfAbsent(fp.blockingKey(), new Uses(at, id, grievance));
      if (uses == null && usedUnder.size() > maxPeople) {
        evictSome(usedUnder);
      }
    }
    if (uses != null) {
      uses.add(at, id, grievance);
    }
    Spelling s = Spelling.of(e);
    if (s != null) {
      for (long bucket : s.buckets()) {
        bySpelling.compute(bucket, (k, held) -> withSpelling(held, s));
      }
      if (bySpelling.size() > maxPeople) {
        evictSome(bySpelling);
      }
      if (e.district() != 0 && !described(e)) {
        byPlace.computeIfAbsent(placeKey(e), k -> new PlaceRing()).add(e);
        if (byPlace.size() > maxPeople) {
          evictSome(byPlace);
        }
      }
    }
  }

  /**
   * The blocking key of another spelling of {@code fp}'s merchant under which another complainant
   * filed the same known grievance within the group window (the join window of a grievance whose
   * dates say nothing, {@link DedupOptions#joinWindowSeconds}: a closed school's parents file over
   * three weeks under the names they know it by), with dates of the facts at most {@value
   * Matcher#MAX_DAY_GAP} days apart; of several, the one most of the storm went to; else null. A
   * storm's members write the shop as they saw it ({@code 阿海海鲜}, {@code 阿海海鲜大排档}, {@code 阿海大排档}),
   * and the index groups only under one key. The spellings must share a pair of characters that
   * sound alike (one of the pairs {@link Spelling#buckets} looks them up by) and be alike beyond
   * that ({@link #spellingsAlike}): stricter than a person's own re-filing, because here nothing
   * but the grievance and the week says it is one shop. A name of three characters needs {@value
   * #STORM_FILINGS} such filings (one when both place the shop in one district), a longer one one
   * ({@link #filingsNeeded}). Of the keys that qualify, the one with the most such filings: where
   * most of the storm went, not the newest spelling (a registered name's key, {@code 蜀渝记餐饮}, beside
   * the storm's {@code 蜀渝记老火锅}); the newest among equals.
   */
  private String stormKey(Spelling now) {
    Spelling[] found = {null};
    int[] foundFilings = {0};
    stormSpellings(
        now,
        (earlier, members) -> {
          if (found[0] == null
              || members > foundFilings[0]
              || (members == foundFilings[0] && earlier.received() > found[0].received())) {
            found[0] = earlier; // the key most of the storm's filings went to; the newest of those
            foundFilings[0] = members;
          }
        });
    return found[0] == null ? null : found[0].blockingKey();
  }

  /** What {@link #stormSpellings} finds: the newest spelling of a key, with its members. */
  private interface SpellingFound {
    void found(Spelling newest, int members);
  }

  /**
   * Each key that spells {@code now}'s merchant as a storm's ({@link #stormKey}), once, with its
   * newest spelling that fits and how many of the storm's filings went to it.
   */
  private void stormSpellings(Spelling now, SpellingFound visit) {
    if (now == null) {
      return;
    }
    for (long bucket : now.buckets()) {
      Spelling[] held = bySpelling.getOrDefault(bucket, NO_SPELLINGS);
      Set<String> counted = new HashSet<>();
      for (int i = held.length - 1; i >= 0; i--) {
        Spelling earlier = held[i];
        // Newest first: a key counted with a newer spelling that fit has its count, and wins ties.
        if (!fits(now, earlier) || !keyAlike(now, earlier) || !counted.add(earlier.blockingKey())) {
          continue;
        }
        Tally under = tally(held, now, earlier.blockingKey());
        if (under.filings() < filingsNeeded(now, earlier)
            || (twoCharacterOpening(now.filing(), earlier.filing())
                && !oneDistrict(now.filing(), earlier.filing())
                && under.members() < TWO_CHARACTER_MEMBERS)) {
          continue;
        }
        visit.found(earlier, under.members());
      }
    }
  }

  /**
   * The first filings left alone under other spellings of the shop whose group {@code fp} joined:
   * one filing a key, of {@code fp}'s grievance, that {@code fp}'s spelling would have followed as
   * a storm's ({@link #stormSpellings}), in no group seen here. A storm's founder under its full
   * sign ({@code 海味轩海鲜大排档}) stays alone when the next members file under the short one ({@code
   * 海味轩}) and the storm grows there (set BK). Both names of four characters or more (a short one is
   * a stem other shops share: 海味轩干货), not a trade word's description ({@code 海鲜大排档}), not placed in
   * two districts. And the groups other spellings of the shop formed ({@code 渔歌海鲜} beside {@code
   * 渔歌海鲜大排档}, set I: the short name a shop of its own that week, so the storm's filings there
   * stayed under it): each becomes one with {@code fp}'s ({@link SeenGroups#clustered}). Names of
   * three characters do for a group when both place the shop in one district.
   */
  private Others otherSpellings(Fingerprint fp, UUID cluster) {
    Others others = new Others(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    if (!fp.indexable()) {
      return others;
    }
    Set<String> keys = new HashSet<>();
    Entry now = registeredPlace(Entry.of(fp), fp.creditKey());
    if (now.name() == null || now.name().length() < 3) {
      return others;
    }
    stormSpellings(
        Spelling.of(now),
        (earlier, members) -> {
          Entry e = earlier.filing();
          if (e.blockingKey().equals(fp.blockingKey())
              || Trades.opensWithTradeWord(e.name())
              || Matcher.districtsDiffer(now.district(), e.district())
              || !keys.add(e.blockingKey())) {
            return;
          }
          UUID group = seenGroups.groupOf(new UUID(e.idHigh(), e.idLow()));
          boolean distinct =
              now.name().length() >= DISTINCT_NAME && e.name().length() >= DISTINCT_NAME;
          if (group == null) {
            if (members == 1 && distinct) {
              others.lone().add(e);
            }
          } else if (!group.equals(cluster)
              && (distinct || oneDistrict(now, e))
              && !others.groups().contains(group)) {
            others.grouped().add(e);
            others.groups().add(group);
          }
        });
    return others;
  }

  /**
   * What {@link #otherSpellings} finds: first filings left alone under other spellings, and the
   * newest filing under each other spelling whose group is another, with those groups.
   */
  private record Others(List<Entry> lone, List<Entry> grouped, List<UUID> groups) {}

  /**
   * Whether {@code now}'s name is alike the name the storm's key was made from, when that key is a
   * name's: a spelling of the storm's shop may be three characters that two shops share ({@code
   * 海味轩}), and a name that adds another trade to them ({@code 海味轩干货} beside {@code 海味轩海鲜大排档}) is
   * another shop. A registered name with its credit code may add words of its own (餐饮管理).
   */
  private static boolean keyAlike(Spelling now, Spelling earlier) {
    String key = earlier.blockingKey();
    return earlier.name().length() >= DISTINCT_NAME
        || now.name().length() < DISTINCT_NAME
        || now.filing().creditCode() != 0
        || !key.startsWith(MerchantKeys.NAME_PREFIX)
        || spellingsAlike(now.name(), key.substring(MerchantKeys.NAME_PREFIX.length()));
  }

  /**
   * One filing under a spelling of four characters or more when ours has as many, or when both
   * filings place the shop in one district ({@code 老灶台（同安店）} beside {@code 老灶台家常菜} in 同安); else
   * {@value #STORM_FILINGS}: a short core is often a stem many shops share.
   */
  private int filingsNeeded(Spelling now, Spelling earlier) {
    // A described shop's name is the brand after the description (五缘湾那家力之源 is 力之源).
    String brand = describedBrand(now.filing(), earlier.filing());
    int length =
        Math.min(brand != null ? brand.length() : now.name().length(), earlier.name().length());
    if (length < 3) {
      return STORM_FILINGS; // a two-character sign (铁馆): two filings of the storm under the other
    }
    return length >= DISTINCT_NAME || oneDistrict(now.filing(), earlier.filing())
        ? 1
        : STORM_FILINGS;
  }

  /**
   * A two-character sign ({@code 铁馆}) that opens the other spelling ({@code 铁馆健身}), the two not
   * placed in two districts: too short a stem for {@link #spellingsAlike}, enough beside the
   * storm's filings there ({@link #filingsNeeded}) when both place the shop in one district, or
   * beside a storm of {@value #TWO_CHARACTER_MEMBERS} members or more when either does not (a
   * caller's bare {@code 力美} in the week 力美健身's members file; since the forty-third session).
   */
  private static boolean twoCharacterOpening(Entry a, Entry b) {
    String shorter = a.name().length() <= b.name().length() ? a.name() : b.name();
    String longer = shorter == a.name() ? b.name() : a.name();
    return shorter.length() == 2
        && longer.length() > 2
        && longer.startsWith(shorter)
        && !Matcher.districtsDiffer(a.district(), b.district());
  }

  /** Whether both filings place the shop, in one district. */
  private static boolean oneDistrict(Entry a, Entry b) {
    return a.district() != 0 && a.district() == b.district();
  }

  /** Whether {@code earlier} may be another spelling of {@code now}'s merchant in one storm. */
  private boolean fits(Spelling now, Spelling earlier) {
    Entry a = now.filing();
    Entry b = earlier.filing();
    return !b.blockingKey().equals(a.blockingKey())
        && Math.abs(a.received() - b.received())
            <= (undated(a, b) ? options.joinWindowSeconds(a.grievance()) : groupWindowSeconds)
        && !Identity.samePerson(a.phone(), a.idNumber(), b.phone(), b.idNumber())
        && !Matcher.creditCodesDiffer(a.creditCode(), b.creditCode())
        && !intoAnotherCodesBlock(a.creditCode(), b.blockingKey())
        && (Matcher.daysWithin(a.day(), b.day(), Matcher.MAX_DAY_GAP) || undated(a, b))
        && (spellingsAlike(a.name(), b.name())
            || ((heard(a) || heard(b)) && heardAlike(a.name(), b.name()))
            || twoCharacterOpening(a, b)
            || describedBrand(a, b) != null
            || registeredBrand(a, b));
  }

  /**
   * Characters a registered name's core ({@code 名匠美发} of 厦门名匠美发有限公司) and a storm's sign ({@code
   * 名匠造型}) share from their start for {@link #registeredBrand}: a brand of two.
   */
  static final int REGISTERED_BRAND = 2;

  /**
   * Whether {@code a}, a filing under a registered name (with its credit code), and {@code b}, a
   * filing under a shop's sign (none), open with the same brand ({@value #REGISTERED_BRAND}
   * characters or more) and place the shop in one district, both of them: the register names the
   * company's trade in its own words ({@code 路路通汽车租赁} beside the sign {@code 路路通租车}, {@code 聆声医疗器械}
   * beside {@code 聆声助听器}), which neither spelling rule reads as the sign (sets AD, AG, AK and many
   * more: the storm's members under the company's code grouped apart from those under its sign).
   * Only a newcomer under the register looks for the sign's storm so, not a sign for the register's
   * (a registered name's core may be its brand alone, {@code 海味轩} of 厦门海味轩餐饮管理有限公司, which every
   * other trade of the brand opens with: 海味轩干货); and a brand of two characters alone in two
   * districts, or with one unknown, is too short a stem (set C's 金海岸超市 in 翔安 beside 金海岸海鲜酒楼).
   */
  private static boolean registeredBrand(Entry a, Entry b) {
    if (a.creditCode() == 0
        || b.creditCode() != 0
        || a.name() == null
        || b.name() == null
        || a.district() == 0
        || a.district() != b.district()) {
      return false;
    }
    return a.name().regionMatches(0, b.name(), 0, REGISTERED_BRAND);
  }

  /**
   * The brand {@code a} names after describing its shop ({@link #namedAfterDescription}: {@code
   * 力之源} in {@code 五缘湾那家力之源}, {@code 惠民佳} in {@code 祥平那家惠民佳}), when it is {@value #OPENING}
   * characters or more and {@code b}, a name that describes nothing, opens with its first {@value
   * #OPENING} after any place (the storm's {@code 力之源健身}, {@code 惠民佳超市}); else null. The call
   * centre writes where the caller said the shop was, then the sign; a storm member so written was
   * kept under a key of its own (set AQ). Only the brand's opening, never a kind of shop the
   * description ends in ({@code 剧本杀}, {@code 二手车} stand at the end of other shops' names): the
   * thirty-eighth session's review found a described member joining another shop of its kind.
   */
  private String describedBrand(Entry a, Entry b) {
    // The newcomer first: most name their shop, and the storm's spellings are many.
    String named = a.creditCode() == 0 ? namedAfterDescription(a.name()) : null;
    if (named == null || named.length() < OPENING || b.name() == null || describes(b.name())) {
      return null;
    }
    String other = b.name();
    int place = placeOpening.applyAsInt(other);
    String opening = named.substring(0, OPENING);
    return other.startsWith(opening) || (place > 0 && other.startsWith(opening, place))
        ? named
        : null;
  }

  /**
   * Both filings of one grievance whose dates say nothing of the group ({@link
   * DedupOptions#undatedInGroups}: a closed shop's cards, a renovation paid for weeks apart): one
   * member gives the day the shop closed, another the day they bought their card months before. As
   * the index's group score ({@link Matcher#groupScore}) leaves them out, so does the storm's
   * spelling (set V's 力动健身房, whose member gave the day of purchase, stayed under its own key beside
   * the storm's 力动健身).
   */
  private boolean undated(Entry a, Entry b) {
    return a.grievance() == b.grievance() && options.undatedInGroups(a.grievance());
  }

  /**
   * Whether a filing with a credit code ({@code creditCode}, its hash; 0 for none) would go into
   * another code's block. Its own code's block is no other's: a name the alias table had learnt
   * from another member first can key a coded filing away from its code's block, where its storm
   * went (set W: 厦门揽月民宿管理有限公司 under 揽月民宿, the storm under its own code).
   */
  private static boolean intoAnotherCodesBlock(int creditCode, String key) {
    return creditCode != 0
        && key.startsWith(MerchantKeys.CREDIT_CODE_PREFIX)
        && Fingerprint.nonZeroHash(key) != creditCode;
  }

  /**
   * The spellings under {@code key} in {@code held} that fit {@code now}, counted two ways: {@code
   * filings} as the threshold counts them (the newest of each spelling, and the one before it when
   * that was within the group window too: the rule needs two at most), {@code members} with every
   * filing of each spelling in the group window (how many of the storm went to that key).
   */
  private record Tally(int filings, int members) {}

  private Tally tally(Spelling[] held, Spelling now, String key) {
    int filings = 0;
    int members = 0;
    for (Spelling s : held) {
      if (s.blockingKey().equals(key) && fits(now, s)) {
        filings +=
            s.previous() != Long.MIN_VALUE
                    && Math.abs(now.received() - s.previous()) <= groupWindowSeconds
                ? 2
                : 1;
        members += s.filings();
      }
    }
    return new Tally(filings, members);
  }

  /**
   * Whether two name cores spell one shop: the shorter, of three characters or more, is the longer
   * with characters left out ({@code 海韵酒店} and {@code 海韵观海酒店}, {@code 阿海大排档} and {@code 阿海海鲜大排档}),
   * one of its characters at most standing for another that sounds alike ({@code 动力湃健身} and {@code
   * 动力派健身}); or both are one brand in one trade ({@link Trades}: {@code 启航英语} and {@code
   * 启航教育培训学校}). Two shops that share a stem and differ in their trade ({@code 金海岸超市} and {@code
   * 金海岸海鲜}) are not alike.
   */
  /**
   * Whether {@code e}'s key is a name written by ear, within the group window ({@link #heardKeys}).
   */
  private boolean heard(Entry e) {
    Long until = heardKeys.get(e.blockingKey());
    return until != null && e.received() <= until;
  }

  /**
   * Whether a name written by ear spells the other: the shorter, of three characters or more, is
   * the longer with characters left out, each of its characters the other's or one that sounds
   * alike ({@code 先果园} and {@code 鲜果缘水果}, {@code 朗朗水世界} and {@code 浪浪水世界}).
   */
  static boolean heardAlike(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    return shorter.length() >= 3 && within(shorter, 0, longer, 0, shorter.length());
  }

  static boolean spellingsAlike(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    if (shorter.length() < 3) {
      return false;
    }
    return within(shorter, 0, longer, 0, 1) || Trades.sameBrandAndTrade(a, b);
  }

  /**
   * Whether {@code shorter} from {@code i} is {@code longer} from {@code j} with characters left
   * out, at most {@code heard} of its characters standing for another that sounds alike ({@link
   * Sounds#alike}: {@code 动力湃} in {@code 动力派健身}). An exact character is taken where it first
   * appears, as the plain subsequence test does.
   */
  private static boolean within(String shorter, int i, String longer, int j, int heard) {
    if (i == shorter.length()) {
      return true;
    }
    char c = shorter.charAt(i);
    for (int k = j; k <= longer.length() - (shorter.length() - i); k++) {
      char d = longer.charAt(k);
      if (d == c) {
        return within(shorter, i + 1, longer, k + 1, heard);
      }
      if (heard > 0 && Sounds.alike(c, d) && within(shorter, i + 1, longer, k + 1, heard - 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Forgets {@code fp}: its record was not committed. (A spelling it left stays and may count as
   * one of the earlier filings a later one needs, as may a move it made and its uses of its key
   * ({@code usedUnder}): soft state, which at worst lets a later filing be decided under a key
   * where the index then finds nothing to join, or keeps one under its own.)
   */
  public void forget(Fingerprint fp) {
    if (!fp.hasIdentity()) {
      return;
    }
    byPerson.forget(fp.id(), Entry.personKeys(fp.phoneIdentity(), fp.idNumberIdentity()));
  }

  /**
   * Complainants held, for tests: by identity (one who gave a phone and an ID number counts twice).
   */
  public int people() {
    return byPerson.size();
  }

  private boolean repeats(Entry now, Entry earlier) {
    boolean sameKey = earlier.blockingKey().equals(now.blockingKey());
    boolean telling = earlier.telling();
    return !earlier.sameId(now)
        && (!sameKey || earlier.forgotten())
        // The index judged a filing under the original's own key against the original already.
        && !(telling && now.blockingKey().equals(earlier.rootKey()))
        && Math.abs(now.received() - earlier.received()) <= windowSeconds
        && Identity.samePerson(now.phone(), now.idNumber(), earlier.phone(), earlier.idNumber())
        // A telling only by the index's own rule: its facts are its original's, and its words
        // must say it is the matter (a phone's screen at the shop is no fridge's re-filing).
        && (sameKey || telling ? sameWords(now, earlier) : sameMatter(now, earlier))
        && sameMerchant(now, earlier)
        && (now.grievance() == earlier.grievance()
            || !onlyOpenAlike(now, earlier)
            || amountsAgree(now, earlier));
  }

  /**
   * Whether the facts both filings give say another purchase: days more than {@link
   * Matcher#NEXT_DAY_GAP} apart, or amounts that disagree. Stricter than {@link Matcher#factsAllow}
   * (a week): a description gives nothing else to go on.
   */
  private static boolean anotherPurchase(Entry a, Entry b) {
    boolean days =
        a.day() != Fingerprint.UNKNOWN_DAY
            && b.day() != Fingerprint.UNKNOWN_DAY
            && Math.abs(a.day() - b.day()) > Matcher.NEXT_DAY_GAP;
    return days || (a.amount() >= 0 && b.amount() >= 0 && !amountsAgree(a, b));
  }

  /** Both amounts known and agreeing: the one fact two shops' receipts do not share. */
  private static boolean amountsAgree(Entry a, Entry b) {
    return a.amount() >= 0 && b.amount() >= 0 && Matcher.amountsAgree(a.amount(), b.amount());
  }

  /**
   * Whether two filings' shops are alike only in how their names open ({@code 鹭岛海鲜} and {@code
   * 鹭岛水果}): too little for a re-filing whose grievance was not read, where the words decide and a
   * call centre's long template can make two matters' words agree; then both amounts must be known
   * and agree ({@link #amountsAgree}).
   */
  private static boolean onlyOpenAlike(Entry a, Entry b) {
    return a.name() != null
        && b.name() != null
        && !(a.creditCode() != 0 && a.creditCode() == b.creditCode())
        && !namesOverlap(a.name(), b.name());
  }

  /**
   * The same known grievance and facts that allow it; or one grievance unread, judged as the index
   * judges it under one key ({@link Matcher#sameMatterAgain}: the same purchase opens the door, the
   * words must still agree), since another grievance over the same purchase shares its amount and
   * day (an invoice refused after the overcharged meal).
   */
  private boolean sameMatter(Entry now, Entry earlier) {
    if (now.grievance() == 0 && earlier.grievance() == 0) {
      // Neither read: the index's rule for one key, the words deciding, for two names of which one
      // contains the other or opens inside it (海底世界 and 海底世界售票处), never looser ones.
      return now.name() != null
          && earlier.name() != null
          && namesOverlap(now.name(), earlier.name())
          && sameWords(now, earlier);
    }
    if (now.grievance() == earlier.grievance()) {
      // One balance lost at one shop: what was paid in, then what is left
      // (Matcher.sameMatterAgain).
      boolean oneBalance = options.oneMatter(now.grievance());
      return Matcher.factsAllow(
          oneBalance ? Fingerprint.UNKNOWN_AMOUNT : now.amount(),
          earlier.amount(),
          now.day(),
          earlier.day(),
          now.creditCode(),
          earlier.creditCode());
    }
    return sameWords(now, earlier);
  }

  /**
   * {@link Matcher#sameMatterAgain}, the index's rule, on the two filings' words and facts; two kin
   * grievances ({@link DedupOptions#kin}) as if the earlier were unread, as the index judges them.
   */
  private boolean sameWords(Entry now, Entry earlier) {
    return Matcher.sameMatterAgain(
        MinHash.agreement(
            now.signature(), now.signatureOffset(), earlier.signature(), earlier.signatureOffset()),
        now.amount(),
        earlier.amount(),
        now.day(),
        earlier.day(),
        now.creditCode(),
        earlier.creditCode(),
        now.grievance(),
        options.asJudged(now.grievance(), earlier.grievance()),
        false);
  }

  /**
   * Agreement (MinHash slots of 64) a filing that names no shop needs with the person's named one:
   * the bar of a re-filing over the same purchase whose grievance was not read ({@link
   * Matcher#DUPLICATE_BAR} less {@link Matcher#SAME_PURCHASE_BONUS}). The same person may complain
   * of two stalls on one day.
   */
  static final int NAMELESS_WORDS = Matcher.DUPLICATE_BAR - Matcher.SAME_PURCHASE_BONUS;

  /**
   * {@link #NAMELESS_WORDS} when the filing that names no shop, or only describes it, places it in
   * the district the person's other filing does: one fewer. A call centre's two lines about a phone
   * bought in 同安大同 share few shingles with the consumer's own page about 诚信通讯 there (set AC: 6 of
   * 64 slots). No lower: a power bank bought the same day elsewhere in 同安 shared 5 (a review's
   * probe), and a district is a sixth of the city.
   */
  static final int NAMELESS_WORDS_IN_DISTRICT = NAMELESS_WORDS - 1;

  /**
   * MinHash slots a described filing shares with the named one of its kind ({@link
   * #describedKind}).
   */
  static final int KIND_WORDS = 3;

  private boolean sameMerchant(Entry a, Entry b) {
    if (a.creditCode() != 0 && a.creditCode() == b.creditCode()) {
      return true;
    }
    if (a.name() == null || b.name() == null) {
      Entry nameless = a.name() == null ? a : b;
      return (a.name() == null) != (b.name() == null)
          && nameless.creditCode() == 0
          && samePurchase(a, b)
          && agreement(a, b) >= wordsNeeded(a, b);
    }
    if ((describedAlike(a, b) || describedAlike(b, a)) && !inTwoDistricts(a, b)) {
      return true;
    }
    if ((described(a) || described(b))
        && !inTwoDistricts(a, b)
        && samePurchase(a, b)
        && agreement(a, b) >= describedWords(a, b)) {
      // A description in the name's place (马巷镇一家二手车行, 莲前那家修手机的, 鼓浪屿某民宿) is judged as no
      // name: the same purchase, and words that agree as a summary and the consumer's own do.
      return true;
    }
    if (sameDaySharedPair(a, b)) {
      return true;
    }
    // Names alike only in how they open (金海湾大酒店, 金海超市) in two known districts are two shops.
    return alikeAfterPlace(a.name(), b.name()) && !(onlyOpenAlike(a, b) && inTwoDistricts(a, b));
  }

  /**
   * Two names of one shop that share only a run of two characters, for the same purchase: the same
   * known grievance on the same known day, amounts that do not disagree, not two districts, and
   * words that agree as a nameless filing's must ({@link #wordsNeeded}). A call centre's summary
   * names the place or the trade, the consumer's page or 12345's order the sign or the company:
   * {@code 五缘湾游艇} and {@code 五缘湾游艇港}, {@code 馅饼老铺} and {@code 厦门鼓浪屿老铺食品有限公司} (set AZ). Not a run
   * both names end with (a kind of shop: {@code 八市老林水果} and {@code 阿美水果店}, two stalls one person
   * complained of the same day, sets N, X), one inside the place a name opens with ({@code
   * 八市入口阿珍水果} and {@code 八市阿明水果档}, set W). Two brands of one trade were not kept apart too ({@code
   * 鑫达二手车行}, {@code 鹭岛二手车}): on the labelled sets that lost five re-filings whose names were
   * misheard or shortened ({@code 阿凯海鲜} and {@code 阿海海鲜大排档}) and kept no false one out.
   */
  private boolean sameDaySharedPair(Entry a, Entry b) {
    return a.grievance() != 0
        && a.grievance() == b.grievance()
        && sameDay(a, b)
        && !inTwoDistricts(a, b)
        && !(a.amount() >= 0 && b.amount() >= 0 && !amountsAgree(a, b))
        && sharePair(a.name(), b.name())
        && agreement(a, b) >= wordsNeeded(a, b);
  }

  /**
   * Whether the two names share a run of two letters after the place either opens with, other than
   * one that ends both ({@link #kindless}).
   */
  private boolean sharePair(String a, String b) {
    int fromB = placeOpening.applyAsInt(b);
    int endA = kindless(a);
    int endB = kindless(b);
    for (int i = placeOpening.applyAsInt(a); i + 2 <= a.length(); i++) {
      if (!Character.isLetter(a.charAt(i)) || !Character.isLetter(a.charAt(i + 1))) {
        continue;
      }
      String pair = a.substring(i, i + 2);
      for (int j = b.indexOf(pair, fromB); j >= 0; j = b.indexOf(pair, j + 1)) {
        if (i + 2 != endA || j + 2 != endB) {
          return true;
        }
      }
    }
    return false;
  }

  /** The length of a name without the one character of a kind of shop it ends with (店, 档, 摊 …). */
  private static int kindless(String name) {
    int n = name.length();
    return n > 2 && "店档摊铺行部馆点处".indexOf(name.charAt(n - 1)) >= 0 ? n - 1 : n;
  }

  /**
   * {@link #namesAlike}, after the place both names open with, if they open with one: {@code
   * 八市阿玲水果} and {@code 八市老陈水果摊} are two stalls of one market (set U), whose openings say where, not
   * who.
   */
  private boolean alikeAfterPlace(String a, String b) {
    int place = placeOpening.applyAsInt(a);
    if (place > 0
        && b.length() > place
        && b.regionMatches(0, a, 0, place)
        && !describesAfterPlace(a.substring(place))
        && !describesAfterPlace(b.substring(place))) {
      return namesAlike(a.substring(place), b.substring(place));
    }
    if (oneSided(a, b) || oneSided(b, a)) {
      return true; // 大嶝兰馨 (a registered name's place and brand) and 兰馨化妆品
    }
    // No place, or only a description after it (大同路口水果摊): the place is all the name says.
    return namesAlike(a, b);
  }

  /** {@code a} opens with a place {@code b} does not, and what follows it is alike {@code b}. */
  private boolean oneSided(String a, String b) {
    int place = placeOpening.applyAsInt(a);
    if (place == 0 || a.length() - place < 2 || placeOpening.applyAsInt(b) > 0) {
      return false;
    }
    String rest = a.substring(place);
    // A place and a kind of shop (沙坡尾海鲜) name no brand to find in another name (海鲜大咖).
    return !describesAfterPlace(rest) && !Trades.opensWithTradeWord(rest) && namesAlike(rest, b);
  }

  /**
   * Words of a name core that describe a shop rather than name it: 一家, 那家, 某, 附近, 门口 …, 饿了么上的, 路口的.
   * The call centre writes what the caller said (马巷镇一家二手车行), the consumer the sign's name.
   */
  private static final String[] DESCRIPTION = {
    "一家", "一间", "一个", "那家", "那个", "这家", "某", "附近", "旁边", "门口", "对面", "隔壁", "那边", "边上", "上的", "里的",
    "口的"
  };

  /**
   * Whether the filing's shop is given by a description ({@link #DESCRIPTION}), not a name, and no
   * credit code names it.
   */
  static boolean described(Entry e) {
    return e.name() != null && e.creditCode() == 0 && describes(e.name());
  }

  /**
   * The MinHash slots a description beside the person's named filing of the same purchase must
   * share with it ({@link #samePurchase} holds):
   *
   * <ul>
   *   <li>{@link Matcher#DUPLICATE_BAR} when only days a day apart say it is one purchase (set AR:
   *       a caller's hotel by one exam site on the 4th, then 杏林考点附近的如家 on the 5th, 8 of 64 slots
   *       alike; set X's driving school, its day remembered a day off, shares 20);
   *   <li>when the description's kind stands in the named shop's name ({@link #describedKind}) and
   *       no fact says another purchase: {@link #KIND_WORDS} with the same amount, {@link
   *       #NAMELESS_WORDS_IN_DISTRICT} with the same day (the call centre's "a dried-goods shop at
   *       八市" beside the consumer's 海龙干货行);
   *   <li>else {@link #wordsNeeded}.
   * </ul>
   */
  private static int describedWords(Entry a, Entry b) {
    boolean sameAmount = amountsAgree(a, b);
    if (!sameAmount && !sameDay(a, b)) {
      return Matcher.DUPLICATE_BAR;
    }
    if ((describedKind(a, b) || describedKind(b, a)) && !anotherPurchase(a, b)) {
      return sameAmount ? KIND_WORDS : NAMELESS_WORDS_IN_DISTRICT;
    }
    return wordsNeeded(a, b);
  }

  /** Both filings give the day of the facts, the same. */
  private static boolean sameDay(Entry a, Entry b) {
    return a.day() != Fingerprint.UNKNOWN_DAY && a.day() == b.day();
  }

  /**
   * The MinHash slots a filing that names no shop, or only describes it, must share with the
   * person's other filing of the same purchase: {@link #NAMELESS_WORDS_IN_DISTRICT} when both place
   * the shop in one district, else {@link #NAMELESS_WORDS}.
   */
  private static int wordsNeeded(Entry a, Entry b) {
    return inOneDistrict(a, b) ? NAMELESS_WORDS_IN_DISTRICT : NAMELESS_WORDS;
  }

  /**
   * Whether {@code a} describes a shop and then names it (嘉莲那边的金鹰培训学校, 祥和那家百姓缘药店, 鼓浪屿上的海韵客栈) by a
   * brand whose first two characters open {@code b}'s name, after any place it opens with ({@link
   * #openAlike}); the caller keeps two known districts apart.
   */
  private boolean describedAlike(Entry a, Entry b) {
    String named = a.creditCode() == 0 ? namedAfterDescription(a.name()) : null;
    if (named == null) {
      return false;
    }
    String other = b.name();
    int place = placeOpening.applyAsInt(other);
    // Only the two-character opening (openAlike), never opensInside: what follows a description
    // may be a kind of shop the table does not know (二手车 in 马巷镇一家二手车行), inside many names.
    return openAlike(named, other) || (place > 0 && openAlike(named, other.substring(place)));
  }

  /**
   * The name a description leads to ({@code 金鹰培训学校} in {@code 嘉莲那边的金鹰培训学校}), or null: none follows,
   * or what follows opens with a trade word (江头那家家电城, 曾厝垵一家海鲜排档: a kind of shop, not its name).
   */
  static String namedAfterDescription(String core) {
    AfterDescription rest = afterDescription(core);
    return rest == null || rest.kind() || Trades.opensWithTradeWord(rest.words())
        ? null
        : rest.words();
  }

  /**
   * What follows the last description word of a core that {@link #describes}, two characters or
   * more, and whether that word says "one of a kind" ({@link #ONE}: 八市一家干货店, so a kind of shop
   * follows, not its name); else null.
   */
  private static AfterDescription afterDescription(String core) {
    if (core == null || !describes(core)) {
      return null;
    }
    int end = -1;
    boolean kind = false;
    for (String d : DESCRIPTION) {
      int i = core.lastIndexOf(d);
      if (i >= 0 && i + d.length() > end) {
        end = i + d.length();
        kind = ONE.contains(d);
      }
    }
    while (end >= 0 && end < core.length() && core.charAt(end) == '的') {
      end++;
    }
    return end < 0 || core.length() - end < 2
        ? null
        : new AfterDescription(core.substring(end), kind);
  }

  private record AfterDescription(String words, boolean kind) {}

  /**
   * Characters that end a kind of shop without saying which kind (店, 铺, 行 …): 干货店 is 干货 beside
   * 海龙干货行.
   */
  private static final String KIND_ENDS = "店铺行馆摊位点处部家场的";

  /**
   * Whether {@code described} gives its shop as a description that ends in the kind of shop, and
   * {@code named}'s name holds that kind (two characters of it in a row, not both of {@link
   * #KIND_ENDS}): 八市一家干货店 beside 海龙干货行, 前埔一家密室逃脱 beside 逃出生天密室逃脱. A call centre's summary of the
   * consumer's own filing, which named the shop.
   */
  private static boolean describedKind(Entry described, Entry named) {
    if (!described(described) || named.name() == null || described(named)) {
      return false;
    }
    String kind = kindOf(described.name());
    return kind != null && holdsKind(named.name(), kind);
  }

  /**
   * The kind of shop a description gives (what follows its last description word, {@link
   * #KIND_ENDS} left off: {@code 干货} in {@code 八市一家干货}, {@code 川渝火锅} in {@code 江头那家川渝火锅}), or null
   * when it gives none of two characters.
   */
  private static String kindOf(String describedCore) {
    AfterDescription rest = afterDescription(describedCore);
    if (rest == null) {
      return null;
    }
    String kind = rest.words();
    int end = kind.length();
    while (end > 0 && KIND_ENDS.indexOf(kind.charAt(end - 1)) >= 0) {
      end--;
    }
    return end < 2 ? null : kind.substring(0, end);
  }

  /** Whether {@code name} holds two characters of {@code kind} in a row. */
  private static boolean holdsKind(String name, String kind) {
    for (int i = 0; i + 2 <= kind.length(); i++) {
      if (name.contains(kind.substring(i, i + 2))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a name core holds one of the {@link #DESCRIPTION} words where it describes. 某, 那家 and
   * 这家 name no shop anywhere (某民宿, 那家店); 一家, 上的, 里的, 口的 and 门口 describe only right after a place or
   * a platform (马巷镇一家, 鼓浪屿上的, 路口的, 饿了么上的; not 幸福一家人火锅, 时光里的咖啡馆, 阿婆门口烤肉); the words of nearness (附近,
   * 那边, 旁边 …) two characters or more into the core (嘉莲那边); at its start every one of them opens a
   * brand (一家人火锅, 门口小卖部, 隔壁老王烧烤). Or 一 alone before a kind of shop ({@link #oneAfterPlace}).
   */
  static boolean describes(String core) {
    if (oneAfterPlace(core)) {
      return true;
    }
    for (String d : DESCRIPTION) {
      for (int at = core.indexOf(d); at >= 0; at = core.indexOf(d, at + 1)) {
        if (describesAt(core, d, at)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code word}, standing at {@code at} in {@code core}, describes ({@link #describes}).
   */
  private static boolean describesAt(String core, String word, int at) {
    if (ANYWHERE.contains(word)) {
      return true;
    }
    if (ONE.contains(word)) {
      return oneOf(core, at);
    }
    if (at < 2) {
      return false; // at the start it opens a brand
    }
    if (!AFTER_A_PLACE.contains(word)) {
      return true; // a word of nearness: 嘉莲那边
    }
    return PLACE_ENDS.indexOf(core.charAt(at - 1)) >= 0 && !core.startsWith("一家人", at);
  }

  /** {@link #DESCRIPTION} words that describe only right after a place ({@link #PLACE_ENDS}). */
  private static final Set<String> AFTER_A_PLACE = Set.of("上的", "里的", "口的", "门口");

  /**
   * "One of" a kind of shop ({@link #oneOf}): 一家, 一间, 一个 after what stands before them (a place the
   * tables may not know: 八市, 前埔, 天竺山脚下; the key keeps a place it would cut before them, {@code
   * MerchantKeys}: 中山路一家茶叶店 is {@code 中山路一家茶叶}).
   */
  private static final Set<String> ONE = Set.of("一家", "一间", "一个");

  /**
   * Whether {@code 一家} (or 一间, 一个) at {@code at} says "one … of a kind" rather than standing in a
   * name: two characters or more before it (a place), the one before not a character that makes a
   * word with 一 (统一, 合一, 天一, 万一, 如一, 专一, 唯一, 第一), and not 家 opening a word of its own (一家人, 一家亲,
   * 家具, 家电, 家政, 家纺, 家居) nor 一个人. At the start of a name it opens a brand (一间咖啡, 一个橙子, 一家一味).
   */
  private static boolean oneOf(String core, int at) {
    int after = at + 2;
    if (at < 2 || after >= core.length() || "第唯统合天万如专同".indexOf(core.charAt(at - 1)) >= 0) {
      return false;
    }
    char next = core.charAt(after);
    return core.charAt(at + 1) == '家'
        ? "人亲子老具电政纺居装私常乐庭园".indexOf(next) < 0
        : !(core.charAt(at + 1) == '个' && (next == '人' || next == '护'));
  }

  /**
   * Whether what follows a place describes a shop: a {@link #DESCRIPTION} word anywhere in it, or
   * the crossing it stands at (大同路口水果摊).
   */
  private static boolean describesAfterPlace(String rest) {
    if (rest.startsWith("路口")) {
      return true;
    }
    for (String d : DESCRIPTION) {
      if (rest.contains(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The last characters of a place's name (路, 街, 岛, 村, 镇 …) and of a platform's (快手, 抖音, 淘宝, 美团,
   * 饿了么, 京东, 天猫, 拼多多).
   */
  private static final String PLACE_ENDS = "路街道巷屿岛村镇区场站湾口港城手音宝团么东猫多";

  /**
   * Whether {@code core} says "a … at a place" with 一 alone (大同路一手机维修店, 鼓浪屿一餐厅, 快手一主播), or opens
   * with 一 and a kind of shop where the key cut the place off (一民宿).
   */
  private static boolean oneAfterPlace(String core) {
    for (int i = core.indexOf('一'); i >= 0; i = core.indexOf('一', i + 1)) {
      if (i + 1 >= core.length()) {
        return false;
      }
      // A kind of shop after it: 一手机维修店, 一餐厅, 一民宿; not 一号, 一流, 一品.
      boolean kind = Trades.opensWithTradeWord(core.substring(i + 1));
      if (kind && (i == 0 || (i >= 2 && PLACE_ENDS.indexOf(core.charAt(i - 1)) >= 0))) {
        return true;
      }
    }
    return false;
  }

  /** {@link #DESCRIPTION} words that describe wherever they stand. */
  private static final Set<String> ANYWHERE = Set.of("某", "那家", "那个", "这家");

  /** The two filings' words agree as far as {@link #NAMELESS_WORDS} asks. */
  private static boolean wordsAgree(Entry a, Entry b) {
    return agreement(a, b) >= NAMELESS_WORDS;
  }

  /** How many of the two filings' MinHash slots agree. */
  private static int agreement(Entry a, Entry b) {
    return MinHash.agreement(
        a.signature(), a.signatureOffset(), b.signature(), b.signatureOffset());
  }

  /** Both filings place their shop in one known district. */
  private static boolean inOneDistrict(Entry a, Entry b) {
    return a.district() != 0 && a.district() == b.district();
  }

  /** Both filings place their shop in a district, and not in the same one. */
  private static boolean inTwoDistricts(Entry a, Entry b) {
    return a.district() != 0 && b.district() != 0 && a.district() != b.district();
  }

  /**
   * The same known grievance and the same purchase, as far as the facts tell: the same day or the
   * next (a date remembered a day off: set X's 07-09 and 07-10), or agreeing amounts, both known.
   */
  private static boolean samePurchase(Entry a, Entry b) {
    boolean day =
        a.day() != Fingerprint.UNKNOWN_DAY
            && b.day() != Fingerprint.UNKNOWN_DAY
            && Math.abs(a.day() - b.day()) <= Matcher.NEXT_DAY_GAP;
    return a.grievance() != 0 && a.grievance() == b.grievance() && (day || amountsAgree(a, b));
  }

  /**
   * Whether two name cores may name one shop, for the same person's filings: one contains the
   * other, they open with two characters that sound alike ({@code 路风} and {@code 鹭风}), or one's
   * first three characters stand inside the other ({@link #opensInside}). (Sharing half their
   * character pairs, or any run of three, was tried: each found as many more re-filings and took
   * one person's other matter for a re-filing; dedup/EVALUATION.md.)
   */
  static boolean namesAlike(String a, String b) {
    return namesOverlap(a, b) || openAlike(a, b);
  }

  /**
   * One name contains the other, or one's opening stands inside the other ({@link #opensInside}).
   */
  private static boolean namesOverlap(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    return (shorter.length() >= 2 && longer.contains(shorter))
        || opensInside(a, b)
        || opensInside(b, a);
  }

  /** Whether both names open with two characters that sound alike ({@code 路风}, {@code 鹭风}). */
  private static boolean openAlike(String a, String b) {
    return a.length() >= 2
        && b.length() >= 2
        && Sounds.alike(a.charAt(0), b.charAt(0))
        && Sounds.alike(a.charAt(1), b.charAt(1));
  }

  /**
   * Whether the first {@value #OPENING} characters of {@code a} (its brand, before any trade word)
   * stand anywhere in {@code b}: {@code 阿娥海鲜摊} and {@code 八市阿娥海鲜}. A run of trade words alone
   * ({@code 健身房} in {@code 力美健身房} and {@code 动力派健身房}) does not open either name.
   */
  static boolean opensInside(String a, String b) {
    return a.length() >= OPENING && b.contains(a.substring(0, OPENING));
  }

  /**
   * {@code held} with {@code s} added as the newest spelling, older ones of its name dropped, and
   * spellings older than its grievance's join window.
   */
  private Spelling[] withSpelling(Spelling[] held, Spelling s) {
    if (held == null) {
      return new Spelling[] {s};
    }
    long oldest = s.received() - options.joinWindowSeconds(s.filing().grievance());
    long earlier = Long.MIN_VALUE;
    int filings = 1;
    for (Spelling x : held) {
      if (x.filing().sameId(s.filing())) {
        return held; // remembered again (an unlink, a replaced ghost, a batch retried): counted
        // once
      }
    }
    for (Spelling x : held) {
      if (x.received() >= oldest
          && x.name().equals(s.name())
          && x.blockingKey().equals(s.blockingKey())) {
        earlier = Math.max(earlier, x.received());
        filings = x.filings() + 1;
      }
    }
    Spelling[] kept =
        Arrays.stream(held)
            .filter(
                x ->
                    x.received() >= oldest
                        && !(x.name().equals(s.name()) && x.blockingKey().equals(s.blockingKey())))
            .toArray(Spelling[]::new);
    int from = Math.max(0, kept.length - (MAX_PER_SPELLING - 1));
    Spelling[] out = Arrays.copyOfRange(kept, from, kept.length + 1);
    out[out.length - 1] = new Spelling(s.filing(), earlier, filings);
    return out;
  }

  /**
   * What was kept under one merchant key ({@link #usedUnder}): {@code {newest, before it}} first
   * filings of any grievance in epoch seconds, then the two filings' ids folded to a long each (so
   * that a filing remembered twice, a batch retried, counts once), then for each grievance key a
   * first filing was kept with (0: unread) the key and when the last one was kept.
   *
   * <p>Changed in place under its own lock, and its array replaced only when a grievance finds no
   * free slot (the slots then double): a key's array, once the collector has moved it to the old
   * generation, then takes no reference to a new object with each filing, which the next young
   * pause would have to find by scanning the old generation's cards (BENCHMARKS.md "Old objects
   * that point at new ones").
   */
  static final class Uses {
    /** A grievance slot not yet taken: no grievance key (an {@code int}) is this long. */
    private static final long NO_GRIEVANCE = Long.MIN_VALUE;

    private long[] slots;

    Uses(long at, long id, int grievance) {
      slots = new long[] {at, Long.MIN_VALUE, id, 0, grievance, at};
    }

    /** A first filing of {@code grievance} at {@code at}, of folded id {@code id}. */
    synchronized void add(long at, long id, int grievance) {
      long[] s = slots;
      if (id != s[2] && (s[1] == Long.MIN_VALUE || id != s[3])) {
        if (at >= s[0]) {
          s[1] = s[0];
          s[3] = s[2];
          s[0] = at;
          s[2] = id;
        } else if (at >= s[1]) {
          s[1] = at;
          s[3] = id;
        }
      }
      int free = -1;
      for (int i = USE_HEADER; i < s.length; i += 2) {
        if (s[i] == grievance) {
          s[i + 1] = Math.max(s[i + 1], at);
          return;
        }
        if (s[i] == NO_GRIEVANCE && free < 0) {
          free = i;
        }
      }
      if (free < 0) {
        // Room for as many grievances again: a key takes a new array at its 2nd, 3rd, 5th, 9th.
        free = s.length;
        s = Arrays.copyOf(s, USE_HEADER + 2 * (s.length - USE_HEADER));
        Arrays.fill(s, free, s.length, NO_GRIEVANCE);
        slots = s;
      }
      s[free] = grievance;
      s[free + 1] = at;
    }

    /**
     * Whether a filing of {@code grievance} at {@code at} finds its key in use (see {@link
     * RecentFilings#established}): a first filing of its grievance or of an unread one kept within
     * {@code window} seconds of it, or two of any grievance.
     */
    synchronized boolean established(int grievance, long at, long window) {
      long[] s = slots;
      return within(keptAt(s, grievance), at, window)
          || within(keptAt(s, 0), at, window)
          || (within(s[0], at, window) && within(s[1], at, window));
    }

    /** When a first filing of {@code grievance} was last kept; {@link Long#MIN_VALUE} for never. */
    private static long keptAt(long[] s, int grievance) {
      for (int i = USE_HEADER; i < s.length; i += 2) {
        if (s[i] == grievance) {
          return s[i + 1];
        }
      }
      return Long.MIN_VALUE;
    }

    private static boolean within(long last, long at, long window) {
      return last != Long.MIN_VALUE && Math.abs(at - last) <= window;
    }
  }

  /** Over the bound, drops about a tenth of the map's keys: soft state, like the aliases. */
  private void evictSome(ConcurrentHashMap<?, ?> map) {
    evictSome(map, maxPeople);
  }

  /** Drops a tenth of {@code map}'s entries, bounded at {@code max}, in no particular order. */
  static void evictSome(ConcurrentHashMap<?, ?> map, int max) {
    int toDrop = Math.max(1, max / 10);
    var it = map.keySet().iterator();
    while (toDrop-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
