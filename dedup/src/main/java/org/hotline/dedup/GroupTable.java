package org.hotline.dedup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The group complaints of one block: id and size of each, in one primitive array, and the
 * housekeeping of the group column of the block's {@link Rows}. A block rarely holds more than a
 * few groups, so lookups are linear. Not thread-safe: owned by a {@link BlockState}.
 */
final class GroupTable {
  private static final int STRIDE = 3; // id high bits, id low bits, size

  private static final long[] EMPTY = {};

  /**
   * Ints a group takes in a tally: members within the window that are another complainant's, their
   * total group score with the record, the grievance key of the group's members (0 unknown), 1 when
   * one of them placed the merchant in a district, and 1 when one of them placed it in the record's
   * district or gave the record's merchant name (see {@link #notePlace}); then the members' own
   * grievance key as read (0 unknown) and 1 when they hold two of one kin (see {@link
   * #noteGrievance}).
   */
  static final int TALLY = 7;

  private long[] data = EMPTY;
  private int count;

  int count() {
    return count;
  }

  /** Writes the groups, for {@link #readFrom}; part of {@link BlockState#writeTo}. */
  void writeTo(DataOutput out) throws IOException {
    out.writeInt(count);
    for (int i = 0; i < count * STRIDE; i++) {
      out.writeLong(data[i]);
    }
  }

  static GroupTable readFrom(DataInput in) throws IOException {
    GroupTable table = new GroupTable();
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("negative group count");
    }
    table.data = count == 0 ? EMPTY : new long[count * STRIDE];
    for (int i = 0; i < count * STRIDE; i++) {
      table.data[i] = in.readLong();
    }
    table.count = count;
    return table;
  }

  /** Adds a group and returns its index. */
  int add(UUID id, int size) {
    if ((count + 1) * STRIDE > data.length) {
      data = Arrays.copyOf(data, Math.max(STRIDE, data.length * 2));
    }
    int base = count * STRIDE;
    data[base] = id.getMostSignificantBits();
    data[base + 1] = id.getLeastSignificantBits();
    data[base + 2] = size;
    return count++;
  }

  /** The index of group {@code id}, or -1. */
  int find(UUID id) {
    long hi = id.getMostSignificantBits();
    long lo = id.getLeastSignificantBits();
    for (int g = 0; g < count; g++) {
      if (data[g * STRIDE] == hi && data[g * STRIDE + 1] == lo) {
        return g;
      }
    }
    return -1;
  }

  UUID id(int g) {
    return new UUID(data[g * STRIDE], data[g * STRIDE + 1]);
  }

  int size(int g) {
    return (int) data[g * STRIDE + 2];
  }

  void setSize(int g, int size) {
    data[g * STRIDE + 2] = size;
  }

  /**
   * Moves the members of the groups in {@code mask} (bits by group index) into {@code g}: one
   * matter that started as two groups, because its first filings did not match each other, becomes
   * one. The moved entries are added to {@code joined}.
   *
   * @return the moved groups' total size
   */
  int absorb(long[] rows, int rowCount, int g, long mask, int tag, List<UUID> joined) {
    if (mask == 0) {
      return 0;
    }
    int size = 0;
    for (int h = 0; h < Math.min(64, count); h++) {
      size += (mask & (1L << h)) != 0 ? size(h) : 0;
    }
    for (int r = 0, base = 0; r < rowCount; r++, base += Rows.STRIDE) {
      int h = Rows.group(rows, base);
      if (h >= 0 && h < 64 && (mask & (1L << h)) != 0) {
        Rows.setGroup(rows, base, g, tag);
        joined.add(Rows.id(rows, base));
      }
    }
    return size;
  }

  /** Ungroups the members of groups left with one member: their founder was forgotten. */
  void dissolveSingletons(long[] rows, int rowCount) {
    for (int r = 0, base = 0; r < rowCount; r++, base += Rows.STRIDE) {
      int g = Rows.group(rows, base);
      if (g >= 0 && size(g) <= 1) {
        Rows.setGroup(rows, base, -1, 0);
      }
    }
    compact(rows, rowCount);
  }

  /** Drops the groups no row refers to any more, and renumbers the rest in the rows. */
  void compact(long[] rows, int rowCount) {
    if (count == 0) {
      return;
    }
    boolean[] used = new boolean[count];
    for (int r = 0; r < rowCount; r++) {
      int g = Rows.group(rows, r * Rows.STRIDE);
      if (g >= 0) {
        used[g] = true;
      }
    }
    int[] remap = retain(used);
    for (int r = 0, base = 0; r < rowCount; r++, base += Rows.STRIDE) {
      int g = Rows.group(rows, base);
      if (g >= 0) {
        Rows.setGroup(rows, base, remap[g], Rows.joinedVia(rows, base));
      }
    }
  }

  /** Keeps only the groups marked used, in order; returns each old index's new one (or -1). */
  private int[] retain(boolean[] used) {
    int[] remap = new int[count];
    int n = 0;
    for (int g = 0; g < count; g++) {
      if (used[g]) {
        System.arraycopy(data, g * STRIDE, data, n * STRIDE, STRIDE);
        remap[g] = n++;
      } else {
        remap[g] = -1;
      }
    }
    count = n;
    data = Arrays.copyOf(data, n * STRIDE);
    return remap;
  }

  /**
   * The group a record of grievance key {@code grievance} belongs to, given its {@code tally} (see
   * {@link #TALLY}; may be null), or -1: among the groups of no other grievance and not of another
   * shop ({@link #notePlace}), the one it scores best with on average over the members, if that
   * passes {@link Matcher#joinsGroup}. An average, not the best member, because compared with
   * dozens of members some unrelated filing always matches one.
   */
  static int best(int[] tally, int grievance) {
    int best = -1;
    for (int g = 0; tally != null && g < tally.length / TALLY; g++) {
      if (fits(tally, g, grievance)
          && (best < 0
              || (long) total(tally, g) * members(tally, best)
                  > (long) total(tally, best) * members(tally, g))) {
        best = g;
      }
    }
    return best;
  }

  /**
   * The other groups (bits by index, the first 64) the record also belongs to, whose grievance does
   * not differ from {@code grievance}: they are merged into {@code best}. Only groups whose
   * members' grievance was read as the record's ({@code read}) or not at all: two storms of one kin
   * at one merchant (a tour's hotel downgraded against the contract, the next day's tour cancelled
   * with the fees kept) are not merged through a member of either.
   */
  static long others(int[] tally, int best, int grievance, int read) {
    long mask = 0;
    for (int g = 0; best >= 0 && g < Math.min(64, tally.length / TALLY); g++) {
      if (g != best && fits(tally, g, grievance) && readAlike(tally, g, read)) {
        mask |= 1L << g;
      }
    }
    return mask;
  }

  /** Counts one member of group {@code g} with its score. */
  static void add(int[] tally, int g, int score) {
    tally[TALLY * g]++;
    tally[TALLY * g + 1] += score;
  }

  /**
   * Notes a member's grievance key as groups tell them apart ({@code grievance}, {@link
   * DedupOptions#groupKind}: the members of a group never hold two known ones but of one kin) and
   * as read ({@code read}).
   */
  static void noteGrievance(int[] tally, int g, int grievance, int read) {
    if (grievance != 0) {
      tally[TALLY * g + 2] = grievance;
    }
    if (read != 0) {
      int held = tally[TALLY * g + 5];
      if (held != 0 && held != read) {
        tally[TALLY * g + 6] = 1;
      }
      tally[TALLY * g + 5] = read;
    }
  }

  /** Whether group {@code g}'s members' grievance reads as {@code read}, either unread. */
  private static boolean readAlike(int[] tally, int g, int read) {
    int held = tally[TALLY * g + 5];
    return read == 0 || held == 0 || (held == read && tally[TALLY * g + 6] == 0);
  }

  /** The grievance key of group {@code g} in a tally, 0 when none of its members' is known. */
  static int grievance(int[] tally, int g) {
    return tally[TALLY * g + 2];
  }

  /**
   * Notes a member's merchant place ({@code Fingerprint.place}) against the record's ({@code
   * recordPlace}): a group is one shop, so a record that places its merchant in a district joins a
   * group whose members placed theirs only when one of them is in the same district or gave the
   * record's name (a chain's branch, {@link Matcher#otherShop}). Whatever order the members came
   * in.
   */
  static void notePlace(int[] tally, int g, int place, int recordPlace) {
    if (Matcher.district(place) != 0) {
      tally[TALLY * g + 3] = 1;
    }
    if (Matcher.district(recordPlace) == 0 || Matcher.shares(place, recordPlace)) {
      tally[TALLY * g + 4] = 1;
    }
  }

  private static boolean fits(int[] tally, int g, int grievance) {
    return !Matcher.grievancesDiffer(grievance(tally, g), grievance)
        && (tally[TALLY * g + 3] == 0 || tally[TALLY * g + 4] != 0)
        && Matcher.joinsGroup(total(tally, g), members(tally, g));
  }

  private static int members(int[] tally, int g) {
    return tally[TALLY * g];
  }

  private static int total(int[] tally, int g) {
    return tally[TALLY * g + 1];
  }

  /** A group id that is the same wherever it is computed (primary or backup of a partition). */
  static UUID derivedId(UUID first, UUID second) {
    long hi =
        MinHash.mix(first.getMostSignificantBits() ^ MinHash.mix(second.getLeastSignificantBits()));
    long lo = MinHash.mix(first.getLeastSignificantBits() + 31 * second.getMostSignificantBits());
    hi = (hi & ~0xF000L) | 0x4000L; // version 4 layout
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(hi, lo);
  }
}
