package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("masking free text")
class TextMaskerTest {
  @Nested
  @DisplayName("masks")
  class Masks {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "来电人（13905921234）反映 | 来电人（139****1234）反映",
          "回电 +86 139-0592-1234 即可 | 回电 139****1234 即可",
          "手机139 0592 1234，谢谢 | 手机139****1234，谢谢",
          "手机１３９０５９２１２３４ | 手机139****1234",
          "身份证350203199003071234号 | 身份证350203********1234号",
          "证件号 11010519491231002x | 证件号 110105********002X",
          "证件 350203 19900307 123X | 证件 350203********123X",
          "身份证号350205 1985 0615 6889，手机 | 身份证号350205********6889，手机",
          "身份证 350-205-1985-0615-688X | 身份证 350205********688X",
          "老身份证号110105491231002 | 老身份证号110105*****1002",
          "来电人（139\u200b5000\u200b1234）反映 | 来电人（139****1234）反映",
          "座机0592-5123456或(0592)5123456 | 座机059****3456或059****3456",
          "phone:13905921234;id:11010519491231002X | phone:139****1234;id:110105********002X",
          "13905921234 11010519491231002X 0592-5123456 | 139****1234 110105********002X 059****3456",
          "台胞手机+886 912 345 678，台胞证 | 台胞手机886*****5678，台胞证",
          "回电0912-345-678 | 回电091***5678",
          "香港电话 00852-9123-4567 | 香港电话 008******4567",
          "新加坡游客 +65 9123 4567 回电 | 新加坡游客 659***4567 回电",
          "美国号码(+1) 415-555-0100 | 美国号码141****0100",
          "韩国 +82 10-1234-5678 | 韩国 821*****5678",
          "(+886)912345678 | 886*****5678",
        })
    void numbers(String text, String masked) {
      assertThat(TextMasker.mask(text)).isEqualTo(masked);
    }

    @org.junit.jupiter.api.Test
    @DisplayName(
        "numbers in JSON at any depth, strings and whole numbers alike, except kept members")
    void json() {
      JsonObject doc =
          new JsonObject()
              .put("content", "来电人13905921234反映")
              .put("credit_code", "913502031234567890")
              .put(
                  "channel_ref",
                  new JsonObject()
                      .put("caller", 13905921234L)
                      .put("calls", new io.vertx.core.json.JsonArray().add("+8613905921234"))
                      .put("agent", 7)
                      .put("amount", 13905921234.5));
      JsonObject masked = TextMasker.maskAll(doc, Set.of("credit_code"));
      assertThat(masked.encode()).doesNotContain("13905921234\"").doesNotContain(":13905921234,");
      assertThat(masked.getString("content")).isEqualTo("来电人139****1234反映");
      assertThat(masked.getString("credit_code")).isEqualTo("913502031234567890");
      JsonObject ref = masked.getJsonObject("channel_ref");
      assertThat(ref.getValue("caller")).isEqualTo("139****1234");
      assertThat(ref.getJsonArray("calls").getString(0)).isEqualTo("139****1234");
      assertThat(ref.getValue("agent")).isEqualTo(7);
      assertThat(doc.getString("content")).contains("13905921234"); // the input is not changed
    }
  }

  @ParameterizedTest(name = "leaves alone: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "多收费用约300元，2026-10-02 09:30 发生",
        "订单 TB1390592123456789012",
        "时间戳 1764633600123",
        "id 01a2248c-e76a-7165-9cbe-bd799118beab",
        "已脱敏 139****1234 与 350203********1234",
        "金额 13905921.34 元",
        "12345工单号202612047315318",
        "IMEI 861234567890123",
        "运单号773012345678901",
        "注册号350203200012345",
      })
  void leavesAlone(String text) {
    assertThat(TextMasker.mask(text)).isEqualTo(text);
  }
}
