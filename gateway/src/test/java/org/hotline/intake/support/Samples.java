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

  /** A complete, valid complaint. */
  public static String complaint(String sourceId) {
    return """
        {"source_id": "%s",
         "type": "complaint",
         "received_at": "2026-10-02T09:30:00+08:00",
         "complainant": {"name": "张三", "phone": "138 0013 8000", "id_number": "11010519491231002X",
                         "address": "厦门市思明区中山路1号"},
         "merchant": {"name": "厦门鹭江海鲜大排档有限公司", "credit_code": "%s",
                      "address": "厦门市思明区中山路88号", "division_code": "350203"},
         "category": "餐饮服务",
         "content": "在该店消费海鲜，结账时按斤两虚高计价，多收费用约300元，要求退还。",
         "amount": 300.5,
         "occurred_at": "2026-10-01",
         "channel_ref": {"ticket": "A-1", "agent": 7}}
        """
        .formatted(sourceId, creditCode("91350203MA2Y0F12"));
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
