package org.hotline.intake.support;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Text for the structured fuzz tests: realistic values from small pools (so the fuzzer reaches the
 * rules behind the syntax: phone forms, ID check digits, place names, jurisdiction keywords),
 * spliced with and around arbitrary strings (so it also tries what no pool holds).
 */
public final class FuzzText {
  public static final String[] TYPES = {
    "complaint", "report", "inquiry", "suggestion", "Complaint", "other"
  };
  public static final String[] PHONES = {
    "138 1234 5678",
    "+86 138-1234-5678",
    "8613812345678",
    "0592-5123456",
    "(0592)5123456",
    "5123456",
    "１３８１２３４５６７８",
    "400-123-4567",
    "010 12345678",
  };
  public static final String[] ID_NUMBERS = {
    "11010519491231002x",
    "11010519491231002X",
    "110105194912310021",
    "110105491231002",
    "350203202701010012",
    "35020319900307123",
  };
  public static final String[] CREDIT_CODES = {
    "91110000802100433B", "91350200MA2Y0ABC1X", "9135020", "９１１１００００８０２１００４３３Ｂ",
  };
  public static final String[] PERSON_NAMES = {"张三丰", "李四", "Ａｌｉｃｅ", "王 五"};
  public static final String[] MERCHANT_NAMES = {
    "曾厝垵阿海海鲜排档", "厦门市思明区鹭江海鲜大排档中山路店", "星巴克（中山路店）", "厦门某某贸易有限公司", "店", "福建省厦门市",
  };
  public static final String[] ADDRESSES = {
    "厦门市思明区曾厝垵社23号",
    "湖里区软件园二期",
    "软件园",
    "鼓浪屿龙头路",
    "厦门市集美区灌口镇",
    "思明区 湖里区",
    "湖里区软件园",
    "福州市鼓楼区",
    "北京路1号",
    "廈門市思明區",
    "无",
    "厦门市",
    "海沧大桥",
  };
  public static final String[] DIVISION_CODES = {
    "350203", "350200", "350100", "3502030", "350203001", "350206001001", "３５０２０３", "35021x",
  };
  public static final String[] PLATFORMS = {"美团", "淘宝", "抖音", "4399", "美柚", "unknown"};
  public static final String[] CATEGORIES = {"餐饮服务", "物业", "医疗纠纷", "出租车", "其他", "快递"};
  public static final String[] CONTENTS = {
    "10月1日晚在该店用餐，结账时多收了300元。要求退还多收款项。",
    "预付卡退费怎么办理？",
    "物业公司乱收物业费",
    "已向法院起诉，商家仍拒绝退款",
    "2026年9月30日买的手机，价格¥1,299.00，第二天就坏了",
    "e\u0301 ﬁ Ａ😀",
  };
  public static final String[] RECEIVED_AT = {
    "2026-10-02T09:30:00+08:00",
    "2026-10-02T02:00:00Z",
    "2026-10-02T10:04:59+08:00",
    "2026-10-02T10:06:00+08:00",
    "2026-02-30T00:00:00+08:00",
    "2026-10-02 09:30:00",
    "2026-10-02T09:30:00.123456789+08:00",
  };
  public static final String[] OCCURRED_AT = {
    "2026-10-01", "2026-10-01T20:00:00+08:00", "2026-13-01", "10月1日",
  };

  private static final int MAX_FUZZED = 40;

  private FuzzText() {}

  /** A pool value, a pool value with fuzzed text around it, two spliced, or fuzzed text alone. */
  public static String text(FuzzedDataProvider data, String[] pool) {
    return switch (data.consumeInt(0, 4)) {
      case 0 -> data.pickValue(pool);
      case 1 -> data.pickValue(pool) + data.consumeString(MAX_FUZZED);
      case 2 -> data.consumeString(MAX_FUZZED) + data.pickValue(pool);
      case 3 -> data.pickValue(pool) + data.pickValue(pool);
      default -> data.consumeString(MAX_FUZZED);
    };
  }

  /** Like {@link #text}, or null (an absent field) one time in four. */
  public static String maybe(FuzzedDataProvider data, String[] pool) {
    return data.consumeInt(0, 3) == 0 ? null : text(data, pool);
  }
}
