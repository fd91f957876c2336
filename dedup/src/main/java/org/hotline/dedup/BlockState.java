package org.hotline.dedup;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Everything the index holds under one blocking key, and the one decision made there. Both index
 * implementations keep one of these per key and call {@link #decide} atomically: the in-memory
 * index inside {@code ConcurrentHashMap.compute}, the Hazelcast index inside an {@code
 * EntryProcessor} on the key's owner. Not thread-safe by itself.
 *
 * <p>Entries are rows of {@value #STRIDE} longs in one array (128 bytes each, no object per entry):
 * id, identity hashes, received_at, amount, date and credit-code hash, group, MinHash signature.
 * {@link #decide} is deterministic (group ids are derived from record ids), so a backup replaying
 * it reaches the same state.
 */
public final class BlockState implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int STRIDE = 8 + MinHash.WORDS;
  private static final int ID_HI = 0;
  private static final int ID_LO = 1;
  private static final int PHONE = 2;
  private static final int ID_NUMBER = 3;
  private static final int RECEIVED = 4;
  private static final int AMOUNT = 5;
  private static final int DAY_AND_CC = 6;
  private static final int GROUP = 7;
  private static final int SIGNATURE = 8;
  private static final long NO_GROUP = -1;

  private transient long[] rows = new long[STRIDE];
  private int count;
  private long newest = Long.MIN_VALUE;
  private long oldest = Long.MAX_VALUE;
  private GroupTable groups = new GroupTable();

  /** Compares with the held entries, records the fingerprint unless it is a duplicate. */
  public DedupVerdict decide(Fingerprint fingerprint, DedupOptions options) {
    if (!fingerprint.indexable()) {
      return DedupVerdict.fresh();
    }
    newest = Math.max(newest, fingerprint.receivedAtEpochSecond());
    prune(newest, options);
    int original = findOriginal(fingerprint, options.duplicateWindow().getSeconds());
    if (original >= 0) {
      return new DedupVerdict(
          DedupVerdict.Kind.DUPLICATE, idAt(original), null, 0, false, List.of());
    }
    int peer = findGroupPeer(fingerprint, options.clusterWindow().getSeconds());
    int row = append(fingerprint);
    return peer < 0 ? DedupVerdict.fresh() : join(row, peer, options.escalationThreshold());
  }

  /** Removes the entry of a record that was not committed. */
  public void forget(UUID id) {
    int row = rowOf(id);
    if (row < 0) {
      return;
    }
    int g = (int) rows[row * STRIDE + GROUP];
    removeRow(row);
    if (g >= 0) {
      int size = groups.size(g) - 1;
      groups.setSize(g, size);
      if (size <= 1) {
        dissolve(g); // the forgotten record created the group: it never existed
      }
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
      int g = groups.find(clusterId);
      if (g < 0) {
        g = groups.add(clusterId, Math.max(1, clusterSize));
      } else {
        groups.setSize(g, Math.max(groups.size(g), clusterSize));
      }
      rows[row * STRIDE + GROUP] = g;
    }
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
      long received = rows[r * STRIDE + RECEIVED];
      if (received >= cutoff) {
        System.arraycopy(rows, r * STRIDE, rows, kept * STRIDE, STRIDE);
        newOldest = Math.min(newOldest, received);
        kept++;
      }
    }
    count = kept;
    oldest = newOldest;
    compactGroups();
    if (rows.length > 2 * STRIDE * Math.max(1, count)) {
      rows = Arrays.copyOf(rows, STRIDE * Math.max(1, count));
    }
  }

  /** Entries held. */
  public int size() {
    return count;
  }

  /**
   * The latest {@code received_at} seen in this block (epoch seconds), for sweeping idle blocks.
   */
  public long newestEpochSecond() {
    return newest;
  }

  /** The size of group {@code clusterId} as this block knows it, 0 when unknown. */
  public int groupSize(UUID clusterId) {
    int g = groups.find(clusterId);
    return g < 0 ? 0 : groups.size(g);
  }

  /** Bytes of the arrays this block holds, for memory accounting. */
  public long retainedArrayBytes() {
    return 8L * rows.length + 24L * groups.count();
  }

  @Override
  public String toString() {
    return "BlockState[entries=" + count + ", groups=" + groups.count() + "]";
  }

  /** The earliest entry of the same complainant about the same matter within the window, or -1. */
  private int findOriginal(Fingerprint fp, long window) {
    if (!fp.hasIdentity()) {
      return -1; // an anonymous filing can never be told to be the same person's
    }
    long[] sig = fp.signatureWords();
    int best = -1;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Math.abs(fp.receivedAtEpochSecond() - rows[base + RECEIVED]) > window
          || !Identity.samePerson(
              fp.phoneIdentity(), fp.idNumberIdentity(), rows[base + PHONE], rows[base + ID_NUMBER])
          || (best >= 0 && rows[base + RECEIVED] >= rows[best * STRIDE + RECEIVED])) {
        continue;
      }
      int agreement = MinHash.agreement(sig, 0, rows, base + SIGNATURE);
      long dayCc = rows[base + DAY_AND_CC];
      if (Matcher.sameMatterAgain(
          agreement,
          fp.amountCents(),
          rows[base + AMOUNT],
          fp.occurredEpochDay(),
          (int) (dayCc >> 32),
          fp.creditCodeHash(),
          (int) dayCc)) {
        best = r;
      }
    }
    return best;
  }

  /**
   * The best entry of another complainant about the same matter within the window, or -1. An entry
   * already in a group is preferred, so that one matter grows one group.
   */
  private int findGroupPeer(Fingerprint fp, long window) {
    long[] sig = fp.signatureWords();
    int best = -1;
    int bestScore = -1;
    for (int r = 0, base = 0; r < count; r++, base += STRIDE) {
      if (Math.abs(fp.receivedAtEpochSecond() - rows[base + RECEIVED]) > window
          || Identity.samePerson(
              fp.phoneIdentity(),
              fp.idNumberIdentity(),
              rows[base + PHONE],
              rows[base + ID_NUMBER])) {
        continue;
      }
      long dayCc = rows[base + DAY_AND_CC];
      int fit =
          Matcher.groupFit(
              MinHash.agreement(sig, 0, rows, base + SIGNATURE),
              fp.occurredEpochDay(),
              (int) (dayCc >> 32),
              fp.creditCodeHash(),
              (int) dayCc);
      int score = fit < 0 ? -1 : fit + (rows[base + GROUP] >= 0 ? MinHash.SLOTS + 1 : 0);
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    return best;
  }

  private DedupVerdict join(int row, int peer, int threshold) {
    int g = (int) rows[peer * STRIDE + GROUP];
    List<UUID> joined = List.of();
    if (g < 0) {
      UUID peerId = idAt(peer);
      g = groups.add(GroupTable.derivedId(peerId, idAt(row)), 1);
      rows[peer * STRIDE + GROUP] = g;
      joined = List.of(peerId);
    }
    int size = groups.size(g) + 1;
    groups.setSize(g, size);
    rows[row * STRIDE + GROUP] = g;
    return new DedupVerdict(
        DedupVerdict.Kind.CLUSTERED, null, groups.id(g), size, size == threshold, joined);
  }

  private int append(Fingerprint fp) {
    if ((count + 1) * STRIDE > rows.length) {
      int capacity = Math.max(count + 1, count + (count >> 1)); // 1, 2, 3, 4, 6, 9, 13…
      rows = Arrays.copyOf(rows, capacity * STRIDE);
    }
    int base = count * STRIDE;
    rows[base + ID_HI] = fp.id().getMostSignificantBits();
    rows[base + ID_LO] = fp.id().getLeastSignificantBits();
    rows[base + PHONE] = fp.phoneIdentity();
    rows[base + ID_NUMBER] = fp.idNumberIdentity();
    rows[base + RECEIVED] = fp.receivedAtEpochSecond();
    rows[base + AMOUNT] = fp.amountCents();
    rows[base + DAY_AND_CC] =
        ((long) fp.occurredEpochDay() << 32) | (fp.creditCodeHash() & 0xFFFFFFFFL);
    rows[base + GROUP] = NO_GROUP;
    System.arraycopy(fp.signatureWords(), 0, rows, base + SIGNATURE, MinHash.WORDS);
    oldest = Math.min(oldest, fp.receivedAtEpochSecond());
    return count++;
  }

  private UUID idAt(int row) {
    return new UUID(rows[row * STRIDE + ID_HI], rows[row * STRIDE + ID_LO]);
  }

  private int rowOf(UUID id) {
    long hi = id.getMostSignificantBits();
    long lo = id.getLeastSignificantBits();
    for (int r = 0; r < count; r++) {
      if (rows[r * STRIDE + ID_HI] == hi && rows[r * STRIDE + ID_LO] == lo) {
        return r;
      }
    }
    return -1;
  }

  private void removeRow(int row) {
    System.arraycopy(rows, (row + 1) * STRIDE, rows, row * STRIDE, (count - row - 1) * STRIDE);
    count--;
  }

  private void dissolve(int g) {
    for (int r = 0; r < count; r++) {
      if (rows[r * STRIDE + GROUP] == g) {
        rows[r * STRIDE + GROUP] = NO_GROUP;
      }
    }
    compactGroups();
  }

  /** Drops groups no entry refers to any more, and renumbers the rest. */
  private void compactGroups() {
    if (groups.count() == 0) {
      return;
    }
    boolean[] used = new boolean[groups.count()];
    for (int r = 0; r < count; r++) {
      int g = (int) rows[r * STRIDE + GROUP];
      if (g >= 0) {
        used[g] = true;
      }
    }
    int[] remap = groups.retain(used);
    for (int r = 0; r < count; r++) {
      int g = (int) rows[r * STRIDE + GROUP];
      if (g >= 0) {
        rows[r * STRIDE + GROUP] = remap[g];
      }
    }
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    for (int i = 0; i < count * STRIDE; i++) {
      out.writeLong(rows[i]);
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (count < 0) {
      throw new java.io.InvalidObjectException("negative count");
    }
    rows = new long[STRIDE * Math.max(1, count)];
    for (int i = 0; i < count * STRIDE; i++) {
      rows[i] = in.readLong();
    }
  }
}
