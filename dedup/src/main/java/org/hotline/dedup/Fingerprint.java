package org.hotline.dedup;

import java.io.Serializable;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.hotline.dedup.grievance.Grievance;

/**
 * The compact, immutable signature of one record that the index keeps: no personal data in clear
 * (the identity is a keyed hash), small enough for a million entries in a few hundred MB. Made by
 * {@link Fingerprinter}; {@link #toBytes()} is stored with the record so that the index can be
 * rebuilt at start-up.
 */
public final class Fingerprint implements Serializable {
  private static final long[] NO_AMOUNTS = {};

  /** {@link #amountCents()} when the amount is unknown. */
  public static final long UNKNOWN_AMOUNT = -1L;

  /** {@link #occurredEpochDay()} when the date of the facts is unknown. */
  public static final int UNKNOWN_DAY = Integer.MIN_VALUE;

  private static final long serialVersionUID = 3L;

  /**
   * Version 3 added the merchant's district, version 2 the grievance; what was stored before reads
   * with them unknown.
   */
  private static final byte VERSION = 3;

  private static final byte VERSION_WITHOUT_DISTRICT = 2;

  private static final byte VERSION_WITHOUT_GRIEVANCE = 1;

  private final UUID id;
  private final String blockingKey;
  private final long receivedAtEpochSecond;
  private final long phoneIdentity;
  private final long idNumberIdentity;
  private final long amountCents;
  private final int occurredEpochDay;
  private final int creditCodeHash;
  private final long[] signature;
  private final String nameKey;
  private final String creditKey;
  private final Grievance grievance;
  private final int grievanceKey;
  private final int district;
  private final boolean siteBound;
  private final transient boolean anotherMatter; // not stored: only the filing judged asks it
  private final transient boolean followsUp; // the same
  private final transient boolean heard; // the same
  private final transient boolean amountFromText; // the same
  private final transient long[] textAmounts; // the same
  private final transient String sign; // the same
  private final int place; // derived once: compared with every entry of a block

  private Fingerprint(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.blockingKey = b.blockingKey;
    this.receivedAtEpochSecond = b.receivedAtEpochSecond;
    this.phoneIdentity = b.phoneIdentity;
    this.idNumberIdentity = b.idNumberIdentity;
    this.amountCents = b.amountCents < 0 ? UNKNOWN_AMOUNT : b.amountCents;
    this.occurredEpochDay = b.occurredEpochDay;
    this.creditCodeHash = b.creditKey == null ? 0 : nonZeroHash(b.creditKey);
    if (b.signature == null || b.signature.length != MinHash.WORDS) {
      throw new IllegalArgumentException("signature must have " + MinHash.WORDS + " words");
    }
    this.signature = b.signature.clone();
    this.nameKey = b.nameKey;
    this.creditKey = b.creditKey;
    this.grievance = b.grievance == null ? Grievance.UNKNOWN : b.grievance;
    this.grievanceKey = grievance.key();
    this.district = b.district;
    this.siteBound = b.siteBound;
    this.anotherMatter = b.anotherMatter;
    this.followsUp = b.followsUp;
    this.heard = b.heard;
    this.amountFromText = b.amountFromText;
    this.textAmounts = b.textAmounts;
    this.sign = b.sign;
    this.place = place(district, siteBound ? null : nameKey);
  }

  /**
   * A builder for a fingerprint of record {@code id}; see {@link Fingerprinter} for the usual way.
   */
  public static Builder builder(UUID id, long receivedAtEpochSecond) {
    return new Builder(id, receivedAtEpochSecond);
  }

  /** The record's id. */
  public UUID id() {
    return id;
  }

  /**
   * The partition key: the merchant key, or the identity ({@code p:}/{@code i:} and a hash) when no
   * merchant is known. Null when the record has neither: nothing can match it, and the index then
   * answers {@link DedupVerdict.Kind#NEW} without holding it.
   */
  public String blockingKey() {
    return blockingKey;
  }

  /**
   * Another record's place under this fingerprint's blocking key: enough for {@link
   * DedupIndex#forget} of a record this one was linked to, whose own fingerprint is not at hand
   * (one a node judged and never committed before it stopped).
   */
  public Fingerprint withId(UUID other) {
    return copy(other, blockingKey);
  }

  /**
   * This fingerprint under another blocking key: a filing judged under the key of another spelling
   * of its merchant ({@link RecentFilings}). Everything else, the name and credit-code keys the
   * record gave included, is the same.
   */
  public Fingerprint withBlockingKey(String key) {
    return copy(id, key);
  }

  /**
   * This fingerprint with other identities ({@link IdentityLinks}: the phone a filing tied to the
   * ID number this one gives alone), everything else the same.
   */
  public Fingerprint withIdentity(long phone, long idNumber) {
    return copy(id, blockingKey, phone, idNumber);
  }

  /** This fingerprint with another record id and blocking key, everything else the same. */
  private Fingerprint copy(UUID recordId, String key) {
    return copy(recordId, key, phoneIdentity, idNumberIdentity);
  }

  private Fingerprint copy(UUID recordId, String key, long phone, long idNumber) {
    return builder(recordId, receivedAtEpochSecond)
        .blockingKey(key)
        .identity(phone, idNumber)
        .amountCents(amountCents)
        .occurredEpochDay(occurredEpochDay)
        .signature(signature)
        .merchantKeys(nameKey, creditKey)
        .grievance(grievance)
        .district(district)
        .siteBound(siteBound)
        .anotherMatter(anotherMatter)
        .followsUp(followsUp)
        .heard(heard)
        .amountFromText(amountFromText)
        .textAmounts(textAmounts)
        .sign(sign)
        .build();
  }

  /** Whether the record has a blocking key, so that the index can compare and hold it. */
  public boolean indexable() {
    return blockingKey != null;
  }

  /** {@code received_at} in epoch seconds. */
  public long receivedAtEpochSecond() {
    return receivedAtEpochSecond;
  }

  /** Keyed hash of the normalised phone number, or {@link Identity#UNKNOWN}. */
  public long phoneIdentity() {
    return phoneIdentity;
  }

  /** Keyed hash of the normalised ID number, or {@link Identity#UNKNOWN}. */
  public long idNumberIdentity() {
    return idNumberIdentity;
  }

  /** Whether the complainant can be recognised at all: a phone or an ID number was given. */
  public boolean hasIdentity() {
    return phoneIdentity != Identity.UNKNOWN || idNumberIdentity != Identity.UNKNOWN;
  }

  /** The amount in cents, or {@link #UNKNOWN_AMOUNT}. */
  public long amountCents() {
    return amountCents;
  }

  /** The date of the facts as an epoch day, or {@link #UNKNOWN_DAY}. */
  public int occurredEpochDay() {
    return occurredEpochDay;
  }

  /** A 32-bit hash of the merchant's credit code, 0 when none was given. */
  public int creditCodeHash() {
    return creditCodeHash;
  }

  /** The MinHash signature of the content ({@value MinHash#WORDS} longs; a copy). */
  public long[] signature() {
    return signature.clone();
  }

  /** The merchant name key ({@code n:…}) this record gave, or null; for merchant aliases. */
  public String nameKey() {
    return nameKey;
  }

  /** The credit-code key ({@code cc:…}) this record gave, or null; for merchant aliases. */
  public String creditKey() {
    return creditKey;
  }

  /**
   * The merchant's district as its division code, {@link MerchantKeys#UNKNOWN_DISTRICT} when the
   * filing does not say (see {@link MerchantKeys#district}).
   */
  public int district() {
    return district;
  }

  /**
   * The merchant's district and a 12-bit tag of its name key packed in one int ({@code district <<
   * 12 | tag}, 0 parts unknown), for {@link Matcher#otherShop}. No tag when the grievance is bound
   * to one site: then a chain's branch in another district is another shop.
   */
  int place() {
    return place;
  }

  private static int place(int district, String nameKey) {
    int tag = nameKey == null ? 0 : nonZeroHash(nameKey) & 0xFFF;
    return district << 12 | (nameKey != null && tag == 0 ? 1 : tag);
  }

  /**
   * Whether the text announces another matter than the person's earlier ones ({@code 又是这家店！},
   * {@code 又买了}, {@code 另一家}): then it is no re-filing of one under another spelling of the shop
   * ({@link RecentFilings}). Not stored, nor compared: only the filing being judged is asked.
   */
  public boolean announcesAnotherMatter() {
    return anotherMatter;
  }

  /**
   * Whether the text says it follows up the person's filing of the matter already made ({@code
   * 昨天打了12315，当时想不起店名}, {@code 此前来电投诉的空调安装问题}): then it is their recent filing's re-filing whatever
   * the shop's name and the grievance it is read as ({@link RecentFilings}). Not stored, nor
   * compared: only the filing being judged is asked.
   */
  public boolean followsUp() {
    return followsUp;
  }

  /**
   * Whether the shop's name was written by ear ({@code 阿瑞海鲜（音）}, {@code 来电人称店名“先果园”（音）}): the call
   * centre marks a name it heard, so any of its characters may stand for another that sounds alike
   * ({@link RecentFilings}). Not stored, nor compared: only the filing being judged is asked.
   */
  public boolean heard() {
    return heard;
  }

  /**
   * Whether the amount field was empty, so that {@link #amountCents} is what the text states, if
   * anything: often a part of the matter (a dish's price, the balance left) rather than what was
   * paid. Not stored, nor compared: only the filing being judged is asked.
   */
  public boolean amountFromText() {
    return amountFromText;
  }

  /**
   * The amounts the text states, in cents, when the amount field was given (none otherwise: then
   * {@link #amountCents} is the text's), at most {@value ContentFacts#TEXT_AMOUNTS}, in the text's
   * order: a re-filing's field often gives what is claimed back (480元) where its text restates what
   * was paid, the first filing's amount (结账680元). Not stored, nor compared: only the filing being
   * judged is asked.
   */
  public long[] textAmounts() {
    return textAmounts;
  }

  /**
   * The name core of the shop's sign that the filing gives beside a registered name, in brackets
   * after it in the name or the text ({@code 厦门梵音健康管理有限公司（梵音瑜伽）}: {@code 梵音瑜伽}), or null. Not
   * stored: only the filing judged asks it ({@link RecentFilings}: a storm's members wrote the
   * sign).
   */
  public String sign() {
    return sign;
  }

  /** The grievance (问题类别) of the record, {@link Grievance#UNKNOWN} when none was read. */
  public Grievance grievance() {
    return grievance;
  }

  /** {@link Grievance#key()} of the grievance, computed once: the index compares it per entry. */
  int grievanceKey() {
    return grievanceKey;
  }

  /** The signature without copying, for the index's comparisons. */
  long[] signatureWords() {
    return signature;
  }

  /** A stable binary form, stored with the record so the index can be rebuilt. */
  public byte[] toBytes() {
    byte[] bk = utf8(blockingKey);
    byte[] nk = utf8(nameKey);
    byte[] ck = utf8(creditKey);
    byte[] gv = utf8(grievance.known() ? grievance.code() : null);
    int size = 1 + 8 * 6 + 4 + 1 + 8 * signature.length + lengths(bk, nk, ck, gv) + 5;
    ByteBuffer buf = ByteBuffer.allocate(size);
    buf.put(VERSION).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    buf.putLong(receivedAtEpochSecond).putLong(phoneIdentity).putLong(idNumberIdentity);
    buf.putLong(amountCents).putInt(occurredEpochDay).put((byte) signature.length);
    for (long w : signature) {
      buf.putLong(w);
    }
    putString(buf, bk);
    putString(buf, nk);
    putString(buf, ck);
    putString(buf, gv);
    buf.putInt(district).put((byte) (siteBound ? 1 : 0));
    return buf.array();
  }

  /**
   * Reads {@link #toBytes()} back, and the bytes of versions 1 (stored before grievances) and 2
   * (before districts), with what they lack unknown, so that an existing database still rebuilds
   * the index.
   *
   * @throws IllegalArgumentException when the bytes are not a fingerprint of a known version
   */
  public static Fingerprint fromBytes(byte[] bytes) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      byte version = buf.get();
      if (version != VERSION
          && version != VERSION_WITHOUT_DISTRICT
          && version != VERSION_WITHOUT_GRIEVANCE) {
        throw new IllegalArgumentException("unknown fingerprint version");
      }
      Builder b = builder(new UUID(buf.getLong(), buf.getLong()), buf.getLong());
      b.identity(buf.getLong(), buf.getLong()).amountCents(buf.getLong());
      b.occurredEpochDay(buf.getInt());
      long[] sig = new long[buf.get()];
      for (int i = 0; i < sig.length; i++) {
        sig[i] = buf.getLong();
      }
      b.signature(sig).blockingKey(getString(buf));
      b.merchantKeys(getString(buf), getString(buf));
      if (version >= VERSION_WITHOUT_DISTRICT) {
        b.grievance(Grievance.of(getString(buf)));
      }
      if (version == VERSION) {
        b.district(buf.getInt()).siteBound(buf.get() != 0);
      }
      return b.build();
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("truncated fingerprint", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && Arrays.equals(toBytes(), f.toBytes());
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** No personal data: the identity hashes and merchant keys are left out. */
  @Override
  public String toString() {
    return "Fingerprint[id=" + id + ", receivedAt=" + receivedAtEpochSecond + "]";
  }

  static int nonZeroHash(String s) {
    int h = (int) MinHash.mix(s.hashCode() * 0x9E3779B97F4A7C15L);
    return h == 0 ? 1 : h;
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static int lengths(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += 4 + (p == null ? 0 : p.length);
    }
    return n;
  }

  private static void putString(ByteBuffer buf, byte[] s) {
    buf.putInt(s == null ? -1 : s.length);
    if (s != null) {
      buf.put(s);
    }
  }

  private static String getString(ByteBuffer buf) {
    int n = buf.getInt();
    if (n < 0) {
      return null;
    }
    byte[] s = new byte[n];
    buf.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  /** Collects the parts of a {@link Fingerprint}; unknown parts keep their "unknown" defaults. */
  public static final class Builder {
    private final UUID id;
    private final long receivedAtEpochSecond;
    private String blockingKey;
    private long phoneIdentity = Identity.UNKNOWN;
    private long idNumberIdentity = Identity.UNKNOWN;
    private long amountCents = UNKNOWN_AMOUNT;
    private int occurredEpochDay = UNKNOWN_DAY;
    private long[] signature;
    private String nameKey;
    private String creditKey;
    private Grievance grievance = Grievance.UNKNOWN;
    private int district = MerchantKeys.UNKNOWN_DISTRICT;
    private boolean siteBound;
    private boolean anotherMatter;
    private boolean followsUp;
    private boolean heard;
    private boolean amountFromText;
    private long[] textAmounts = NO_AMOUNTS;
    private String sign;

    private Builder(UUID id, long receivedAtEpochSecond) {
      this.id = id;
      this.receivedAtEpochSecond = receivedAtEpochSecond;
    }

    /** The partition key; null when neither a merchant nor an identity is known. */
    public Builder blockingKey(String key) {
      this.blockingKey = key;
      return this;
    }

    /** The keyed hashes of the phone and the ID number ({@link Identity#UNKNOWN} when absent). */
    public Builder identity(long phone, long idNumber) {
      this.phoneIdentity = phone;
      this.idNumberIdentity = idNumber;
      return this;
    }

    /** The amount in cents; negative means unknown. */
    public Builder amountCents(long cents) {
      this.amountCents = cents;
      return this;
    }

    /** The date of the facts as an epoch day, or {@link #UNKNOWN_DAY}. */
    public Builder occurredEpochDay(int day) {
      this.occurredEpochDay = day;
      return this;
    }

    /** The content's MinHash signature, {@value MinHash#WORDS} longs (see {@link MinHash}). */
    public Builder signature(long[] words) {
      this.signature = words;
      return this;
    }

    /** The merchant's name key and credit-code key as the record gave them (each may be null). */
    public Builder merchantKeys(String nameKey, String creditKey) {
      this.nameKey = nameKey;
      this.creditKey = creditKey;
      return this;
    }

    /** The grievance the record was classified with; null means unknown. */
    public Builder grievance(Grievance g) {
      this.grievance = g;
      return this;
    }

    /**
     * The merchant's district's division code, {@link MerchantKeys#UNKNOWN_DISTRICT} if unknown.
     */
    public Builder district(int code) {
      this.district = code;
      return this;
    }

    /** Whether the grievance happens at one premises ({@code GrievanceClass.siteBound}). */
    public Builder siteBound(boolean bound) {
      this.siteBound = bound;
      return this;
    }

    /** The shop's sign a registered name's text gives ({@link #sign}), or null. */
    public Builder sign(String signCore) {
      this.sign = signCore;
      return this;
    }

    /** The amounts the text states, when the field gave one ({@link #textAmounts}). */
    public Builder textAmounts(long[] cents) {
      this.textAmounts = cents == null ? NO_AMOUNTS : cents;
      return this;
    }

    /** Whether the amount field was empty ({@link #amountFromText}). */
    public Builder amountFromText(boolean fromText) {
      this.amountFromText = fromText;
      return this;
    }

    /** Whether the text follows up a filing already made ({@link #followsUp}). */
    public Builder followsUp(boolean follows) {
      this.followsUp = follows;
      return this;
    }

    /** Whether the shop's name was written by ear ({@link #heard}). */
    public Builder heard(boolean byEar) {
      this.heard = byEar;
      return this;
    }

    /** Whether the text announces another matter ({@link #announcesAnotherMatter}). */
    public Builder anotherMatter(boolean another) {
      this.anotherMatter = another;
      return this;
    }

    public Fingerprint build() {
      return new Fingerprint(this);
    }
  }
}
