package org.hotline.dedup.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Writes one filing's text the way its channel writes: the call-centre operator's terse
 * third-person summary, the consumer's own first-person words (emotional, typos, full-width digits,
 * a rounded amount), the 12345 desk's summary that repeats the address. Every choice is drawn from
 * the seeded random, independently per filing, so two filings of one matter share facts, not
 * phrasing.
 */
final class EvalRenderer {
  /** What a filing says: the matter's facts plus the merchant as this filing names it. */
  record Facts(
      EvalVocabulary.Category category,
      EvalVocabulary.Kind kind,
      int fact,
      String goods,
      String detail,
      long amountYuan,
      LocalDate occurredOn,
      String merchantName,
      String address) {}

  private static final List<String> OPERATOR_LEADS =
      List.of("来电人反映：", "来电人反映，", "来电人称：", "消费者来电反映：", "来电反映：", "来电人表示，");
  private static final List<String> CITIZEN_LEADS =
      List.of("市民反映：", "市民来电反映：", "市民反映，", "市民王先生反映：", "市民李女士来电反映：");
  private static final List<String> SELF = List.of("我", "本人", "我和家人", "我们一家", "我跟朋友", "我");
  private static final List<String> FEELINGS =
      List.of(
          "太气人了！",
          "简直就是黑店！",
          "作为外地游客真的很寒心。",
          "请一定要严查！",
          "希望有人管一管！",
          "实在没办法才来投诉。",
          "这种行为太恶劣了。",
          "",
          "");
  private static final String[][] TYPOS = {
    {"的", "得"}, {"在", "再"}, {"已经", "以经"}, {"账", "帐"}, {"做", "作"}, {"那", "哪"}
  };

  private final Random random;

  EvalRenderer(Random random) {
    this.random = random;
  }

  String render(String channel, Facts f) {
    return switch (channel) {
      case "phone" -> operator(f);
      case "web" -> consumer(f);
      default -> citizen(f);
    };
  }

  private String operator(Facts f) {
    StringBuilder sb = new StringBuilder(pick(OPERATOR_LEADS));
    sb.append(chance(0.7) ? "其" : "").append(date(f.occurredOn(), "operator"));
    sb.append("在").append(merchant(f, 0.8)).append(pick(f.category().activities())).append("，");
    sb.append(fact(f)).append("。");
    if (f.amountYuan() > 0 && chance(0.6)) {
      sb.append(pick(List.of("涉及金额", "共消费", "金额", "共计"))).append(f.amountYuan()).append("元。");
    }
    sb.append(pick(List.of("要求", "诉求：", "来电人要求", "现要求"))).append(request(f)).append("。");
    return sb.toString();
  }

  private String consumer(Facts f) {
    StringBuilder sb = new StringBuilder(pick(SELF));
    sb.append(date(f.occurredOn(), "consumer")).append("在");
    String place = f.address() == null ? "" : shortPlace(f.address());
    if (chance(0.4) && !place.isEmpty()) {
      sb.append(place).append("的");
    }
    sb.append(merchant(f, 0.9)).append(pick(f.category().activities())).append("，");
    sb.append(fact(f)).append(pick(List.of("！", "。", "，", "!!")));
    if (chance(0.6)) {
      sb.append(f.detail()).append("。");
    }
    if (f.amountYuan() > 0 && chance(0.7)) {
      sb.append(consumerAmount(f.amountYuan()));
    }
    sb.append(pick(FEELINGS));
    sb.append(pick(List.of("要求", "我要求", "希望", "强烈要求"))).append(request(f)).append("！");
    return typos(fullWidthDigits(sb.toString()));
  }

  private String citizen(Facts f) {
    StringBuilder sb = new StringBuilder();
    if (chance(0.4)) {
      sb.append("【12345转办】工单号：XM").append(100000000 + random.nextInt(900000000)).append("。");
    }
    String date = date(f.occurredOn(), "citizen");
    sb.append(pick(CITIZEN_LEADS)).append(date.isEmpty() ? "其" : "其于" + date).append("在");
    if (f.address() != null && chance(0.85)) {
      sb.append(pick(List.of("位于", "", "地址为"))).append(f.address()).append("的");
    }
    sb.append(merchant(f, 1.0)).append(pick(f.category().activities())).append("，");
    sb.append(fact(f)).append("。");
    if (f.amountYuan() > 0 && chance(0.6)) {
      sb.append("消费金额").append(f.amountYuan()).append("元。");
    }
    sb.append(pick(List.of("诉求：", "市民诉求：", "现诉求："))).append(request(f)).append("。");
    return sb.toString();
  }

  private String fact(Facts f) {
    return pick(f.kind().facts().get(f.fact()).wordings()).replace("{g}", f.goods());
  }

  private String request(Facts f) {
    return pick(f.kind().requests()).replace("{g}", f.goods());
  }

  private String merchant(Facts f, double named) {
    if (f.merchantName() == null || !chance(named)) {
      return pick(List.of("该店", "一家店", "店里", "一家商户"));
    }
    return f.merchantName();
  }

  private String date(LocalDate d, String style) {
    if (d == null || chance(0.15)) {
      return "";
    }
    return switch (style) {
      case "operator" -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
      case "citizen" -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
      default ->
          pick(
              List.of(
                  d.getMonthValue() + "月" + d.getDayOfMonth() + "号",
                  d.getMonthValue() + "月" + d.getDayOfMonth() + "日晚上",
                  "前几天",
                  "上周",
                  d.getMonthValue() + "." + d.getDayOfMonth()));
    };
  }

  private String consumerAmount(long yuan) {
    if (yuan >= 100 && chance(0.35)) {
      long unit = yuan >= 1000 ? 1000 : 100;
      return "花了" + (yuan / unit * unit) + "多元，";
    }
    return pick(List.of("一共花了", "总共付了", "花了", "付了")) + yuan + pick(List.of("元，", "块，", "块钱，"));
  }

  private static String shortPlace(String address) {
    int road = Math.max(address.indexOf('路'), address.indexOf('垵'));
    return road > 0 ? address.substring(Math.max(0, address.indexOf('区') + 1), road + 1) : "";
  }

  private String fullWidthDigits(String s) {
    if (!chance(0.5)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(c >= '0' && c <= '9' ? (char) (c + 0xFEE0) : c);
    }
    return sb.toString();
  }

  private String typos(String s) {
    if (!chance(0.4)) {
      return s;
    }
    String[] t = TYPOS[random.nextInt(TYPOS.length)];
    return s.replaceFirst(t[0], t[1]);
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
