package org.hotline.dedup.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hotline.dedup.DedupRecord;
import org.hotline.dedup.text.CreditCodes;

/**
 * A deterministic stream of synthetic complaints shaped like a month of Xiamen 12315 intake, for
 * benchmarks. Nothing here is real data.
 *
 * <ul>
 *   <li>{@value #MERCHANTS} merchants with a Zipf-Mandelbrot popularity (rank r has weight {@code
 *       1/(r+150)}): in a million complaints the top few merchants get about 900 each, rank 1000
 *       about 120, and most of the long tail one or none.
 *   <li>A merchant is spelled several ways (with or without city and district prefixes, legal
 *       suffix, branch in brackets); 30% carry a valid credit code.
 *   <li>{@value #NO_MERCHANT_PERCENT}% name no merchant at all (blocked by the complainant).
 *   <li>{@value #REFILING_PERCENT}% re-file an earlier complaint of the same person within days
 *       (duplicates).
 *   <li>Popular merchants have one "incident" many people complain about with nearly the same words
 *       (groups); other complaints are assembled from sentence fragments with their own details.
 * </ul>
 */
final class Corpus {
  static final int MERCHANTS = 200_000;
  static final int NO_MERCHANT_PERCENT = 8;
  static final int REFILING_PERCENT = 8;
  static final Duration WINDOW = Duration.ofDays(30);

  private static final double ZIPF_OFFSET = 150;
  private static final int HOT_MERCHANTS = 2_000;
  private static final ZoneId XIAMEN = ZoneId.of("Asia/Shanghai");

  // Distinct characters, at least 59 of them (59^3 > 200k), so three give every merchant its own
  // core.
  private static final String BRAND =
      distinct("鑫源华盛恒达泰和美佳福瑞祥宏兴隆嘉新康安利丰顺益晟鼎金银鹭岛海湾星辰云天明月光阳春秋百合千万联创优品家乐惠民健宝心悦乐富贵荣昌永");
  private static final String[] TRADES = {
    "健身", "超市", "海鲜大排档", "电器", "汽车销售服务", "教育培训", "美容美发", "房地产经纪", "家具", "通讯器材", "母婴用品", "口腔诊所",
    "眼镜", "旅行社", "装修工程", "珠宝", "烘焙", "酒店管理", "二手车", "宠物医院"
  };
  private static final String[] DISTRICTS = {"思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"};
  private static final String[] ROADS = {"中山路", "湖滨南路", "嘉禾路", "厦禾路", "莲前西路", "仙岳路", "集美大道", "新阳路"};
  private static final String[] PLATFORMS = {"美团", "淘宝", "抖音", "拼多多", "京东"};

  private static final String[] OPENERS = {
    "本人于", "我在", "消费者反映：", "投诉人称，", "市民来电反映，", "我于", "本人在", "您好，我"
  };
  private static final String[] ISSUES = {
    "购买的%s使用不到%d天就出现故障，商家拒绝退换，",
    "办理了%s会员卡充值%d元，现商家以各种理由拒绝退款，",
    "在店内消费%s时发现食品变质，共计%d元，商家态度恶劣，",
    "订购%s约定%d日内交付，至今未交付也不退定金，",
    "商家宣传%s有优惠活动，实际结算多收了%d元，",
    "报名%s课程缴费%d元，机构未按约定上课，",
    "维修%s收费%d元后问题依旧，要求重新维修被拒，",
    "网购%s收到货后发现是假货，价值%d元，商家不予处理，"
  };
  private static final String[] PRODUCTS = {
    "空调", "洗衣机", "手机", "电动车", "私教", "年卡", "海鲜套餐", "蛋糕", "英语", "钢琴", "热水器", "儿童推车", "烫发", "眼镜", "沙发",
    "旅游套餐", "戒指", "装修", "二手车", "宠物疫苗"
  };
  private static final String[] DETAILS = {
    "多次联系客服均无果，",
    "订单号%d，",
    "当时店员承诺七天无理由退货，",
    "已保留付款凭证和聊天记录，",
    "发票号码%d，",
    "商家电话一直无人接听，",
    "店长表示需要总部审批，",
    "至今已拖延%d天，",
    ""
  };
  private static final String[] CONTEXT = {
    "当时店员口头承诺可以随时退款，",
    "付款方式为微信支付，",
    "合同上写明不满意可以退，",
    "同行的还有家人两人，",
    "之后又去店里沟通过两次，",
    "对方让我等通知，",
    "我有转账记录和收据，",
    "客服说系统故障无法处理，",
    "该店在大众点评上也有多人差评，",
    "老人被店员反复推销才办的卡，"
  };
  private static final String[] DEMANDS = {
    "要求退款。", "要求商家赔偿损失。", "请求相关部门介入处理。", "要求全额退款并赔偿。", "希望尽快解决。", "要求按法律规定三倍赔偿。"
  };
  private static final String[] INCIDENTS = {
    "%s突然关门停业，会员卡余额无法使用，店内张贴的联系电话已停机，",
    "%s自%d日起停止营业，已预付的课程费用无人退还，",
    "%s出售的同一批次产品存在质量问题，批号%d，",
    "%s在促销活动中虚假标价，原价虚高%d元，"
  };

  private final SplittableRandom random;
  private final double[] cumulative = new double[MERCHANTS];
  private final Instant start;
  private final double secondsPerRecord;
  private final Refiling[] recent = new Refiling[1 << 16];
  private long produced;

  private record Refiling(String phone, int merchant, String content, BigDecimal amount) {}

  /**
   * @param seed the stream is a function of the seed
   * @param end the {@code received_at} of the last record
   * @param records how many records {@link #next()} will spread over the 30 days before {@code end}
   */
  Corpus(long seed, Instant end, long records) {
    this.random = new SplittableRandom(seed);
    this.start = end.minus(WINDOW);
    this.secondsPerRecord = (double) WINDOW.getSeconds() / records;
    double sum = 0;
    for (int r = 0; r < MERCHANTS; r++) {
      sum += 1.0 / (r + 1 + ZIPF_OFFSET);
      cumulative[r] = sum;
    }
    for (int r = 0; r < MERCHANTS; r++) {
      cumulative[r] /= sum;
    }
  }

  /** The next record in {@code received_at} order. */
  DedupRecord next() {
    long offsetMillis = (long) ((produced + random.nextDouble()) * secondsPerRecord * 1000);
    produced++;
    return at(start.plusMillis(offsetMillis));
  }

  /** A record from the same distribution, received at the given time. */
  DedupRecord at(Instant receivedAt) {
    Refiling earlier = recent[random.nextInt(recent.length)];
    if (earlier != null && random.nextInt(100) < REFILING_PERCENT) {
      return refile(earlier, receivedAt);
    }
    String phone = phone();
    String content;
    int merchant = -1;
    if (random.nextInt(100) >= NO_MERCHANT_PERCENT) {
      merchant = merchant();
      int incidentPercent = merchant < HOT_MERCHANTS ? 50 : 5;
      content =
          random.nextInt(100) < incidentPercent ? incidentContent(merchant) : ownContent(merchant);
    } else {
      content = ownContent(-1);
    }
    BigDecimal amount = BigDecimal.valueOf(20 + random.nextInt(20_000), 0);
    recent[random.nextInt(recent.length)] = new Refiling(phone, merchant, content, amount);
    return record(receivedAt, phone, merchant, content, amount);
  }

  private DedupRecord refile(Refiling earlier, Instant receivedAt) {
    // The same person again, a little impatient; the shop spelled however they spell it today.
    String content = random.nextBoolean() ? "再次投诉：" + earlier.content : earlier.content;
    return record(receivedAt, earlier.phone, earlier.merchant, content, earlier.amount);
  }

  private DedupRecord record(
      Instant receivedAt, String phone, int merchant, String content, BigDecimal amount) {
    LocalDate occurredOn = receivedAt.atZone(XIAMEN).toLocalDate().minusDays(random.nextInt(20));
    return new DedupRecord(
        new UUID(random.nextLong(), random.nextLong()),
        receivedAt,
        phone,
        null,
        merchant < 0 ? null : merchantName(merchant),
        merchant < 0 ? null : creditCode(merchant),
        merchant < 0 ? null : address(merchant),
        merchant >= 0 && merchant % 10 == 3 ? PLATFORMS[merchant % PLATFORMS.length] : null,
        content,
        amount,
        occurredOn);
  }

  private int merchant() {
    int r = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(MERCHANTS - 1, r >= 0 ? r : -r - 1);
  }

  private String phone() {
    char second = "35789".charAt(random.nextInt(5));
    return "1" + second + String.format("%09d", random.nextInt(1_000_000_000));
  }

  private static String distinct(String chars) {
    StringBuilder out = new StringBuilder();
    chars.codePoints().distinct().forEach(out::appendCodePoint);
    if (Math.pow(out.length(), 3) < MERCHANTS) {
      throw new IllegalStateException("not enough brand characters");
    }
    return out.toString();
  }

  /** The merchant's unchanging core name: three brand characters and a trade. */
  static String core(int merchant) {
    int n = BRAND.length();
    return ""
        + BRAND.charAt(merchant % n)
        + BRAND.charAt((merchant / n) % n)
        + BRAND.charAt((merchant / n / n) % n)
        + TRADES[(merchant / n / n / n + merchant) % TRADES.length];
  }

  private String merchantName(int merchant) {
    String core = core(merchant);
    switch (random.nextInt(4)) {
      case 0:
        return "厦门" + core + "有限公司";
      case 1:
        return core + "(" + ROADS[merchant % ROADS.length] + "店)";
      case 2:
        return "厦门市" + DISTRICTS[merchant % DISTRICTS.length] + core;
      default:
        return core;
    }
  }

  private String creditCode(int merchant) {
    if (merchant % 10 >= 3 || random.nextInt(2) == 0) {
      return null; // 30% of merchants have one, and half the filings omit it
    }
    String first17 = "91350200" + String.format("%09d", merchant * 7919L % 1_000_000_000L);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  private String address(int merchant) {
    return DISTRICTS[merchant % DISTRICTS.length]
        + ROADS[(merchant / 7) % ROADS.length]
        + (merchant % 300 + 1)
        + "号";
  }

  private String incidentContent(int merchant) {
    // Fixed per merchant, so that different people describe the same matter in nearly one way.
    String incident = INCIDENTS[merchant % INCIDENTS.length];
    String what = String.format(incident, core(merchant), 1 + merchant % 28);
    return OPENERS[random.nextInt(OPENERS.length)]
        + "本月"
        + what
        + CONTEXT[random.nextInt(CONTEXT.length)]
        + DEMANDS[random.nextInt(DEMANDS.length)];
  }

  private String ownContent(int merchant) {
    String issue =
        String.format(
            ISSUES[random.nextInt(ISSUES.length)],
            PRODUCTS[random.nextInt(PRODUCTS.length)],
            1 + random.nextInt(5_000));
    String detail = DETAILS[random.nextInt(DETAILS.length)];
    if (detail.contains("%d")) {
      detail = String.format(detail, 1 + random.nextInt(Integer.MAX_VALUE));
    }
    String where = merchant < 0 ? "一家店" : "该店";
    return OPENERS[random.nextInt(OPENERS.length)]
        + (1 + random.nextInt(12))
        + "月"
        + (1 + random.nextInt(28))
        + "日在"
        + where
        + issue
        + detail
        + CONTEXT[random.nextInt(CONTEXT.length)]
        + (random.nextBoolean() ? CONTEXT[random.nextInt(CONTEXT.length)] : "")
        + DEMANDS[random.nextInt(DEMANDS.length)];
  }
}
