package org.hotline.intake.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.routing.Inputs.HULI;
import static org.hotline.intake.routing.Inputs.JIMEI;
import static org.hotline.intake.routing.Inputs.SIMING;
import static org.hotline.intake.routing.Inputs.codeAndAddress;
import static org.hotline.intake.routing.Inputs.platform;
import static org.hotline.intake.routing.Inputs.route;

import org.hotline.intake.validation.Complainant;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.validation.Merchant;
import org.hotline.intake.validation.RecordType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Routing: division code, then address, then platform, then triage")
class LocationOrderTest {

  @Nested
  @DisplayName("the division code")
  class DivisionCode {
    @ParameterizedTest(name = "district code {0} decides on its own")
    @ValueSource(strings = {"350203", "350205", "350206", "350211", "350212", "350213"})
    void districtCode(String code) {
      assertThat(route(codeAndAddress(code, null)))
          .isEqualTo(Route.toDistrict(code, "division_code"));
    }

    @Test
    @DisplayName("a township or village code decides through its first six digits")
    void longerCodes() {
      assertThat(route(codeAndAddress("350203012", null)).district()).isEqualTo(SIMING);
      assertThat(route(codeAndAddress("350211103200", null)).district()).isEqualTo(JIMEI);
      assertThat(route(codeAndAddress("３５０２０６", null)).district()).isEqualTo(HULI);
    }

    @Test
    @DisplayName("a code and an address naming the same district agree")
    void agrees() {
      Route r = route(codeAndAddress("350206", "厦门市湖里区五缘湾道1号"));
      assertThat(r).isEqualTo(Route.toDistrict(HULI, "division_code"));
    }

    @Test
    @DisplayName("a code decides when the address locates nothing or is ambiguous but compatible")
    void codeOverWeakAddress() {
      assertThat(route(codeAndAddress("350203", "湖滨南路88号")).district()).isEqualTo(SIMING);
      assertThat(route(codeAndAddress("350211", "软件园")).district()).isEqualTo(JIMEI);
    }

    @Test
    @DisplayName("a code and an address naming different districts go to triage")
    void conflict() {
      assertThat(route(codeAndAddress("350203", "厦门市湖里区五缘湾道1号")))
          .isEqualTo(Route.triage("conflict:division_code"));
      assertThat(route(codeAndAddress("350206", "海沧大桥")))
          .isEqualTo(Route.toDistrict(HULI, "division_code"));
      assertThat(route(codeAndAddress("350203", "海沧大桥")))
          .isEqualTo(Route.triage("conflict:division_code"));
      assertThat(route(codeAndAddress("350203", "泉州市丰泽区")))
          .isEqualTo(Route.triage("conflict:division_code"));
    }

    @Test
    @DisplayName("the city-level code does not guess: the address decides")
    void cityLevel() {
      assertThat(route(codeAndAddress("350200", "集美区灌口镇")).district()).isEqualTo(JIMEI);
      assertThat(route(codeAndAddress("350200", null))).isEqualTo(Route.triage("no_location"));
      assertThat(route(codeAndAddress("350204", "湖滨南路")).queue()).isEqualTo(Route.TRIAGE);
    }

    @Test
    @DisplayName("another city's code goes to triage, even with an address in town")
    void otherCity() {
      assertThat(route(codeAndAddress("350503", null)))
          .isEqualTo(Route.triage("outside_city:division_code"));
      assertThat(route(codeAndAddress("110105", "思明区中山路")))
          .isEqualTo(Route.triage("conflict:division_code"));
      assertThat(route(codeAndAddress("110105", "北京市朝阳区"))).isEqualTo(Route.triage("outside_city"));
    }

    @Test
    @DisplayName(
        "only a record that places no shop may take its group's district; a conflict needs a person")
    void unplaced() {
      assertThat(route(codeAndAddress(null, null)).unplaced()).isTrue();
      assertThat(route(codeAndAddress(null, "阳光小区3号楼")).unplaced()).isTrue();
      assertThat(route(codeAndAddress("350203", "厦门市湖里区五缘湾道1号")).unplaced()).isFalse();
      assertThat(route(codeAndAddress("350503", null)).unplaced()).isFalse();
      assertThat(route(codeAndAddress("350203", null)).unplaced()).isFalse();
      assertThat(route(platform("淘宝店铺", null)).unplaced())
          .as("only an out-of-town platform: where the seller operates is not said")
          .isTrue();
      assertThat(route(platform("美柚和京东", null)).unplaced()).isFalse();
    }

    @Test
    @DisplayName("a malformed code is ignored")
    void malformed() {
      assertThat(route(codeAndAddress("35020", "思明区")).district()).isEqualTo(SIMING);
      assertThat(route(codeAndAddress("abcdef", null))).isEqualTo(Route.triage("no_location"));
    }
  }

  @Nested
  @DisplayName("the credit code's registering bureau, when nothing says where the shop operates")
  class CreditCode {
    private static RoutingInput coded(String creditCode, String address, String platform) {
      return new RoutingInput(
          "complaint", "餐饮服务", null, address, platform, "某公司", "商家拒绝退款。", creditCode);
    }

    @Test
    @DisplayName("a code registered by a district's bureau routes there without an address")
    void registered() {
      assertThat(route(coded("92350211MA31FR6T4U", null, null)))
          .isEqualTo(Route.toDistrict(JIMEI, "credit_code"));
      assertThat(route(coded("92350211MA31FR6T4U", "嘉禾路388号", null)))
          .isEqualTo(Route.toDistrict(JIMEI, "credit_code"));
      assertThat(route(coded("92350211MA31FR6T4U", null, "淘宝")))
          .as("before another city's platform")
          .isEqualTo(Route.toDistrict(JIMEI, "credit_code"));
    }

    @Test
    @DisplayName("an address that places the shop, or cannot decide, says more than the register")
    void addressFirst() {
      assertThat(route(coded("92350211MA31FR6T4U", "湖里区嘉禾路388号", null)).district()).isEqualTo(HULI);
      assertThat(route(coded("92350211MA31FR6T4U", "海沧大桥收费站旁", null)))
          .isEqualTo(Route.triage("ambiguous:海沧大桥"));
      assertThat(route(coded("92350211MA31FR6T4U", "泉州市丰泽区刺桐路", null)))
          .isEqualTo(Route.triage("outside_city"));
    }

    @Test
    @DisplayName("a code registered by the city's bureau or another city's does not place the shop")
    void notADistrict() {
      assertThat(route(coded("91350200MA2XQ4NB71", null, null)).decided()).isFalse();
      assertThat(route(coded("91350500MA2XQ4NB7X", null, null)).decided()).isFalse();
      assertThat(route(coded("91350200MA2XQ4NB71", null, null)).unplaced()).isTrue();
    }
  }

  @Nested
  @DisplayName("a merchant name that only describes the shop")
  class DescribedPlace {
    private static RoutingInput named(String name, String address, String creditCode) {
      return new RoutingInput(
          "complaint", null, null, address, null, name, "商家称重缺斤少两。", creditCode);
    }

    @Test
    @DisplayName("is placed by the place it opens with, before a describing word")
    void placed() {
      assertThat(route(named("曾厝垵那家海鲜店", null, null)).district()).isEqualTo(SIMING);
      assertThat(route(named("湖里五缘湾那家悦海湾", null, null)).district()).isEqualTo(HULI);
      assertThat(route(named("五缘湾一健身房（力美健身）", null, null)).district()).isEqualTo(HULI);
      assertThat(route(named("鼓浪屿某馅饼店", "店名不详", null)).district()).isEqualTo(SIMING);
      assertThat(route(named("曾厝垵那家海鲜店", null, null)).reason()).startsWith("merchant_name:");
    }

    @Test
    @DisplayName("before the bureau that registered it: the description says where it operates")
    void beforeTheRegister() {
      assertThat(route(named("五缘湾一健身房", null, "92350211MA31FR6T4U")).district()).isEqualTo(HULI);
    }

    @Test
    @DisplayName("not a brand that opens with a place, nor an address that decides otherwise")
    void notABrand() {
      assertThat(route(named("同安封肉", null, null))).isEqualTo(Route.triage("no_location"));
      assertThat(route(named("同安一品鲜", null, null))).isEqualTo(Route.triage("no_location"));
      assertThat(route(named("曾厝垵那家海鲜店", "湖里区五缘湾道1号", null)).district()).isEqualTo(HULI);
      assertThat(route(named("海沧大桥桥头一汽车维修店", null, null)).queue()).isEqualTo("triage");
    }
  }

  @Nested
  @DisplayName("the platform, for an online seller without an address")
  class Platform {
    @Test
    @DisplayName("a platform registered in a district of ours routes there")
    void registeredHere() {
      assertThat(route(platform("美柚", null))).isEqualTo(Route.toDistrict(SIMING, "platform:美柚"));
      assertThat(route(platform("柚子街店铺", " "))).isEqualTo(Route.toDistrict(SIMING, "platform:美柚"));
    }

    @Test
    @DisplayName("a platform registered in another city goes to triage")
    void registeredElsewhere() {
      assertThat(route(platform("美团外卖", null))).isEqualTo(Route.triage("platform_outside:美团"));
      assertThat(route(platform("大众点评", null))).isEqualTo(Route.triage("platform_outside:美团"));
      assertThat(route(platform("淘宝店铺", null))).isEqualTo(Route.triage("platform_outside:淘宝"));
      assertThat(route(platform("TMALL", null))).isEqualTo(Route.triage("platform_outside:淘宝"));
    }

    @Test
    @DisplayName("an unknown platform, or two at once, goes to triage")
    void unknownOrTwo() {
      assertThat(route(platform("某小程序", null))).isEqualTo(Route.triage("platform:unknown"));
      assertThat(route(platform("美柚和京东", null))).isEqualTo(Route.triage("ambiguous:platform"));
    }

    @Test
    @DisplayName("an address that only says there is none counts as no address")
    void placeholderAddress() {
      assertThat(route(platform("美柚", "无"))).isEqualTo(Route.toDistrict(SIMING, "platform:美柚"));
      assertThat(route(platform("美柚", "地址不详。"))).isEqualTo(Route.toDistrict(SIMING, "platform:美柚"));
      assertThat(route(platform("美柚", "--"))).isEqualTo(Route.toDistrict(SIMING, "platform:美柚"));
      assertThat(route(platform(null, "不详"))).isEqualTo(Route.triage("no_location"));
    }

    @Test
    @DisplayName("the seller's own address wins over its platform")
    void addressFirst() {
      assertThat(route(platform("淘宝", "湖里区枋湖北二路")).district()).isEqualTo(HULI);
      assertThat(route(platform("美柚", "湖滨南路88号"))).isEqualTo(Route.triage("address:unresolved"));
    }
  }

  @Test
  @DisplayName("with no location at all the record goes to triage")
  void nothing() {
    RoutingInput in = new RoutingInput("inquiry", null, null, null, null, null, "营业时间？");
    assertThat(route(in)).isEqualTo(Route.triage("no_location"));
  }

  @Test
  @DisplayName("a parsed record routes by its merchant, never by the complainant's address")
  void fromIntakeRequest() {
    IntakeRequest request =
        new IntakeRequest(
            "web-1",
            RecordType.COMPLAINT,
            null,
            new Complainant("张三", "13812345678", null, "厦门市湖里区五缘湾道1号"),
            new Merchant("某海鲜店", null, "厦门市思明区曾厝垵", null, null, null),
            "餐饮服务",
            "多收费",
            null,
            null,
            null,
            new byte[32],
            null);
    Route r = route(RoutingInput.from(request));
    assertThat(r).isEqualTo(Route.toDistrict(SIMING, "address:district:思明区"));
    IntakeRequest noMerchant =
        new IntakeRequest(
            "web-2",
            RecordType.INQUIRY,
            null,
            null,
            null,
            null,
            "营业时间？",
            null,
            null,
            null,
            new byte[32],
            null);
    assertThat(route(RoutingInput.from(noMerchant))).isEqualTo(Route.triage("no_location"));
  }
}
