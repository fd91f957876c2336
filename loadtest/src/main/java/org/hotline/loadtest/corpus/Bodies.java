package org.hotline.loadtest.corpus;

import java.util.SplittableRandom;

/**
 * Writes a filing's JSON body in the style of its channel (DOMAIN.md "Who sends what"): the phone
 * operator's terse third-person note, the consumer's emotional first-person post with full-width
 * digits and typos, the 12345 work order with its own number. Fields and their noise vary by
 * channel the way upstream systems differ; every body passes the gateway's validation.
 */
final class Bodies {
  private final StringBuilder sb = new StringBuilder(1024);
  private final StringBuilder text = new StringBuilder(512);

  /**
   * @param year the year of the occurrence date
   * @param month the month of the occurrence date, 1..12
   * @param date the day of month
   */
  String render(
      SplittableRandom rng,
      String channel,
      String sourceId,
      String workOrder,
      Matter m,
      int year,
      int month,
      int date) {
    Person p = m.person();
    Shop s = m.shop();
    boolean phone = channel.equals("phone");
    boolean web = channel.equals("web");
    sb.setLength(0);
    sb.append('{');
    Json.field(sb, "source_id", sourceId);
    Json.field(sb, "type", "complaint");
    sb.append(",\"complainant\":{");
    Json.field(sb, "name", personName(rng, p, phone, web));
    Json.field(sb, "phone", People.phone(rng, p.mobile(), web));
    if (p.idNumber() != null && rng.nextInt(10) < (web ? 5 : phone ? 1 : 3)) {
      Json.field(sb, "id_number", idNumber(rng, p.idNumber()));
    }
    if (p.address() != null && !phone && rng.nextBoolean()) {
      Json.field(sb, "address", p.address());
    }
    sb.append("},\"merchant\":{");
    merchant(rng, s, phone, web);
    sb.append('}');
    category(rng, s, web);
    boolean mentionAmount = !phone || rng.nextInt(10) < 3;
    String amount = mentionAmount ? Integer.toString(m.amount()) : null;
    Json.field(sb, "content", content(rng, channel, m, month, date, amount));
    if (rng.nextInt(10) < (web ? 5 : phone ? 2 : 4)) {
      sb.append(",\"amount\":").append(m.amount());
    }
    if (rng.nextInt(10) < (web ? 6 : phone ? 3 : 5)) {
      Json.field(sb, "occurred_at", year + "-" + two(month) + "-" + two(date));
    }
    if (workOrder != null) {
      sb.append(",\"channel_ref\":{");
      Json.field(sb, "work_order", workOrder);
      Json.field(sb, "source", "厦门市12345政务服务便民热线");
      sb.append('}');
    } else if (phone && rng.nextBoolean()) {
      sb.append(",\"channel_ref\":{");
      Json.field(sb, "operator", "T" + (100 + rng.nextInt(80)));
      sb.append('}');
    }
    return sb.append('}').toString();
  }

  private static String personName(SplittableRandom rng, Person p, boolean phone, boolean web) {
    if (phone && rng.nextBoolean()) {
      return p.surname() + (p.female() ? "女士" : "先生");
    }
    if (web && rng.nextInt(10) < 3) {
      return null;
    }
    return p.surname() + p.givenName();
  }

  private static String idNumber(SplittableRandom rng, String id) {
    return switch (rng.nextInt(5)) {
      case 0 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
      case 1 -> id.toLowerCase(java.util.Locale.ROOT);
      default -> id;
    };
  }

  private void merchant(SplittableRandom rng, Shop s, boolean phone, boolean web) {
    String[] names = s.names();
    Json.field(sb, "name", names[rng.nextInt(names.length)]);
    String[] addresses = s.addresses();
    if (addresses.length > 0) {
      Json.field(sb, "address", addresses[rng.nextInt(addresses.length)]);
    } else if (rng.nextInt(5) == 0) {
      Json.field(sb, "address", "网店无地址");
    }
    if (s.creditCode() != null && rng.nextInt(10) < (phone ? 2 : web ? 4 : 6)) {
      String code = s.creditCode();
      Json.field(sb, "credit_code", web && rng.nextInt(4) == 0 ? code.toLowerCase() : code);
    }
    if (s.divisionCode() != null && rng.nextInt(10) < (phone ? 3 : web ? 1 : 7)) {
      Json.field(sb, "division_code", s.divisionCode());
    }
    Json.field(sb, "platform", s.platform());
  }

  private void category(SplittableRandom rng, Shop s, boolean web) {
    Trade t = s.trade();
    // Transfers the content cannot reveal must carry their category; the others only sometimes.
    boolean needed = t == Trade.BROADBAND || t == Trade.COURIER;
    if (needed || rng.nextInt(10) < (web ? 3 : 6)) {
      Json.field(sb, "category", t.category);
    }
  }

  private String content(
      SplittableRandom rng, String channel, Matter m, int month, int date, String amount) {
    Shop s = m.shop();
    String fact = Wording.pick(rng, Wording.facts(s.trade(), m.grievance()));
    String request = Wording.pick(rng, Wording.REQUESTS);
    String shopName = s.names()[0];
    String where =
        s.place() != null ? s.place().name() : s.platform() != null ? s.platform() + "上" : "";
    text.setLength(0);
    switch (channel) {
      case "phone" -> {
        text.append(Wording.pick(rng, Wording.PHONE_OPENERS));
        text.append(month).append('月').append(date).append("日在").append(where);
        text.append("的").append(shopName).append("消费，");
        Wording.fact(text, fact, m.goods(), amount);
        text.append('。').append(Wording.pick(rng, Wording.PHONE_REQUESTS)).append(request);
        text.append('。');
      }
      case "web" -> {
        text.append(Wording.pick(rng, Wording.WEB_OPENERS));
        text.append(month).append('月').append(date).append(rng.nextBoolean() ? "号在" : "日在");
        text.append(where).append("的").append(shopName);
        text.append(m.goods().isEmpty() ? "" : "买了" + m.goods()).append("，");
        Wording.fact(text, fact, m.goods(), amount);
        text.append(rng.nextBoolean() ? "！！" : "。");
        text.append(Wording.pick(rng, Wording.WEB_FEELINGS));
        text.append(request).append(rng.nextBoolean() ? "！" : "。");
        if (rng.nextInt(3) == 0) {
          return Noise.fullWidthDigits(text.toString());
        }
      }
      default -> {
        text.append(Wording.pick(rng, Wording.HOTLINE_OPENERS));
        text.append(month).append('月').append(date).append("日，市民在").append(where);
        text.append("的").append(shopName).append("，");
        Wording.fact(text, fact, m.goods(), amount);
        text.append("。市民诉求：").append(request).append('。');
        text.append(Wording.pick(rng, Wording.HOTLINE_CLOSINGS));
      }
    }
    return text.toString();
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
