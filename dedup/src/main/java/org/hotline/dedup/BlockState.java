package org.hotline.dedup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Everything the index holds under one blocking key, and the one decision made there. Both index
 * implementations keep one of these per key and call {@link #decide} atomically: the in-memory
 * index inside {@code ConcurrentHashMap.compute}, the Hazelcast index inside an {@code
 * EntryProcessor} on the key's owner (the in-memory index as its own subclass, which adds the key:
 * one object a key rather than a holder and a state). Not thread-safe by itself.
 *
 * <p>Entries are rows of primitive longs in one array (128 bytes each, see {@link Rows}); groups
 * are in a {@link GroupTable}. {@link #decide} is deterministic (group ids are derived from record
 * ids), so a backup replaying it reaches the same state.
 *
 * <p>Not {@link java.io.Serializable}: a cluster moves it with {@link #writeTo} and {@link
 * #readFrom}, so no member ever needs Java deserialisation for it.
 */
public sealed class BlockState permits InMemoryDedupIndex.Block {
  /**
   * The wire format's version, written first: 2 since rows gained the grievance slot, 3 since its
   * high half holds the merchant's place. A state of format 2 reads with every place unknown (its
   * high half was the grievance key's sign); a member of another version refuses the state loudly
   * rather than read rows of another stride.
   */
  private static final int FORMAT = 3;

  private static final int FORMAT_WITHOUT_PLACE = 2;

  private static final int STRIDE = Rows.STRIDE;

  private static final long[] NO_ROWS = new long[0];

  private long[] rows = new long[STRIDE];
  private int count;
  private long newest = Long.MIN_VALUE;
  private long oldest = Long.MAX_VALUE;
  private GroupTable groups; // created with the first group: most blocks never have one

  /** Compares with the held entries, records the fingerprint unless it is a duplicate. */
  public DedupVerdict decide(Fingerprint fingerprint, DedupOptions options) {
    if (!fingerprint.indexable()) {
      return DedupVerdict.fresh();
    }
    int held = rowOf(fingerprint.id());
    if (held >= 0) {
      return decidedBefore(held);
    }
    newest = Math.max(newest, fingerprint.receivedAtEpochSecond());
    prune(newest, options);
    int original = findOriginal(fingerprint, options);
    if (original >= 0) {
      return duplicateOf(original, fingerprint);
    }
    long window = options.clusterWindow().getSeconds();
    int[] tally =
        tally(fingerprint, options.joinWindowSeconds(fingerprint.grievanceKey()), options);
    int group = GroupTable.best(tally, options.groupKind(fingerprint.grievanceKey()));
    int own =
        group >= 0
            ? ownInGroup(fingerprint, group, options.duplicateWindow().getSeconds(), options)
            : -1;
    if (own >= 0) {
      return duplicateOf(own, fingerprint);
    }
    int peer = group >= 0 ? -1 : findLoosePeer(fingerprint, window, options);
    int row = append(fingerprint);
    if (group < 0 && peer < 0) {
      return DedupVerdict.fresh();
    }
    // A group is one grievance (or one kin): the newcomer's, else the one its group or peer has.
    int grievance = options.groupKind(fingerprint.grievanceKey());
    if (grievance == 0) {
      grievance =
          group >= 0
              ? GroupTable.grievance(tally, group)
              : options.groupKind(Rows.grievance(rows, peer * STRIDE));
    }
    long merge =
        sameShop(group, GroupTable.others(tally, group, grievance, fingerprint.grievanceKey()));
    return join(fingerprint, row, group, peer, merge, window, options, grievance);
  }

  /**
   * {@code fp} is a re-filing of the entry at {@code original}; when the original is a member of a
   * group complaint, the verdict carries that group.
   */
  private DedupVerdict duplicateOf(int original, Fingerprint fp) {
    // The matter is still alive: a later re-filing is measured from this one.
    int at = original * STRIDE + Rows.RECEIVED;
    rows[at] = Math.max(rows[at], fp.receivedAtEpochSecond());
    UUID id = Rows.id(rows, original * STRIDE);
    int g = Rows.group(rows, original * STRIDE);
    return g < 0
        ? DedupVerdict.duplicateOf(id)
        : DedupVerdict.duplicateOf(id, groups.id(g), groups.size(g));
  }

  /**
   * The verdict of a record this block already holds, decided again. Hazelcast runs an entry
   * processor a second time when the key's owner fails after its backup applied the processor but
   * before the caller had the answer; deciding afresh would find the record as its own original and
   * call it a duplicate, and a duplicate is never queued. The group it joined is known; the earlier
   * records that joined the group with it are not, so their memberships are stored with the next
   * record of the group instead.
   */
  private DedupVerdict decidedBefore(int row) {
    int g = Rows.group(rows, row * STRIDE);
    if (g < 0) {
      return DedupVerdict.fresh();
    }
    return new DedupVerdict(
        DedupVerdict.Kind.CLUSTERED, null, groups.id(g), groups.size(g), false, null);
  }

  /** Removes the entry of a record that was not committed, and undoes the grouping it did. */
  public void forget(UUID id) {
    int tag = Rows.tag(id);
    int row = rowOf(id);
    if (row >= 0) {
      int g = Rows.group(rows, row * STRIDE);
      removeRow(row);
      shrink(g);
    }
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      int g = Rows.group(rows, base);
      if (g >= 0 && Rows.joinedVia(rows, base) == tag) {
        Rows.setGroup(rows, base, -1, 0);
        shrink(g);
      }
    }
    if (groups != null) {
      groups.dissolveSingletons(rows, count);
    }
  }

  /** Puts back a committed record at start-up. */
  public void restore(Fingerprint fingerprint, UUID clusterId, int clusterSize) {
    if (!fingerprint.indexable() || rowOf(fingerprint.id()) >= 0) {
      return;
    }
    newest = Math.max(newest, fingerprint.receivedAtEpochSecond());
    int row = append(fingerprint);
    if (clusterId != null) {
      int g = groups().find(clusterId);
      if (g < 0) {
        g = groups.add(clusterId, Math.max(1, clusterSize));
      } else {
        groups.setSize(g, Math.max(groups.size(g), clusterSize));
      }
      Rows.setGroup(rows, row * STRIDE, g, Rows.tag(fingerprint.id()));
    }
  }

  /**
   * Drops the entry of record {@code id} to bound memory, as if the window had passed it: unlike
   * {@link #forget}, the groups it belonged to keep their stored size, since the record itself is
   * still committed.
   *
   * @return whether the block held it
   */
  public boolean evict(UUID id) {
    int row = rowOf(id);
    if (row < 0) {
      return false;
    }
    removeRow(row);
    if (groups != null) {
      groups.compact(rows, count);
    }
    if (rows.length > 2 * STRIDE * Math.max(1, count)) {
      rows = Arrays.copyOf(rows, STRIDE * Math.max(1, count));
    }
    return true;
  }

  /** Drops entries older than the retention window, measured from {@code nowEpochSecond}. */
  public void prune(long nowEpochSecond, DedupOptions options) {
    long cutoff = nowEpochSecond - options.retention().getSeconds();
    if (oldest >= cutoff) {
      return;
    }
    int kept = 0;
    long newOldest = Long.MAX_VALUE;
    for (int r = 0; r < count; r++) {
      long received = rows[r * STRIDE + Rows.RECEIVED];
      if (received >= cutoff) {
        System.arraycopy(rows, r * STRIDE, rows, kept * STRIDE, STRIDE);
        newOldest = Math.min(newOldest, received);
        kept++;
      }
    }
    count = kept;
    oldest = newOldest;
    if (groups != null) {
      groups.compact(rows, count);
    }
    if (rows.length > 2 * STRIDE * Math.max(1, count)) {
      rows = Arrays.copyOf(rows, STRIDE * Math.max(1, count));
    }
  }

  /** Entries held. */
  public int size() {
    return count;
  }

  /** Lets go of the rows and groups of an emptied state that something may still point at. */
  void release() {
    rows = NO_ROWS;
    groups = null;
  }

  /**
   * The latest {@code received_at} seen in this block (epoch seconds), for sweeping idle blocks.
   */
  public long newestEpochSecond() {
    return newest;
  }

  /** The size of group {@code clusterId} as this block knows it, 0 when unknown. */
  public int groupSize(UUID clusterId) {
    int g = groups == null ? -1 : groups.find(clusterId);
    return g < 0 ? 0 : groups.size(g);
  }

  /** Bytes of the arrays this block holds, for memory accounting. */
  public long retainedArrayBytes() {
    return 8L * rows.length + 24L * groupCount();
  }

  @Override
  public String toString() {
    return "BlockState[entries=" + count + ", groups=" + groupCount() + "]";
  }

  /** The earliest entry of the same complainant about the same matter within the window, or -1. */
  private int findOriginal(Fingerprint fp, DedupOptions options) {
    long window = options.duplicateWindow().getSeconds();
    boolean oneMatter = options.oneMatter(fp.grievanceKey());
    if (!fp.hasIdentity()) {
      return -1; // an anonymous filing can never be told to be the same person's
    }
    int best = -1;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Rows.within(rows, base, fp, window)
          && Rows.samePerson(rows, base, fp)
          && (best < 0 || rows[base + Rows.RECEIVED] < rows[best * STRIDE + Rows.RECEIVED])
          && Rows.sameMatterAgain(rows, base, fp, oneMatter, options)) {
        best = r;
      }
    }
    return best;
  }

  /**
   * Each group's members within the window, their total score with this record, the group's
   * grievance and whether it may be this record's shop ({@link GroupTable#TALLY} ints a group), or
   * null when the block has no group.
   */
  private int[] tally(Fingerprint fp, long window, DedupOptions options) {
    if (groups == null || groups.count() == 0) {
      return null;
    }
    int[] tally = new int[GroupTable.TALLY * groups.count()];
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      int g = Rows.group(rows, base);
      if (g < 0) {
        continue;
      }
      // Every member counts for the grievance, also those outside the window: one group, one
      // matter.
      int read = Rows.grievance(rows, base);
      GroupTable.noteGrievance(tally, g, options.groupKind(read), read);
      GroupTable.notePlace(tally, g, Rows.place(rows, base), fp.place());
      if (Rows.within(rows, base, fp, window) && !Rows.samePerson(rows, base, fp)) {
        GroupTable.add(tally, g, Math.max(0, Rows.groupScore(rows, base, fp, options)));
      }
    }
    return tally;
  }

  /**
   * The complainant's own earliest filing in {@code group} with the same known grievance within the
   * duplicate window, dates of the facts and credit codes not disagreeing, or -1: a person in a
   * group complaint files once about it, so joining the group their own filing is in is filing it
   * again. An amount the text states is not asked, only one the field gives: a member tells the
   * bill one time and a dish's price the other (set W: 860 on the web, "花甲一盘188元" to the call
   * centre).
   */
  private int ownInGroup(Fingerprint fp, int group, long window, DedupOptions options) {
    if (!fp.hasIdentity() || fp.grievanceKey() == 0) {
      return -1;
    }
    // An undated grievance's group takes members whatever their dates: a person's own filing in it
    // may be another order of theirs, so the index's own rule, words and facts, decides.
    boolean wordsNeeded = options.wordsOverDates(fp.grievanceKey());
    int best = -1;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Rows.group(rows, base) == group
          && Rows.within(rows, base, fp, window)
          && Rows.samePerson(rows, base, fp)
          && Rows.grievance(rows, base) == fp.grievanceKey()
          && (wordsNeeded
              ? Rows.sameMatterAgain(rows, base, fp, false, options)
              : fp.amountFromText() && !fp.announcesAnotherMatter()
                  ? Rows.datesAllow(rows, base, fp)
                  : Rows.factsAllow(rows, base, fp))
          && (best < 0 || rows[base + Rows.RECEIVED] < rows[best * STRIDE + Rows.RECEIVED])) {
        best = r;
      }
    }
    return best;
  }

  /** The best-fitting other complainant's entry outside any group within the window, or -1. */
  private int findLoosePeer(Fingerprint fp, long window, DedupOptions options) {
    int best = -1;
    int bestFit = -1;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Rows.group(rows, base) < 0
          && Rows.within(rows, base, fp, window)
          && !Rows.samePerson(rows, base, fp)) {
        int fit = Rows.groupScore(rows, base, fp, options);
        if (Matcher.pairFits(fit) && fit > bestFit) {
          best = r;
          bestFit = fit;
        }
      }
    }
    return best;
  }

  /**
   * Puts the new row into {@code group}, or into a new group with {@code peer}; merges the other
   * groups it belongs to and pulls in the loose entries it matches: filings of the matter that
   * missed each other at first. {@code grievance} is the group's grievance key (0 while unknown): a
   * loose entry of another grievance stays out, and the first known one decides it; so does one of
   * another shop ({@link #admits}).
   */
  private DedupVerdict join(
      Fingerprint fp,
      int row,
      int group,
      int peer,
      long merge,
      long window,
      DedupOptions options,
      int grievance) {
    int threshold = options.escalationThreshold();
    int tag = Rows.tag(fp.id());
    List<UUID> joined = new ArrayList<>();
    int g =
        group >= 0
            ? group
            : groups().add(GroupTable.derivedId(Rows.id(rows, peer * STRIDE), fp.id()), 0);
    int before = groups.size(g);
    int size = before + 1 + (group >= 0 ? groups.absorb(rows, count, g, merge, tag, joined) : 0);
    Rows.setGroup(rows, row * STRIDE, g, tag);
    int groupGrievance = grievance;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (r != row
          && Rows.group(rows, base) < 0
          && Rows.within(rows, base, fp, window)
          && !Rows.samePerson(rows, base, fp)
          && !Matcher.grievancesDiffer(
              groupGrievance, options.groupKind(Rows.grievance(rows, base)))
          && admits(g, Rows.place(rows, base))
          && (r == peer || Matcher.pairFits(Rows.groupScore(rows, base, fp, options)))) {
        groupGrievance =
            groupGrievance != 0 ? groupGrievance : options.groupKind(Rows.grievance(rows, base));
        Rows.setGroup(rows, base, g, tag);
        joined.add(Rows.id(rows, base));
        size++;
      }
    }
    groups.setSize(g, size);
    if (size < 2) {
      // The peer that would have founded the group with it was refused (another shop): no group
      // of one (set AM's 北欧风尚家具 answered cluster_size 1 before Rows.groupScore knew the shops).
      groups.dissolveSingletons(rows, count);
      return DedupVerdict.fresh();
    }
    groups.compact(rows, count);
    boolean escalated = before < threshold && size >= threshold;
    return new DedupVerdict(
        DedupVerdict.Kind.CLUSTERED,
        null,
        groups.id(Rows.group(rows, row * STRIDE)),
        size,
        escalated,
        joined);
  }

  /**
   * Whether group {@code g} may take an entry at {@code place}: its merchant's district unknown, no
   * member's known, or a member in the same district or of the same name ({@link
   * GroupTable#notePlace}, for the record itself).
   */
  private boolean admits(int g, int place) {
    if (Matcher.district(place) == 0) {
      return true;
    }
    boolean placed = false;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Rows.group(rows, base) == g) {
        int member = Rows.place(rows, base);
        if (Matcher.shares(member, place)) {
          return true;
        }
        placed |= Matcher.district(member) != 0;
      }
    }
    return !placed;
  }

  /**
   * The groups of {@code mask} that may be the same shop as group {@code g}: those without a member
   * whose merchant is placed in a district, or with one in a district or of a name that a member of
   * {@code g} has ({@link #admits}, group by group). A newcomer that gives no district may fit two
   * shops' groups; it does not make them one.
   */
  private long sameShop(int g, long mask) {
    if (mask == 0) {
      return 0;
    }
    long kept = 0;
    for (int h = 0; h < 64; h++) {
      if ((mask & (1L << h)) != 0 && groupsAdmit(g, h)) {
        kept |= 1L << h;
      }
    }
    return kept;
  }

  /**
   * Whether some member of {@code h} is admitted by {@code g}, or no member of {@code h} is placed.
   */
  private boolean groupsAdmit(int g, int h) {
    boolean placed = false;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Rows.group(rows, base) == h) {
        int place = Rows.place(rows, base);
        if (Matcher.district(place) != 0) {
          placed = true;
          if (admits(g, place)) {
            return true;
          }
        }
      }
    }
    return !placed;
  }

  private GroupTable groups() {
    if (groups == null) {
      groups = new GroupTable();
    }
    return groups;
  }

  private int groupCount() {
    return groups == null ? 0 : groups.count();
  }

  private int append(Fingerprint fp) {
    if ((count + 1) * STRIDE > rows.length) {
      int capacity = Math.max(count + 1, count + (count >> 1)); // 1, 2, 3, 4, 6, 9, 13…
      rows = Arrays.copyOf(rows, capacity * STRIDE);
    }
    Rows.write(rows, count * STRIDE, fp);
    oldest = Math.min(oldest, fp.receivedAtEpochSecond());
    return count++;
  }

  private int rowOf(UUID id) {
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Rows.hasId(rows, base, id)) {
        return r;
      }
    }
    return -1;
  }

  private void removeRow(int row) {
    System.arraycopy(rows, (row + 1) * STRIDE, rows, row * STRIDE, (count - row - 1) * STRIDE);
    count--;
  }

  private void shrink(int g) {
    if (g >= 0) {
      groups.setSize(g, groups.size(g) - 1);
    }
  }

  /** Writes the whole state, for {@link #readFrom}. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(count);
    out.writeLong(newest);
    out.writeLong(oldest);
    for (int i = 0; i < count * STRIDE; i++) {
      out.writeLong(rows[i]);
    }
    out.writeBoolean(groups != null);
    if (groups != null) {
      groups.writeTo(out);
    }
  }

  /**
   * A state written by {@link #writeTo}.
   *
   * @throws IOException when it was written in another format, or is damaged
   */
  public static BlockState readFrom(DataInput in) throws IOException {
    int format = in.readInt();
    if (format != FORMAT && format != FORMAT_WITHOUT_PLACE) {
      throw new IOException("block state in format " + format + ", expected " + FORMAT);
    }
    BlockState state = new BlockState();
    state.count = in.readInt();
    if (state.count < 0) {
      throw new IOException("negative count");
    }
    state.newest = in.readLong();
    state.oldest = in.readLong();
    state.rows = new long[STRIDE * Math.max(1, state.count)];
    for (int i = 0; i < state.count * STRIDE; i++) {
      state.rows[i] = in.readLong();
    }
    if (format == FORMAT_WITHOUT_PLACE) {
      for (int base = 0; base < state.count * STRIDE; base += STRIDE) {
        state.rows[base + Rows.GRIEVANCE] &= 0xFFFFFFFFL;
      }
    }
    state.groups = in.readBoolean() ? GroupTable.readFrom(in) : null;
    return state;
  }
}
