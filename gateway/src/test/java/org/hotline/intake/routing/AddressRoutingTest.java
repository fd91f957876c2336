package org.hotline.intake.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.routing.Inputs.HAICANG;
import static org.hotline.intake.routing.Inputs.HULI;
import static org.hotline.intake.routing.Inputs.JIMEI;
import static org.hotline.intake.routing.Inputs.SIMING;
import static org.hotline.intake.routing.Inputs.TONGAN;
import static org.hotline.intake.routing.Inputs.XIANGAN;
import static org.hotline.intake.routing.Inputs.address;
import static org.hotline.intake.routing.Inputs.route;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Routing: the merchant address")
class AddressRoutingTest {

  @Nested
  @DisplayName("an address that names one district")
  class Decides {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "福建省厦门市思明区湖滨南路88号 | 350203 | address:district:思明区",
          "厦门市湖里区嘉禾路468号 | 350206 | address:district:湖里区",
          "海沧区海沧大道567号 | 350205 | address:district:海沧区",
          "厦门集美杏林湾路1号 | 350211 | address:district:集美区",
          "同安区祥平街道环城南路5号 | 350212 | address:district:同安区",
          "厦门市翔安区新店街道 | 350213 | address:district:翔安区",
          "厦门市鼓浪屿街道龙头路12号 | 350203 | address:township:鼓浪屿街道",
          "鼓浪屿龙头路12号 | 350203 | address:township:鼓浪屿街道",
          "厦门市灌口镇 | 350211 | address:township:灌口镇",
          "马巷镇巷南路3号 | 350213 | address:township:马巷街道",
          "曾厝垵社88号 | 350203 | address:place:曾厝垵",
          "软件园二期观日路24号 | 350203 | address:place:软件园二期",
          "厦门市软件园三期诚毅大街 | 350211 | address:place:软件园三期",
          "厦门大学翔安校区学生街 | 350213 | address:place:厦门大学翔安校区",
          "厦门大学白城校门对面 | 350203 | address:place:厦门大学",
          "高崎国际机场T3航站楼 | 350206 | address:place:高崎机场",
        })
    void decides(String addr, String district, String reason) {
      assertThat(route(address(addr))).isEqualTo(Route.toDistrict(district, reason));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "江头 | 350206 | address:township:江头街道",
          "厦门市江头 | 350206 | address:township:江头街道",
          "金山 | 350206 | address:township:金山街道",
          "杏林 | 350211 | address:township:杏林街道",
          "新阳。 | 350205 | address:township:新阳街道",
        })
    @DisplayName(
        "a township's bare name that is a word or a road elsewhere decides as the whole address")
    void alone(String addr, String district, String reason) {
      assertThat(route(address(addr))).isEqualTo(Route.toDistrict(district, reason));
    }

    @Test
    @DisplayName("full-width digits, spaces and traditional characters do not matter")
    void folded() {
      assertThat(route(address("廈門市 思明區 湖濱南路８８號")).district()).isEqualTo(SIMING);
      assertThat(route(address("厦门市　湖里区　枋湖北二路")).district()).isEqualTo(HULI);
      assertThat(route(address("No.8 Haicang Avenue, Haicang District, Xiamen")).district())
          .isEqualTo(HAICANG);
    }

    @Test
    @DisplayName("district, township and place that agree decide together")
    void agreeing() {
      assertThat(route(address("集美区侨英街道集美学村")).district()).isEqualTo(JIMEI);
      assertThat(route(address("同安区大同街道")).district()).isEqualTo(TONGAN);
      assertThat(route(address("翔安区大嶝岛")).district()).isEqualTo(XIANGAN);
    }

    @Test
    @DisplayName("a district with a place it contains keeps the district")
    void districtWithCompatibleAmbiguousPlace() {
      assertThat(route(address("思明区软件园观日路")).district()).isEqualTo(SIMING);
      assertThat(route(address("湖里区万达广场3楼")).district()).isEqualTo(HULI);
      assertThat(route(address("思明区大同路12号")).district()).isEqualTo(SIMING);
    }
  }

  @Nested
  @DisplayName("an address that does not decide goes to triage")
  class Triage {
    @ParameterizedTest(name = "{0} is ambiguous")
    @CsvSource(
        delimiter = '|',
        value = {
          "海沧大桥收费站旁 | ambiguous:海沧大桥",
          "海沧隧道出口 | ambiguous:海沧隧道",
          "翔安大桥桥头 | ambiguous:翔安大桥",
          "厦门软件园 | ambiguous:软件园",
          "环岛路沿线烧烤摊 | ambiguous:环岛路",
          "厦门机场到达层 | ambiguous:机场",
          "莲花路口 | ambiguous:莲花",
          "大同路120号 | ambiguous:大同",
          "莲花 | ambiguous:莲花",
          "大同 | ambiguous:大同",
        })
    void ambiguous(String addr, String reason) {
      assertThat(route(address(addr))).isEqualTo(Route.triage(reason));
    }

    @ParameterizedTest(name = "{0} names two districts")
    @ValueSource(strings = {"思明区湖里大道", "厦门市集美区海沧街道", "湖里区软件园", "翔安区鼓浪屿"})
    void conflict(String addr) {
      assertThat(route(address(addr))).isEqualTo(Route.triage("conflict:address"));
    }

    @ParameterizedTest(name = "{0} is in another city")
    @ValueSource(
        strings = {
          "福建省泉州市丰泽区刺桐路",
          "泉州晋江市陈埭镇",
          "漳州市龙海区角美镇",
          "龙海区角美镇海沧附近",
          "北京市朝阳区建国路",
          "广东省深圳市南山区",
          "山西省大同市",
          "大同市平城区",
          "福州市晋安区新店镇",
          "鲤城区中山路",
          "都江堰市灌口镇",
          "中山路步行街（泉州）",
          "中山路88号(漳州)",
        })
    void outside(String addr) {
      assertThat(route(address(addr))).isEqualTo(Route.triage("outside_city"));
    }

    @ParameterizedTest(name = "{0} names nothing that locates it")
    @ValueSource(
        strings = {
          "厦门市嘉禾路388号",
          "湖滨南路88号",
          "仙岳路1号",
          "厦门",
          "金山路",
          "江头北路",
          "新店",
          "新店路",
          "杏林大药房旁",
          "江头附近"
        })
    void unresolved(String addr) {
      assertThat(route(address(addr))).isEqualTo(Route.triage("address:unresolved"));
    }

    @Test
    @DisplayName("a market whose name ends in 市 is not a city")
    void markets() {
      assertThat(route(address("永辉超市湖里店")).district()).isEqualTo(HULI);
      assertThat(route(address("集美市场海鲜摊")).district()).isEqualTo(JIMEI);
      assertThat(route(address("第八市场")).district()).isEqualTo(SIMING);
    }

    @Test
    @DisplayName("a zone ending in 区 is not another city's district")
    void zones() {
      assertThat(route(address("阳光小区3号楼")).reason()).isEqualTo("address:unresolved");
      assertThat(route(address("工业区厂房")).reason()).isEqualTo("address:unresolved");
      assertThat(route(address("开发区集美北大道")).district()).isEqualTo(JIMEI);
    }

    @Test
    @DisplayName("a place named like a bare township of another district is listed: 内厝澳 is on 鼓浪屿")
    void placeOverBareTownship() {
      assertThat(route(address("内厝澳路12号")).district()).isEqualTo(SIMING);
      assertThat(route(address("内厝镇")).district()).isEqualTo(XIANGAN);
    }

    @Test
    @DisplayName("a street named after another city is still in town")
    void streetNamedAfterCity() {
      assertThat(route(address("思明区台湾街12号")).district()).isEqualTo(SIMING);
    }
  }

  @Test
  @DisplayName("a report routes by the merchant address like a complaint")
  void report() {
    RoutingInput in = new RoutingInput("report", null, null, "湖里区五缘湾", null, null, "无证经营");
    assertThat(route(in).district()).isEqualTo(HULI);
  }

  @Test
  @DisplayName("reasons carry only configuration names, never the address text")
  void reasonsHaveNoPersonalData() {
    Route r = route(address("思明区莲前街道张三家隔壁13812345678"));
    assertThat(r.reason()).isEqualTo("address:district:思明区").doesNotContain("张三", "1381");
  }
}
