package org.hotline.dedup;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * The complainants' side of {@link RecentFilings}: each person's recent first filings, as rows of
 * primitive columns in one ring instead of an object graph. A map of boxed person keys to arrays of
 * entries, each with its own signature array, cost the collector seven objects a filing to mark at
 * every cycle, most of the dedup memory; here a filing costs its merchant key and, when it is not
 * that key's own name, its name: the columns are a few dozen arrays for all of them.
 *
 * <p>Filings are numbered in the order they are added; filing {@code n} is in slot {@code n %
 * capacity}. The newest {@code capacity} are held: a new one past that takes the oldest's slot. The
 * ring is allocated a chunk of {@value #CHUNK} slots at a time, when a filing first reaches it: it
 * never copies rows and never asks for more than a chunk at once (a ring that doubled copied half a
 * million rows and allocated 150 MB at once, on the event loop, where a run of the harness on G1
 * stalled for half a second). A person key (the phone's hash, or the ID number's complemented,
 * {@link RecentFilings.Entry}) leads through an open-addressing index to the person's newest
 * filing, and each filing links to the same person's one before it under each of its two keys; a
 * link to a number older than the oldest held ends the walk. A walk sees at most {@code
 * maxPerPerson} filings within the window of the filing it is asked about, as the arrays of the
 * newest that were kept before.
 *
 * <p>Thread-safe: one lock. A walk compares under it ({@link #newestMatch}), since a slot may be
 * reused as soon as the lock is let go; the comparisons of one person's few filings are short.
 */
final class PersonFilings {
  /** Slots a chunk of the ring: 4,096 (about 600 kB of columns), allocated when first reached. */
  static final int CHUNK_BITS = 12;

  static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MASK = CHUNK - 1;
  private static final int WORDS = MinHash.WORDS;

  /** No filing: an empty index slot, a first filing's link. */
  private static final long NONE = -1;

  private static final byte DEAD = 1; // forgotten: its record was not committed
  private static final byte NAME_IS_KEY = 2; // its name is its merchant key without the prefix

  /** Filings a walk visits at most, within the window or not: a bound on the work of one. */
  private static final int MAX_VISITS = 64;

  private final int capacity;
  private final int maxPerPerson;
  private final long windowSeconds;

  private final Columns[] chunks;
  private long next; // the number the next filing gets
  private long oldest; // the oldest number still held

  private long[] keys = new long[16];
  private long[] heads = filled(16);
  private int used;

  /**
   * @param capacity {@code 1..}: the most filings held
   * @param maxPerPerson {@code 1..}: a person's filings a walk compares, the newest
   * @param windowSeconds how far apart in time a filing and the one compared may be
   */
  PersonFilings(int capacity, int maxPerPerson, long windowSeconds) {
    if (capacity < 1 || maxPerPerson < 1) {
      throw new IllegalArgumentException("capacity and maxPerPerson must be positive");
    }
    this.capacity = capacity;
    this.maxPerPerson = maxPerPerson;
    this.windowSeconds = windowSeconds;
    chunks = new Columns[(int) ((capacity + (long) MASK) >>> CHUNK_BITS)];
  }

  /** Adds {@code e} as its person's newest filing; an earlier copy of it (same id) goes. */
  synchronized void add(RecentFilings.Entry e) {
    long[] personKeys = e.personKeys();
    for (long key : personKeys) {
      kill(key, e.idHigh(), e.idLow());
    }
    if (next - oldest == capacity) {
      leave(oldest++); // its slot is the one the new filing takes
    }
    long n = next++;
    int slot = slot(n);
    Columns c = chunks[slot >>> CHUNK_BITS];
    if (c == null) {
      c = chunks[slot >>> CHUNK_BITS] = new Columns(CHUNK);
    }
    int i = slot & MASK;
    c.put(i, e, nameIsKey(e) ? NAME_IS_KEY : 0);
    c.prevByPhone[i] = NONE;
    c.prevByIdNumber[i] = NONE;
    for (long key : personKeys) {
      long before = live(head(key));
      if (isPhone(e.phone(), key)) {
        c.prevByPhone[i] = before;
      } else {
        c.prevByIdNumber[i] = before;
      }
      setHead(key, n);
    }
  }

  /**
   * The id of the newest of the person's filings that {@code matches} {@code now}, or of the
   * original whose telling it is ({@code RecentFilings.Entry#tellingOf}) (called as {@code
   * matches.test(now, earlier)}), looking under each of {@code now}'s person keys; null when none
   * does. The earlier entry is a view valid only inside the call.
   */
  synchronized UUID newestMatch(
      RecentFilings.Entry now, BiPredicate<RecentFilings.Entry, RecentFilings.Entry> matches) {
    Columns found = null;
    int at = 0;
    for (long key : now.personKeys()) {
      int within = 0;
      int visits = 0;
      for (long n = live(head(key)); n != NONE && visits < MAX_VISITS; n = live(link(n, key))) {
        int slot = slot(n);
        Columns c = chunk(slot);
        int i = slot & MASK;
        visits++;
        if ((c.flags[i] & DEAD) != 0) {
          continue;
        }
        if (Math.abs(now.received() - c.received[i]) <= windowSeconds && ++within > maxPerPerson) {
          break;
        }
        if (matches.test(now, c.entry(i))) {
          if (found == null || c.received[i] > found.received[at]) {
            found = c; // the newest under this key, and the newer of the two keys'
            at = i;
          }
          break;
        }
      }
    }
    return found == null ? null : new UUID(found.rootHigh[at], found.rootLow[at]);
  }

  /** Forgets the filing of record {@code id} under {@code personKeys}: it was not committed. */
  synchronized void forget(UUID id, long[] personKeys) {
    for (long key : personKeys) {
      kill(key, id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
  }

  /** Person keys with a filing held (a complainant with a phone and an ID number counts twice). */
  synchronized int people() {
    int n = 0;
    for (int i = 0; i < heads.length; i++) {
      if (live(heads[i]) != NONE && anyAlive(keys[i])) {
        n++;
      }
    }
    return n;
  }

  /** Filings held, forgotten ones included until their slots are taken. */
  synchronized int size() {
    return (int) (next - oldest);
  }

  private boolean anyAlive(long key) {
    int visits = 0;
    for (long n = live(head(key)); n != NONE && visits++ < MAX_VISITS; n = live(link(n, key))) {
      int slot = slot(n);
      if ((chunk(slot).flags[slot & MASK] & DEAD) == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marks the filings of record id {@code high, low} under {@code key} forgotten (among the newest
   * {@value #MAX_VISITS}: a record is forgotten, or added again by a retried batch, soon after).
   */
  private void kill(long key, long high, long low) {
    int visits = 0;
    for (long n = live(head(key)); n != NONE && visits++ < MAX_VISITS; n = live(link(n, key))) {
      int slot = slot(n);
      Columns c = chunk(slot);
      int i = slot & MASK;
      if (c.idHigh[i] == high && c.idLow[i] == low) {
        c.flags[i] |= DEAD;
      }
    }
  }

  /** {@code n} if that filing is still held, else {@link #NONE}. */
  private long live(long n) {
    return n >= oldest && n < next ? n : NONE;
  }

  /** The filing before {@code n} of the person under {@code key}. */
  private long link(long n, long key) {
    int slot = slot(n);
    Columns c = chunk(slot);
    int i = slot & MASK;
    return isPhone(c.phone[i], key) ? c.prevByPhone[i] : c.prevByIdNumber[i];
  }

  /**
   * Takes filing {@code n}, the oldest, out of the index where it is its person's newest: the index
   * holds only keys with a filing, so it never needs a rebuild to shed the others.
   */
  private void leave(long n) {
    int slot = slot(n);
    Columns c = chunk(slot);
    int i = slot & MASK;
    for (long key : RecentFilings.Entry.personKeys(c.phone[i], c.idNumber[i])) {
      removeIfHead(key, n);
    }
  }

  /** The ring's slot of filing {@code n}. */
  private int slot(long n) {
    return (int) (n % capacity);
  }

  /** The chunk of ring slot {@code slot} (of a filing held). */
  private Columns chunk(int slot) {
    return chunks[slot >>> CHUNK_BITS];
  }

  /** Whether {@code key} is the phone key of a filing whose phone hash is {@code phone}. */
  private static boolean isPhone(long phone, long key) {
    return phone != Identity.UNKNOWN && phone == key;
  }

  private static boolean nameIsKey(RecentFilings.Entry e) {
    String name = e.name();
    String key = e.blockingKey();
    int prefix = MerchantKeys.NAME_PREFIX.length();
    return name != null
        && key != null
        && key.length() == prefix + name.length()
        && key.startsWith(MerchantKeys.NAME_PREFIX)
        && key.regionMatches(prefix, name, 0, name.length());
  }

  // The index: open addressing, linear probing, a power-of-two table at most half full.

  private int find(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (heads[i] != NONE && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private long head(long key) {
    return heads[find(key)];
  }

  private void setHead(long key, long n) {
    int i = find(key);
    if (heads[i] == NONE) {
      keys[i] = key;
      used++;
    }
    heads[i] = n;
    if (2 * used > keys.length) {
      rebuild();
    }
  }

  /**
   * Removes {@code key} when its newest filing is {@code n}, moving back the keys after it in its
   * run that would no longer be found (linear probing's deletion, no tombstones).
   */
  private void removeIfHead(long key, long n) {
    int mask = keys.length - 1;
    int hole = find(key);
    if (heads[hole] != n) {
      return;
    }
    for (int j = (hole + 1) & mask; heads[j] != NONE; j = (j + 1) & mask) {
      int home = (int) mix(keys[j]) & mask;
      boolean reachable = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!reachable) {
        keys[hole] = keys[j];
        heads[hole] = heads[j];
        hole = j;
      }
    }
    heads[hole] = NONE;
    used--;
  }

  /** A table for the keys whose newest filing is still held, a quarter full. */
  private void rebuild() {
    long[] oldKeys = keys;
    long[] oldHeads = heads;
    int live = 0;
    for (long h : oldHeads) {
      if (live(h) != NONE) {
        live++;
      }
    }
    int size = Integer.highestOneBit(Math.max(8, live) * 4 - 1) << 1;
    keys = new long[size];
    heads = filled(size);
    used = 0;
    for (int i = 0; i < oldHeads.length; i++) {
      if (live(oldHeads[i]) != NONE) {
        int j = find(oldKeys[i]);
        keys[j] = oldKeys[i];
        heads[j] = oldHeads[i];
        used++;
      }
    }
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  private static long[] filled(int size) {
    long[] a = new long[size];
    Arrays.fill(a, NONE);
    return a;
  }

  /** The ring's columns, one slot a filing. */
  private static final class Columns {
    final long[] idHigh;
    final long[] idLow;
    final long[] rootHigh;
    final long[] rootLow;
    final String[] rootKey;
    final long[] received;
    final long[] phone;
    final long[] idNumber;
    final long[] amount;
    final int[] grievance;
    final int[] day;
    final int[] creditCode;
    final int[] district;
    final String[] name;
    final String[] blockingKey;
    final long[] signature;
    final long[] prevByPhone;
    final long[] prevByIdNumber;
    final byte[] flags;

    Columns(int length) {
      idHigh = new long[length];
      idLow = new long[length];
      rootHigh = new long[length];
      rootLow = new long[length];
      rootKey = new String[length];
      received = new long[length];
      phone = new long[length];
      idNumber = new long[length];
      amount = new long[length];
      grievance = new int[length];
      day = new int[length];
      creditCode = new int[length];
      district = new int[length];
      name = new String[length];
      blockingKey = new String[length];
      signature = new long[length * WORDS];
      prevByPhone = new long[length];
      prevByIdNumber = new long[length];
      flags = new byte[length];
    }

    void put(int slot, RecentFilings.Entry e, byte flag) {
      idHigh[slot] = e.idHigh();
      idLow[slot] = e.idLow();
      rootHigh[slot] = e.rootHigh();
      rootLow[slot] = e.rootLow();
      rootKey[slot] = e.rootKey();
      received[slot] = e.received();
      phone[slot] = e.phone();
      idNumber[slot] = e.idNumber();
      amount[slot] = e.amount();
      grievance[slot] = e.grievance();
      day[slot] = e.day();
      creditCode[slot] = e.creditCode();
      district[slot] = e.district();
      name[slot] = (flag & NAME_IS_KEY) != 0 ? null : e.name();
      blockingKey[slot] = e.blockingKey();
      System.arraycopy(e.signature(), e.signatureOffset(), signature, slot * WORDS, WORDS);
      flags[slot] = flag;
    }

    /**
     * The filing in {@code slot} as an entry; its signature is this ring's, so valid until reuse.
     */
    RecentFilings.Entry entry(int slot) {
      String key = blockingKey[slot];
      String n =
          (flags[slot] & NAME_IS_KEY) != 0
              ? key.substring(MerchantKeys.NAME_PREFIX.length())
              : name[slot];
      return new RecentFilings.Entry(
          idHigh[slot],
          idLow[slot],
          rootHigh[slot],
          rootLow[slot],
          rootKey[slot],
          received[slot],
          phone[slot],
          idNumber[slot],
          grievance[slot],
          amount[slot],
          day[slot],
          creditCode[slot],
          n,
          key,
          district[slot],
          signature,
          slot * WORDS);
    }
  }
}
