package org.hotline.intake.support;

import java.util.UUID;

/** Request bodies for tests. */
public final class Samples {
  private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CODE_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private Samples() {}

  public static String newSourceId() {
    return "t-" + UUID.randomUUID();
  }

  /** A complete, valid complaint by the person {@link #phone} names. */
  public static String complaint(String sourceId) {
    return """
        {"source_id": "%s",
         "type": "complaint",
         "received_at": "2026-10-02T09:30:00+08:00",
         "complainant": {"name": "张三", "phone": "%s", "id_number": "%s",
                         "address": "厦门市思明区中山路1号"},
         "merchant": {"name": "厦门鹭江海鲜大排档有限公司", "credit_code": "%s",
                      "address": "厦门市思明区中山路88号", "division_code": "350203"},
         "category": "餐饮服务",
         "content": "在该店消费海鲜，结账时按斤两虚高计价，多收费用约300元，要求退还。",
         "amount": 300.5,
         "occurred_at": "2026-10-01",
         "channel_ref": {"ticket": "A-1", "agent": 7}}
        """
        .formatted(sourceId, phone(sourceId), idNumber(sourceId), creditCode("91350203MA2Y0F12"));
  }

  /**
   * The complainant's phone in a sample complaint, as sent: one person per source id, so that
   * samples are not each other's duplicates.
   */
  public static String phone(String sourceId) {
    int n = Math.floorMod(sourceId.hashCode(), 100_000_000);
    return "138 %04d %04d".formatted(n / 10_000, n % 10_000);
  }

  /** A valid resident ID number, one per source id like {@link #phone}. */
  public static String idNumber(String sourceId) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    String first17 =
        "1101%02d19%02d0%d%02d%03d"
            .formatted(
                // The district digits too, from other bits of the id: without them two of a few
                // hundred samples shared an ID number now and then, and so were one person.
                1 + Math.floorMod(Long.hashCode(sourceId.hashCode() * 0x9E3779B97F4A7C15L), 8),
                50 + Math.floorMod(sourceId.hashCode(), 40),
                1 + Math.floorMod(sourceId.hashCode() >> 8, 9),
                10 + Math.floorMod(sourceId.hashCode() >> 12, 18),
                Math.floorMod(sourceId.hashCode() >> 16, 1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  /** A valid inquiry: no complainant or merchant needed. */
  public static String inquiry(String sourceId) {
    return """
        {"source_id": "%s", "type": "inquiry", "content": "请问预付卡退卡的规定是什么？"}
        """
        .formatted(sourceId);
  }

  /** A valid GB 32100-2015 credit code from its first 17 characters (padded with 0). */
  public static String creditCode(String prefix) {
    String p = (prefix + "00000000000000000").substring(0, 17);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CODE_CHARS.indexOf(p.charAt(i)) * CODE_WEIGHTS[i];
    }
    return p + CODE_CHARS.charAt((31 - sum % 31) % 31);
  }
}
