package org.hotline.dedup.eval;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline.dedup.eval.EvalPopulation.Merchant;
import org.hotline.dedup.eval.EvalPopulation.Person;
import org.hotline.dedup.eval.EvalSetGenerator.Matter;

/**
 * The filings of one matter: the first, and the re-filings through other channels (or the same one,
 * or an upstream retry), each with the channel's own habits for which fields are filled and how
 * (credit code mostly from operators, amount missing or rounded, the date off by a day).
 */
final class EvalFilings {
  /** One line of the evaluation set. {@code seq} orders records filed in the same second. */
  record Row(
      long seq,
      Instant received,
      String channel,
      String personId,
      String matterId,
      String stormId,
      String phone,
      String idNumber,
      String merchantName,
      String creditCode,
      String merchantAddress,
      String platform,
      String content,
      String amount,
      String occurredOn,
      String category,
      String grievance) {

    String toTsv(String recordId) {
      return String.join(
          "\t",
          recordId,
          EvalSetGenerator.iso(received),
          channel,
          personId,
          matterId,
          clean(stormId),
          clean(phone),
          clean(idNumber),
          clean(merchantName),
          clean(creditCode),
          clean(merchantAddress),
          clean(platform),
          clean(content),
          clean(amount),
          clean(occurredOn),
          clean(category),
          grievance);
    }

    private static String clean(String s) {
      return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
  }

  private static final List<String> CHANNELS = List.of("phone", "web", "12345");

  private final Random random;
  private final EvalPopulation population;
  private final EvalRenderer renderer;
  private long seq;

  EvalFilings(Random random, EvalPopulation population, EvalRenderer renderer) {
    this.random = random;
    this.population = population;
    this.renderer = renderer;
  }

  List<Row> of(Matter m) {
    List<Row> rows = new ArrayList<>();
    int copies = 1 + refilings(m.stormId() != null);
    String channel = firstChannel();
    Instant at = m.firstFiled();
    for (int k = 0; k < copies; k++) {
      if (k > 0) {
        channel = random.nextDouble() < 0.8 ? otherChannel(channel) : channel;
        at = at.plus(refilingDelay());
      }
      Row row = filing(m, channel, at, k > 0 && random.nextDouble() < 0.3);
      rows.add(row);
      if (random.nextDouble() < 0.02) { // an upstream system sent it twice
        rows.add(copy(row, at.plusSeconds(30 + random.nextInt(600))));
      }
    }
    return rows;
  }

  private Row filing(Matter m, String channel, Instant at, boolean roundAmount) {
    Person p = m.person();
    Merchant merchant = m.merchant();
    boolean withCredit = random.nextDouble() < creditChance(channel);
    String name =
        withCredit && random.nextDouble() < 0.15
            ? merchant.registered()
            : population.merchantName(merchant);
    // Platform sellers often publish no address.
    String address =
        merchant.platform() == null && random.nextDouble() < addressChance(channel)
            ? population.address(merchant)
            : null;
    long amount = m.amountYuan();
    if (roundAmount) {
      amount = rounded(amount);
    }
    boolean amountGiven = random.nextDouble() < amountChance(channel);
    LocalDate occurred = m.occurredOn();
    if (random.nextDouble() < 0.08) {
      occurred = occurred.plusDays(random.nextBoolean() ? 1 : -1);
    }
    boolean dateGiven = random.nextDouble() < dateChance(channel);
    String contentAddress =
        address != null || merchant.platform() != null ? address : population.address(merchant);
    EvalRenderer.Facts facts =
        new EvalRenderer.Facts(
            merchant.category(),
            m.kind(),
            m.fact(),
            m.goods(),
            m.detail(),
            amountGiven || random.nextDouble() < 0.5 ? amount : 0,
            occurred,
            population.merchantName(merchant),
            contentAddress);
    return new Row(
        seq++,
        at,
        channel,
        p.id(),
        m.id(),
        m.stormId(),
        p.phone() == null ? null : population.phoneShape(p.phone()),
        p.givesId() && random.nextDouble() < idChance(channel)
            ? population.idShape(p.idNumber())
            : null,
        name,
        withCredit ? merchant.creditCode() : null,
        address,
        merchant.platform(),
        renderer.render(channel, facts),
        amountGiven ? Long.toString(amount) : null,
        dateGiven ? occurred.toString() : null,
        categoryField(channel, m),
        m.grievance());
  }

  /**
   * What the channel puts in the category field: operators often pick the trade and sometimes the
   * grievance, the web form is mostly left empty or generic, 12345 forwards its own generic one.
   */
  private String categoryField(String channel, Matter m) {
    double u = random.nextDouble();
    String trade = EvalSideKinds.TRADE_FIELD.get(m.merchant().category().name());
    return switch (channel) {
      case "phone" ->
          u < 0.35 ? trade : u < 0.55 ? EvalSideKinds.GRIEVANCE_FIELD.get(m.grievance()) : null;
      case "web" -> u < 0.15 ? trade : u < 0.4 ? pick(List.of("消费投诉", "其他")) : null;
      default -> u < 0.5 ? "市场监管" : u < 0.7 ? trade : null;
    };
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private Row copy(Row r, Instant at) {
    return new Row(
        seq++,
        at,
        r.channel(),
        r.personId(),
        r.matterId(),
        r.stormId(),
        r.phone(),
        r.idNumber(),
        r.merchantName(),
        r.creditCode(),
        r.merchantAddress(),
        r.platform(),
        r.content(),
        r.amount(),
        r.occurredOn(),
        r.category(),
        r.grievance());
  }

  /** Storm members rarely file twice; other people often try a second or third channel. */
  private int refilings(boolean storm) {
    double u = random.nextDouble();
    if (storm) {
      return u < 0.8 ? 0 : 1;
    }
    return u < 0.45 ? 0 : u < 0.85 ? 1 : 2;
  }

  /** Mostly within days; some weeks later; a few after the 30-day window. */
  private Duration refilingDelay() {
    double u = random.nextDouble();
    if (u < 0.6) {
      return Duration.ofMinutes(30 + random.nextInt(3 * 24 * 60));
    }
    if (u < 0.93) {
      return Duration.ofHours(3 * 24 + random.nextInt(22 * 24));
    }
    return Duration.ofHours(31 * 24 + random.nextInt(14 * 24));
  }

  /** 1280 becomes 1300 or 1000 ("一千多"); 38 becomes 30 ("三十多"). */
  private long rounded(long yuan) {
    if (yuan < 20) {
      return yuan;
    }
    if (yuan < 100 || random.nextBoolean()) {
      return leadingDigit(yuan);
    }
    long unit = yuan >= 1000 ? 100 : 10;
    return Math.round(yuan / (double) unit) * unit;
  }

  private static long leadingDigit(long v) {
    long unit = 1;
    while (v / unit >= 10) {
      unit *= 10;
    }
    return v / unit * unit;
  }

  private String firstChannel() {
    double u = random.nextDouble();
    return u < 0.45 ? "phone" : u < 0.8 ? "web" : "12345";
  }

  private String otherChannel(String channel) {
    List<String> others = new ArrayList<>(CHANNELS);
    others.remove(channel);
    return others.get(random.nextInt(others.size()));
  }

  private static double creditChance(String channel) {
    return switch (channel) {
      case "phone" -> 0.45;
      case "12345" -> 0.25;
      default -> 0.08;
    };
  }

  private static double addressChance(String channel) {
    return channel.equals("12345") ? 0.9 : channel.equals("phone") ? 0.5 : 0.3;
  }

  private static double amountChance(String channel) {
    return channel.equals("web") ? 0.75 : channel.equals("phone") ? 0.7 : 0.6;
  }

  private static double dateChance(String channel) {
    return channel.equals("web") ? 0.6 : channel.equals("phone") ? 0.75 : 0.7;
  }

  private static double idChance(String channel) {
    return channel.equals("web") ? 0.5 : channel.equals("12345") ? 0.3 : 0.15;
  }
}
