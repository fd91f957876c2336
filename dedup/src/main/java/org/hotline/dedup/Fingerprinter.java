package org.hotline.dedup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hotline.dedup.grievance.Grievance;
import org.hotline.dedup.text.PhoneNumbers;

/**
 * Turns a {@link DedupRecord} into the {@link Fingerprint} the index compares: merchant key
 * (through {@link MerchantAliases}), identity hashes, amount, date of the facts, the MinHash of the
 * content and the grievance the caller classified. Thread-safe.
 */
public final class Fingerprinter {
  /** Aliases held by the default in-memory table: far more merchants than a window sees. */
  public static final int DEFAULT_MAX_ALIASES = 1_000_000;

  // Dates in the text are Beijing dates, whatever zone the server runs in.
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String PHONE_BLOCK = "p:";
  private static final String ID_BLOCK = "i:";
  // Amounts beyond this are not complaints a hotline mediates; they are held as unknown.
  private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000_000L);

  private final Identity identity;
  private final MerchantKeys merchantKeys;
  private final MerchantAliases aliases;
  private final Set<Grievance> siteBound;

  /**
   * A fingerprinter with an in-memory alias table.
   *
   * @param identitySecret the server secret of the identity HMAC, at least 16 bytes
   * @param city the city's area code and place names
   */
  public Fingerprinter(byte[] identitySecret, CityProfile city) {
    this(identitySecret, city, MerchantAliases.inMemory(DEFAULT_MAX_ALIASES));
  }

  /** A fingerprinter sharing {@code aliases} (for example with other nodes). */
  public Fingerprinter(byte[] identitySecret, CityProfile city, MerchantAliases aliases) {
    this(identitySecret, city, aliases, Set.of());
  }

  /**
   * A fingerprinter sharing {@code aliases}, for which the grievances {@code siteBound} happen at
   * one premises ({@code GrievanceTaxonomy.siteBound}): a chain's branch in another district is
   * then another shop.
   */
  public Fingerprinter(
      byte[] identitySecret, CityProfile city, MerchantAliases aliases, Set<Grievance> siteBound) {
    this.identity = new Identity(identitySecret, new PhoneNumbers(city.areaCode()));
    this.merchantKeys = new MerchantKeys(city);
    this.aliases = Objects.requireNonNull(aliases, "aliases");
    this.siteBound = Set.copyOf(siteBound);
  }

  /**
   * The fingerprint of one record. Registers the merchant's credit code and name as aliases of its
   * blocking key (see {@link MerchantAliases}); otherwise without side effects. Blocks when the
   * alias table is shared: an event loop calls {@link #fingerprintAsync}.
   */
  public Fingerprint fingerprint(DedupRecord r) {
    Draft draft = draft(r);
    return draft.finish(aliases.canonical(draft.creditKey(), draft.nameKey()));
  }

  /**
   * {@link #fingerprint} without blocking: the text work is done on the calling thread, and only
   * the merchant's blocking key waits for the alias table.
   *
   * @param executor where a shared alias table makes its follow-up calls and the stage completes
   *     (see {@link MerchantAliases#canonicalAsync}); with the in-memory table the stage is
   *     complete on return
   */
  public CompletionStage<Fingerprint> fingerprintAsync(DedupRecord r, Executor executor) {
    Draft draft = draft(r);
    return aliases
        .canonicalAsync(draft.creditKey(), draft.nameKey(), executor)
        .thenApply(draft::finish);
  }

  /**
   * The fingerprint without asking the alias table: the merchant's own key (its credit code, else
   * its name) is its blocking key, as for a merchant the table has never seen, and nothing is
   * registered. For when a shared table does not answer in time; never blocks.
   */
  public Fingerprint fingerprintLocally(DedupRecord r) {
    Draft draft = draft(r);
    return draft.finish(draft.creditKey() != null ? draft.creditKey() : draft.nameKey());
  }

  /**
   * The length of the city's place a merchant name core opens with ({@link
   * MerchantKeys#placeOpening}), for {@link RecentFilings}.
   */
  public int placeOpening(String nameCore) {
    return merchantKeys.placeOpening(nameCore);
  }

  /** Everything but the blocking key, which needs the alias table. */
  private Draft draft(DedupRecord r) {
    long phone = identity.ofPhone(r.phone());
    long idNumber = identity.ofIdNumber(r.idNumber());
    String creditKey = MerchantKeys.creditKey(r.creditCode());
    // The name's core once, for the key and for cutting the name out of the text.
    // A name that only describes the shop (12345's 集美区杏林街道一美容店) is keyed by the sign its text
    // gives.
    String described = merchantKeys.describedSign(r.merchantName(), r.content());
    String nameCore = described != null ? described : merchantKeys.nameCore(r.merchantName());
    String nameKey = nameCore == null ? null : MerchantKeys.NAME_PREFIX + nameCore;
    // The text normalised once, for the shingles and for the amount and date it states.
    String text = r.content() == null ? null : ContentTokens.normalise(r.content());
    Fingerprint.Builder builder =
        Fingerprint.builder(r.id(), r.receivedAt().getEpochSecond())
            .identity(phone, idNumber)
            .merchantKeys(nameKey, creditKey)
            .amountCents(amountCents(r, text))
            .occurredEpochDay(occurredEpochDay(r, text))
            .signature(signature(r, text, nameCore))
            .grievance(r.grievance())
            .siteBound(siteBound.contains(r.grievance()))
            .anotherMatter(text != null && ContentFacts.announcesAnotherMatter(text))
            .followsUp(text != null && ContentFacts.followsUp(text))
            .heard(
                MerchantKeys.heard(r.merchantName()) || (text != null && MerchantKeys.heard(text)))
            .amountFromText(r.amount() == null)
            .textAmounts(r.amount() == null ? null : ContentFacts.amountsOfNormalised(text))
            .sign(sign(r))
            .district(merchantKeys.district(r.merchantName(), r.merchantAddress()));
    // The alias table answers null only when both keys are: only then do the place keys matter.
    String placeKey =
        creditKey == null && nameKey == null
            ? merchantKeys.key(null, null, r.merchantAddress(), r.platform())
            : null;
    return new Draft(builder, creditKey, nameKey, placeKey, phone, idNumber);
  }

  /**
   * The shop's sign beside a registered name ({@link MerchantKeys#signCore}), or a described shop's
   * two-character sign with its kind ({@link MerchantKeys#describedSpelling}): a spelling to find
   * its storm by, or null.
   */
  private String sign(DedupRecord r) {
    String sign = merchantKeys.signCore(r.merchantName(), r.content());
    return sign != null ? sign : merchantKeys.describedSpelling(r.merchantName(), r.content());
  }

  /** A fingerprint waiting for its merchant's canonical key; finished once. */
  private record Draft(
      Fingerprint.Builder builder,
      String creditKey,
      String nameKey,
      String placeKey,
      long phone,
      long idNumber) {
    /** The fingerprint, given the canonical key of the merchant (null when none is known). */
    Fingerprint finish(String merchant) {
      return builder.blockingKey(blockingKey(merchant, placeKey, phone, idNumber)).build();
    }
  }

  /**
   * Registers the merchant keys of a stored fingerprint, so that after a restart new filings find
   * the blocks the index is rebuilt with. Call it for each record, oldest first, alongside {@link
   * DedupIndex#restore}.
   */
  public void learn(Fingerprint fp) {
    aliases.learn(fp.creditKey(), fp.nameKey(), fp.blockingKey());
  }

  /** The alias table in use. */
  public MerchantAliases aliases() {
    return aliases;
  }

  @Override
  public String toString() {
    return "Fingerprinter[" + aliases + "]";
  }

  /** The merchant's key, else its platform's or address's ({@code placeKey}), else the person's. */
  private static String blockingKey(String merchant, String placeKey, long phone, long idNumber) {
    if (merchant == null) {
      merchant = placeKey;
    }
    if (merchant != null) {
      return merchant;
    }
    if (phone != Identity.UNKNOWN) {
      return PHONE_BLOCK + Long.toHexString(phone);
    }
    return idNumber != Identity.UNKNOWN ? ID_BLOCK + Long.toHexString(idNumber) : null;
  }

  /** The content's signature; {@code text} is the normalised content. */
  private long[] signature(DedupRecord r, String text, String nameCore) {
    return ContentShingles.signatureOfNormalised(
        text,
        r.id().getLeastSignificantBits(),
        r.merchantName(),
        nameCore,
        r.merchantAddress(),
        merchantKeys.addressCore(r.merchantAddress()),
        r.platform());
  }

  /** The amount field, else the amount the text states. */
  private static long amountCents(DedupRecord r, String text) {
    long cents = cents(r.amount());
    if (cents == Fingerprint.UNKNOWN_AMOUNT) {
      return ContentFacts.amountCentsOfNormalised(text);
    }
    // A compensation claimed (退一赔三，共2097) is compared as the price it is claimed for; another
    // compensation, or what is left, as no price.
    long price = ContentFacts.priceClaimedFor(text, cents);
    if (price != Fingerprint.UNKNOWN_AMOUNT) {
      return price;
    }
    return ContentFacts.notThePrice(text, cents) ? Fingerprint.UNKNOWN_AMOUNT : cents;
  }

  /** The date field, else the date the text states. */
  private static int occurredEpochDay(DedupRecord r, String text) {
    if (r.occurredOn() != null) {
      return (int) r.occurredOn().toEpochDay();
    }
    return ContentFacts.epochDayOfNormalised(text, LocalDate.ofInstant(r.receivedAt(), CHINA));
  }

  private static long cents(BigDecimal amount) {
    if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
      return Fingerprint.UNKNOWN_AMOUNT;
    }
    return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
