package org.hotline.dedup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

/**
 * The amount and the date of the facts as the text states them ("花了1280元", "10月2日", "2025年10月2日",
 * "10.2"), for filings whose form fields are empty: a consumer who leaves the amount field blank
 * often writes it in the text, and the operator's summary usually starts with the date.
 * Hand-written scanners over the normalised text ({@link ContentTokens#normalise}), no regular
 * expressions.
 */
final class ContentFacts {
  // After an amount, these make it a unit price ("198元一斤"), not what was paid.
  private static final String[] UNIT_PRICE = {
    "/", "一斤", "每斤", "一两", "一只", "每只", "一份", "一张", "每张", "一晚", "每晚", "一位", "每位", "一节", "每节"
  };
  private static final String[] YUAN = {"块钱", "元", "块"};
  private static final String[] TEN_THOUSAND_YUAN = {"万元", "万"};
  private static final String DATE_SEPARATORS = "年-/.";
  private static final String MONTH_SEPARATORS = "月-/.";
  // A month.day ("10.2") is not a date when followed by these: it is an amount or a weight.
  private static final String NOT_AFTER_DAY = "元块万%斤";
  // A date more than this many days after receipt is not the date of the facts.
  private static final int MAX_DAYS_AHEAD = 1;
  // A month and day up to this many days after receipt is a day to come (a booking for the
  // holiday); further, it is last year's (December's facts told in January).
  private static final int FUTURE_DAYS = 120;
  private static final int MAX_DIGITS = 12;

  /**
   * Words with which a person tells of another matter than the one they filed before: bought again,
   * found another fault, at another shop, "this time it is…". Narrow on purpose: a re-filing says
   * the shop was gone to again (又去店里谈), the weeks go by (又是一个月), this time with photos (这次附上照片),
   * and none of those is here.
   */
  static final String[] ANOTHER_MATTER = {
    "又买", "又出问题", "又吃出", "又发现", "又一次", "另一家", "另一件", "另一个问题", "另一部", "另一台", "这次是", "这次不是", "这次单独",
    "这次又", "又在他家买", "又去买", "另外给", "另外办", "单独投诉", "另外投诉", "另行投诉"
  };

  /**
   * The same, only at the start of the text: "又是这家店！", "又遇到一家…"; not "又是一个月过去了" (a re-filing
   * counting the weeks: a number after 又是, {@link #COUNTS}).
   */
  private static final String[] ANOTHER_MATTER_OPENING = {"又是", "又遇到"};

  private static final String COUNTS = "一两几半";

  /**
   * After 又一次, 这次是, 这次又, 这次不是 or an opening 又是, the same matter filed again: a call or a filing
   * (又一次来电, 这次又打12345, 这次是补充材料), or the how-manieth time of one (这次是第三次反映, 又是第二次投诉, 这次不是第一次投诉了).
   * Not after the other words, and not "这次是第二次买到", "这次不是反映上次的冰箱": another purchase, another thing
   * ({@link #filingAgain}).
   */
  private static final Set<String> SAID_OF_FILING = Set.of("又一次", "这次是", "这次又", "这次不是", "又是");

  /** What a filing again is called: a call, a complaint, a report, a supplement. */
  private static final String[] FILING = {"来电", "致电", "反映", "投诉", "打12345", "打电话", "补充"};

  /** Whether the text at {@code at} says the matter is filed again (a word of {@link #FILING}). */
  private static boolean filingAgain(String s, int at, String after) {
    if (!SAID_OF_FILING.contains(after)) {
      return false;
    }
    int i = at;
    if (s.startsWith("第", i) && i + 2 < s.length() && s.charAt(i + 2) == '次') {
      i += 3; // 第三次反映
    } else if (after.equals("这次不是")) {
      return false; // 这次不是 + a filing word: "not about the last one", another matter
    }
    for (String f : FILING) {
      if (s.startsWith(f, i)) {
        return true;
      }
    }
    return false;
  }

  private ContentFacts() {}

  /**
   * Words with which a person says they filed this matter already, and this is more of it: a call
   * to 12315 before the web form ({@code 昨天打了12315，当时想不起店名}), the call centre's summary of a second
   * call ({@code 此前来电投诉的}), a supplement ({@code 接着昨天电话里说的事情补充}), the call centre's note of the web
   * form ({@code 此前已在网上投诉}, {@code 已向12345反映}). On the labelled sets 413 filings with one of them
   * were re-filings, 3 were a person's other matter (each saying so: {@code 另一个问题}, {@code 又去买了},
   * {@code 押金的事已经打过电话}), 6 had no earlier filing. Not {@code 已经投诉过}: "之前已经投诉过他们乱收费， 现在发现连货都是假的"
   * tells the other matter it was.
   */
  static final String[] FOLLOWS_UP = {
    "打过12315",
    "打了12315",
    "打过电话",
    "打了电话",
    "电话里说",
    "电话里反映",
    "此前来电",
    "此前投诉的",
    "之前来电",
    "来电投诉过",
    "已来电",
    "昨天来电",
    "补充一下",
    "接着昨天",
    "接着上次",
    "再写一下",
    "已在网上投诉",
    "已网上投诉",
    "网上已投诉",
    "曾在网上投诉",
    "已在网上反映",
    "已向12345",
    "已在12315",
    "已打12315",
    "已通过12315"
  };

  /**
   * Whether a {@link ContentTokens#normalise normalised} text says it follows up ({@link
   * #FOLLOWS_UP}).
   */
  static boolean followsUp(String s) {
    for (int i = 0; i < s.length(); i++) {
      for (String w : FOLLOW_UP_WORDS.startingWith(s.charAt(i))) {
        if (s.startsWith(w, i)) {
          return true;
        }
      }
    }
    return complainedBefore(s);
  }

  /**
   * Whether a text says the matter was complained of before through a channel: a channel ({@link
   * #CHANNELS}) with a word of the past just before it ({@link #BEFORE}: 此前已向12315反映, 之前电话投诉了,
   * 前天已经打电话反映了, 之前12345已经反映过) and a word of complaining just after it ({@link #COMPLAINED}); not
   * 已电话联系商家 (a call to the shop), not 来电人电话投诉 (this call).
   */
  private static boolean complainedBefore(String s) {
    for (String channel : CHANNELS) {
      for (int at = s.indexOf(channel); at >= 0; at = s.indexOf(channel, at + 1)) {
        String before = s.substring(Math.max(0, at - NEAR), at);
        int end = at + channel.length();
        String after = s.substring(end, Math.min(s.length(), end + NEAR));
        if (containsAny(before, BEFORE) && containsAny(after, COMPLAINED)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Characters either side of a channel's name looked at by {@link #complainedBefore}. */
  private static final int NEAR = 6;

  /** Ways a complaint reaches the service. */
  private static final String[] CHANNELS = {"12315", "12345", "电话", "热线", "网上"};

  /** Words of the past before a channel: a complaint already made. */
  private static final String[] BEFORE = {"已", "之前", "此前", "曾", "前天", "昨天", "上周", "上次", "前几天"};

  /** Words of complaining after a channel. */
  private static final String[] COMPLAINED = {"投诉", "反映", "举报"};

  private static final ByFirst FOLLOW_UP_WORDS = new ByFirst(FOLLOWS_UP);

  private static final ByFirst ANOTHER_MATTER_WORDS = new ByFirst(ANOTHER_MATTER);

  /**
   * Words by their first character, so that one pass over a text tries at each character only the
   * words that open with it.
   */
  private static final class ByFirst {
    private static final String[] NONE = {};
    private final String firsts;
    private final String[][] words;

    ByFirst(String[] all) {
      StringBuilder f = new StringBuilder();
      for (String w : all) {
        if (f.indexOf(w.substring(0, 1)) < 0) {
          f.append(w.charAt(0));
        }
      }
      firsts = f.toString();
      words = new String[firsts.length()][];
      for (int i = 0; i < firsts.length(); i++) {
        char c = firsts.charAt(i);
        words[i] = Arrays.stream(all).filter(w -> w.charAt(0) == c).toArray(String[]::new);
      }
    }

    /** The words that open with {@code c}, in their list's order; none when no word does. */
    String[] startingWith(char c) {
      int i = firsts.indexOf(c);
      return i < 0 ? NONE : words[i];
    }
  }

  /**
   * Whether a {@link ContentTokens#normalise normalised} text announces another matter than the
   * person's earlier filings ({@link #ANOTHER_MATTER}). One pass: the words are looked for only
   * where one of their first characters stands ({@link ByFirst}).
   */
  static boolean announcesAnotherMatter(String s) {
    for (String w : ANOTHER_MATTER_OPENING) {
      if (s.startsWith(w)
          && !(s.length() > w.length() && COUNTS.indexOf(s.charAt(w.length())) >= 0)
          && !filingAgain(s, w.length(), w)) {
        return true;
      }
    }
    for (int i = 0; i < s.length(); i++) {
      for (String w : ANOTHER_MATTER_WORDS.startingWith(s.charAt(i))) {
        if (s.startsWith(w, i) && !filingAgain(s, i + w.length(), w)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The largest amount the text states, in cents, or {@link Fingerprint#UNKNOWN_AMOUNT}. */
  static long amountCents(String content) {
    return amountCentsOfNormalised(content == null ? null : ContentTokens.normalise(content));
  }

  /** Amounts of a text {@link #amountsOfNormalised} gives at most. */
  static final int TEXT_AMOUNTS = 4;

  /**
   * The distinct amounts a {@link ContentTokens#normalise normalised} text states, in cents, in its
   * order, at most {@value #TEXT_AMOUNTS}.
   */
  static long[] amountsOfNormalised(String s) {
    long[] out = new long[TEXT_AMOUNTS];
    int n = 0;
    for (int i = 0; s != null && i < s.length() && n < out.length; ) {
      long[] amount = new long[1];
      i = nextAmount(s, i, amount);
      if (amount[0] != Fingerprint.UNKNOWN_AMOUNT && !contains(out, n, amount[0])) {
        out[n++] = amount[0];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean contains(long[] values, int n, long v) {
    for (int i = 0; i < n; i++) {
      if (values[i] == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * The price that {@code claimCents}, the amount a filing gives, is the compensation for, when its
   * text claims that amount as a multiple of the price (the consumer protection law's 退一赔三, the
   * food safety law's 十倍赔偿): {@code 要求退一赔三，共2097} gives 699 yuan, {@code 十倍赔偿680元} 68; else {@link
   * Fingerprint#UNKNOWN_AMOUNT}. The amount must stand in the text just after 赔 (not after what was
   * paid: {@code 花了699元，要求三倍赔偿} is a price), and divide into a whole price by the multiple the text
   * names (three times, or four with the price back; ten, or eleven). A person's first filing gives
   * what was paid, the re-filing what is claimed: one matter, one price.
   */
  static long priceClaimedFor(String s, long claimCents) {
    if (s == null || claimCents <= 0 || claimCents % 100 != 0) {
      return Fingerprint.UNKNOWN_AMOUNT;
    }
    long[] times = null;
    for (int i = 0; i < MULTIPLE_CUES.length && times == null; i++) {
      for (String cue : MULTIPLE_CUES[i]) {
        if (s.contains(cue)) {
          times = MULTIPLES[i];
          break;
        }
      }
    }
    if (times == null || !claimedAfterCompensation(s, Long.toString(claimCents / 100))) {
      return Fingerprint.UNKNOWN_AMOUNT;
    }
    for (long k : times) {
      if (claimCents % (k * 100) == 0) {
        return claimCents / k;
      }
    }
    return Fingerprint.UNKNOWN_AMOUNT;
  }

  /** Words that name the multiple claimed: three times the price, ten times, twice. */
  private static final String[][] MULTIPLE_CUES = {
    {"三倍", "3倍", "赔三", "赔3"}, {"十倍", "10倍", "赔十", "赔10"}, {"双倍", "两倍", "2倍", "按价款赔偿"}
  };

  /** The multiples each cue may stand for: alone, then with the price back. */
  private static final long[][] MULTIPLES = {{3, 4}, {10, 11}, {2}};

  /**
   * Whether the amount a filing gives, {@code cents}, is one its text states as no price: a
   * compensation demanded (just after 赔: {@code 赔偿医疗费和误工费共3000元}, {@code 依法赔偿1000元}) or what is
   * left or still owed ({@code 还有1990元没退}, {@code 卡内余额5100元}). Compared as unknown, it does not
   * part a re-filing from the filing that gave the price.
   */
  static boolean notThePrice(String s, long cents) {
    if (s == null || cents <= 0 || cents % 100 != 0) {
      return false;
    }
    return stated(
        s,
        Long.toString(cents / 100),
        (before, after) ->
            before.indexOf('赔') >= 0 || containsAny(before, LEFT) || containsAny(after, NOT_BACK));
  }

  /** Words before an amount that is what is left or owed. */
  private static final String[] LEFT = {"剩余", "还剩", "剩下", "余额", "尚欠", "还欠", "还有"};

  /** Words after an amount not yet given back: 还有1990元没退. */
  private static final String[] NOT_BACK = {"没退", "未退", "没有退", "未返还"};

  /** Characters after an amount in which {@link #NOT_BACK} is looked for. */
  private static final int LEFT_AFTER = 5;

  /** Characters before a claimed amount in which 赔 is looked for. */
  private static final int CLAIM_WINDOW = 10;

  /**
   * Whether {@code digits} stand in {@code s} as a number within a few characters after 赔 or 倍
   * ({@code 双倍返还定金共8560元}).
   */
  private static boolean claimedAfterCompensation(String s, String digits) {
    return stated(
        s, digits, (before, after) -> before.indexOf('赔') >= 0 || before.indexOf('倍') >= 0);
  }

  /**
   * Whether {@code digits} stand in {@code s} as a whole number (no digit either side) where the
   * {@value #CLAIM_WINDOW} characters before it and the {@value #LEFT_AFTER} after it say so.
   */
  private static boolean stated(
      String s, String digits, java.util.function.BiPredicate<String, String> saying) {
    for (int at = s.indexOf(digits); at >= 0; at = s.indexOf(digits, at + 1)) {
      int end = at + digits.length();
      if ((at > 0 && isDigit(s.charAt(at - 1))) || (end < s.length() && isDigit(s.charAt(end)))) {
        continue;
      }
      String before = s.substring(Math.max(0, at - CLAIM_WINDOW), at);
      String after = s.substring(end, Math.min(s.length(), end + LEFT_AFTER));
      if (saying.test(before, after)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #amountCents} of a text already {@link ContentTokens#normalise normalised}. */
  static long amountCentsOfNormalised(String s) {
    long best = Fingerprint.UNKNOWN_AMOUNT;
    for (int i = 0; s != null && i < s.length(); ) {
      long[] amount = new long[1];
      i = nextAmount(s, i, amount);
      best = Math.max(best, amount[0]);
    }
    return best;
  }

  /**
   * The amount that starts at or after {@code i}'s next number, in cents, to {@code amount[0]}
   * ({@link Fingerprint#UNKNOWN_AMOUNT} when that number is no amount); where to look on.
   */
  private static int nextAmount(String s, int i, long[] amount) {
    amount[0] = Fingerprint.UNKNOWN_AMOUNT;
    while (i < s.length() && !isDigit(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return i;
    }
    long[] number = new long[1];
    int end = number(s, i, number);
    if (number[0] == Fingerprint.UNKNOWN_AMOUNT) {
      return Math.max(end, i + 1);
    }
    int unitEnd = end < s.length() && s.charAt(end) == '多' ? end + 1 : end;
    int yuan = startsWithAny(s, unitEnd, YUAN);
    int wan = startsWithAny(s, unitEnd, TEN_THOUSAND_YUAN);
    if (wan > 0 && startsWithAny(s, unitEnd + wan, UNIT_PRICE) == 0) {
      amount[0] = number[0] * 10_000;
    } else if (yuan > 0 && startsWithAny(s, unitEnd + yuan, UNIT_PRICE) == 0) {
      amount[0] = number[0];
    }
    return Math.max(end, i + 1);
  }

  /**
   * The first date the text states, as an epoch day, or {@link Fingerprint#UNKNOWN_DAY}. A date
   * with a year wins over one without; a date without a year is taken in the year that puts it on
   * or before {@code received}, unless that is the next few months' (a stay booked for the coming
   * holiday, {@value #FUTURE_DAYS} days at most ahead): then it is not the facts' and the text's
   * next date is read.
   */
  static int epochDay(String content, LocalDate received) {
    return epochDayOfNormalised(
        content == null ? null : ContentTokens.normalise(content), received);
  }

  /** {@link #epochDay} of a text already {@link ContentTokens#normalise normalised}. */
  static int epochDayOfNormalised(String s, LocalDate received) {
    if (s == null) {
      return Fingerprint.UNKNOWN_DAY;
    }
    LocalDate d = fullDate(s);
    for (int from = 0; d == null && from < s.length(); ) {
      int[] end = new int[1];
      LocalDate md = monthDay(s, received.getYear(), from, end);
      if (md == null) {
        break;
      }
      from = end[0];
      if (deadline(s, end[0])) {
        continue; // 承诺11月3日前发货: the day a promise ran out, not the facts' (set BM)
      }
      if (!md.isAfter(received.plusDays(MAX_DAYS_AHEAD))) {
        d = md;
      } else if (md.isAfter(received.plusDays(FUTURE_DAYS))) {
        d = md.minusYears(1); // December's facts told in January
      }
      // Else a day soon after receipt: the booking, stay or promise to come (预订5月1日至3日), not the
      // facts; a later date of the text may be.
    }
    boolean plausible =
        d != null
            && !d.isAfter(received.plusDays(MAX_DAYS_AHEAD))
            && d.isAfter(received.minusYears(1));
    return plausible ? (int) d.toEpochDay() : Fingerprint.UNKNOWN_DAY;
  }

  /**
   * Whether the date that ends at {@code end} is a deadline: followed by 前 ({@code 11月3日前发货},
   * {@code 9月20号前送到}), not by 前往, 前去, 前来 or 前后 ({@code 6月7日前往门店} is the day they went).
   */
  private static boolean deadline(String s, int end) {
    int i = end < s.length() && (s.charAt(end) == '日' || s.charAt(end) == '号') ? end + 1 : end;
    return i < s.length()
        && s.charAt(i) == '前'
        && (i + 1 == s.length() || "往去来后".indexOf(s.charAt(i + 1)) < 0);
  }

  /** The first "2025年10月2日", "2025-10-02", "2025/10/2" or "2025.10.2". */
  private static LocalDate fullDate(String s) {
    for (int i = 0; i + 4 < s.length(); i++) {
      if (s.charAt(i) == '2' && s.charAt(i + 1) == '0' && digitsEnd(s, i, 4, 4) == i + 4) {
        int m = i + 5;
        int mEnd = DATE_SEPARATORS.indexOf(s.charAt(i + 4)) >= 0 ? digitsEnd(s, m, 1, 2) : -1;
        int d = mEnd + 1;
        int dEnd =
            mEnd > 0 && mEnd < s.length() && MONTH_SEPARATORS.indexOf(s.charAt(mEnd)) >= 0
                ? digitsEnd(s, d, 1, 2)
                : -1;
        if (dEnd > 0) {
          return date(s, i, i + 4, m, mEnd, d, dEnd);
        }
      }
    }
    return null;
  }

  /**
   * The first "10月2日", "10月2号", "10月2" or "10.2" from {@code from} not followed by a unit, in
   * {@code year}; where it ends to {@code end[0]}.
   */
  private static LocalDate monthDay(String s, int year, int from, int[] end) {
    for (int i = from; i < s.length(); i++) {
      boolean start = i == 0 || (!isDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '.');
      int mEnd = start ? digitsEnd(s, i, 1, 2) : -1;
      if (mEnd < 0 || mEnd + 1 >= s.length() || "月.".indexOf(s.charAt(mEnd)) < 0) {
        continue;
      }
      int dEnd = digitsEnd(s, mEnd + 1, 1, 2);
      if (dEnd < 0) {
        continue;
      }
      char after = dEnd < s.length() ? s.charAt(dEnd) : ' ';
      if (after == '日' || after == '号' || (!isDigit(after) && NOT_AFTER_DAY.indexOf(after) < 0)) {
        LocalDate d = date(year, s, i, mEnd, mEnd + 1, dEnd);
        if (d != null) {
          end[0] = dEnd;
          return d;
        }
      }
    }
    return null;
  }

  private static LocalDate date(String s, int y0, int y1, int m0, int m1, int d0, int d1) {
    return date(Integer.parseInt(s, y0, y1, 10), s, m0, m1, d0, d1);
  }

  private static LocalDate date(int year, String s, int m0, int m1, int d0, int d1) {
    try {
      return LocalDate.of(year, Integer.parseInt(s, m0, m1, 10), Integer.parseInt(s, d0, d1, 10));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Reads an amount at {@code i}: digits, thousands separators, up to two decimals. Puts its value
   * in cents into {@code out[0]} ({@link Fingerprint#UNKNOWN_AMOUNT} for a number with more
   * decimals, which is not an amount paid) and returns the index after it.
   */
  private static int number(String s, int i, long[] out) {
    long cents = 0;
    int digits = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        cents = digits++ < MAX_DIGITS ? cents * 10 + (c - '0') : cents;
        i++;
      } else if (c == ',' && digitsEnd(s, i + 1, 3, 3) == i + 4) {
        i++;
      } else {
        break;
      }
    }
    cents *= 100;
    if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
      int end = digitsEnd(s, i + 1, 1, 2);
      if (end < 0) {
        // Three decimals or more: a coordinate, a weight or a unit price (24.4306, 1.275斤,
        // 7.850元/升), not what was paid. Read past them all, so the tail is no amount either.
        out[0] = Fingerprint.UNKNOWN_AMOUNT;
        return digitsEnd(s, i + 1, 3, Integer.MAX_VALUE);
      }
      cents += Integer.parseInt(s, i + 1, end, 10) * (end - i - 1 == 1 ? 10 : 1);
      i = end;
    }
    out[0] = cents;
    return i;
  }

  /** The end of {@code min} to {@code max} digits at {@code i} (no more digits after), or -1. */
  private static int digitsEnd(String s, int i, int min, int max) {
    int end = i;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    int n = end - i;
    return n >= min && n <= max ? end : -1;
  }

  private static int startsWithAny(String s, int i, String[] words) {
    for (String w : words) {
      if (s.startsWith(w, i)) {
        return w.length();
      }
    }
    return 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
