package org.hotline.dedup.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotline.dedup.text.CreditCodes;

/**
 * The people and merchants of the evaluation set, and the ways their identifiers get written: phone
 * shapes, ID number shapes, merchant name variants (city and district prefixes, legal suffixes,
 * branches in brackets or not, spacing), address variants, credit codes.
 */
final class EvalPopulation {
  /** A complainant. {@code phone} is null for an anonymous reporter. */
  record Person(String id, String phone, String idNumber, boolean givesId) {}

  /** A merchant. {@code platform} is set for online shops. */
  record Merchant(
      String id,
      EvalVocabulary.Category category,
      String sign,
      String registered,
      String district,
      String address,
      String branch,
      String creditCode,
      String platform) {}

  private static final String CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final List<String> ID_AREAS =
      List.of(
          "350203", "350205", "350206", "350211", "350212", "350213", "350102", "350583", "360102");

  private final Random random;
  private final Set<String> phones = new HashSet<>();
  private final Set<String> signs = new HashSet<>();
  private int persons;
  private int anonymous;
  private int merchants;

  EvalPopulation(Random random) {
    this.random = random;
  }

  Person person() {
    String phone;
    do {
      phone =
          random.nextDouble() < 0.07
              ? "0592-" + (5000000 + random.nextInt(4000000))
              : "1"
                  + (3 + random.nextInt(7))
                  + String.format("%09d", random.nextInt(1_000_000_000));
    } while (!phones.add(phone));
    return new Person(
        String.format("P%04d", ++persons), phone, idNumber(), random.nextDouble() < 0.45);
  }

  Person anonymousPerson() {
    return new Person(String.format("A%04d", ++anonymous), null, null, false);
  }

  Merchant merchant(EvalVocabulary.Category category) {
    return merchant(category, pick(EvalVocabulary.PLACES));
  }

  /** A merchant at {@code place} (district, road or area, branch name). */
  Merchant merchant(EvalVocabulary.Category category, String[] place) {
    String trade;
    String sign;
    do {
      trade = pick(EvalVocabulary.TRADE_NAMES);
      sign = pick(category.signForms()).replace("{n}", trade);
      // One trade name per category: 鹭江旗舰店 and 鹭江专营店 would share the key 鹭江.
    } while (!signs.add(category.name() + "/" + trade));
    String address = place[1] + (1 + random.nextInt(300)) + "号";
    boolean individual = random.nextDouble() < 0.4; // 个体工商户 keep the shop name
    String registered =
        individual ? "厦门市" + place[0] + sign : "厦门" + trade + category.industry() + "有限公司";
    String platform = category.online() ? pick(EvalVocabulary.PLATFORMS) : null;
    return new Merchant(
        String.format("M%03d", ++merchants),
        category,
        sign,
        registered,
        place[0],
        address,
        place[2],
        creditCode(individual),
        platform);
  }

  /** The merchant's name as one filing writes it. */
  String merchantName(Merchant m) {
    double r = random.nextDouble();
    if (m.platform() != null) {
      return r < 0.6 ? m.sign() : r < 0.8 ? "【" + m.platform() + "】" + m.sign() : m.sign() + " ";
    }
    if (r < 0.30) {
      return m.sign();
    }
    if (r < 0.45) {
      return m.sign() + (random.nextBoolean() ? "（" + m.branch() + "）" : "(" + m.branch() + ")");
    }
    if (r < 0.55) {
      return "厦门" + m.sign();
    }
    if (r < 0.65) {
      return "厦门市" + m.district() + m.sign();
    }
    if (r < 0.75) {
      return "厦门" + m.sign() + "有限公司";
    }
    if (r < 0.82) {
      return m.sign() + m.branch();
    }
    if (r < 0.90) {
      return m.sign() + "店";
    }
    String s = m.sign();
    return s.substring(0, 2) + " " + s.substring(2); // 鹭江 海鲜大排档
  }

  /** The address as one filing writes it. */
  String address(Merchant m) {
    return switch (random.nextInt(4)) {
      case 0 -> "厦门市" + m.district() + m.address();
      case 1 -> m.district() + m.address();
      case 2 -> m.address();
      default -> "福建省厦门市" + m.district() + m.address();
    };
  }

  /** A phone number in one of the shapes people and systems write. */
  String phoneShape(String phone) {
    if (phone.startsWith("0592-")) {
      String sub = phone.substring(5);
      return pick(
          List.of(phone, "0592" + sub, "(0592)" + sub, sub, "0592 " + sub, "+86 592 " + sub));
    }
    String a = phone.substring(0, 3);
    String b = phone.substring(3, 7);
    String c = phone.substring(7);
    return pick(
        List.of(
            phone,
            phone,
            a + " " + b + " " + c,
            a + "-" + b + "-" + c,
            "+86 " + a + "-" + b + "-" + c,
            "+86" + phone,
            "86 " + phone,
            fullWidth(phone)));
  }

  String idShape(String id) {
    return switch (random.nextInt(4)) {
      case 0 -> id.replace('X', 'x');
      case 1 -> fullWidth(id);
      case 2 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
      default -> id;
    };
  }

  static String fullWidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
    }
    return sb.toString();
  }

  private String idNumber() {
    String first17 =
        pick(ID_AREAS)
            + (1950 + random.nextInt(55))
            + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
            + String.format("%03d", random.nextInt(1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private String creditCode(boolean individual) {
    StringBuilder sb = new StringBuilder(individual ? "92" : "91");
    sb.append(pick(List.of("350203", "350205", "350206", "350211", "350212", "350213")));
    for (int i = 0; i < 9; i++) {
      sb.append(CC_ALPHABET.charAt(random.nextInt(CC_ALPHABET.length())));
    }
    return sb.toString() + CreditCodes.checkCharacter(sb.toString());
  }

  List<Merchant> merchants(EvalVocabulary.Category category, int n) {
    List<Merchant> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(merchant(category));
    }
    return out;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
