package org.hotline.intake.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.routing.Inputs.SIMING;
import static org.hotline.intake.routing.Inputs.matter;
import static org.hotline.intake.routing.Inputs.route;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Routing: matters outside market regulation")
class JurisdictionTest {

  @Nested
  @DisplayName("the category decides")
  class ByCategory {
    @ParameterizedTest(name = "category {0} is transferred to {1}")
    @CsvSource({
      "物业, 住建",
      "物业服务, 住建",
      "医疗纠纷, 卫健",
      "医疗, 卫健",
      "交通, 交通运输",
      "劳动争议, 人社",
      "拖欠工资, 人社",
      "出租车, 交通运输",
      "网约车, 交通运输",
      "房屋买卖, 住建",
      "劳动仲裁, 人社",
      "诉讼, 法院/仲裁机构",
    })
    void transferred(String category, String department) {
      Route r = route(matter(category, "详见附件。"));
      assertThat(r.queue()).isEqualTo(Route.TRANSFER);
      assertThat(r.transferTo()).isEqualTo(department);
      assertThat(r.district()).isNull();
      assertThat(r.reason()).startsWith("jurisdiction:");
    }

    @Test
    @DisplayName("the transfer wins over a merchant location that would decide a district")
    void transferWinsOverLocation() {
      RoutingInput in = new RoutingInput("complaint", "物业", "350203", "思明区", null, null, "x");
      assertThat(route(in)).isEqualTo(Route.transfer("住建", "jurisdiction:物业"));
    }

    @ParameterizedTest(name = "category {0} stays with market regulation")
    @CsvSource({
      "餐饮服务", "预付卡", "医疗器械", "医疗美容", "医美", "宠物医疗", "医疗用品", "医疗广告", "医疗保健", "美容医疗", "汽车销售", "交通工具",
      "交通安全用品", "旅游购物"
    })
    void inScope(String category) {
      assertThat(route(matter(category, "详见附件。")).queue()).isEqualTo(SIMING);
    }

    @Test
    @DisplayName("full-width and spaced categories still match")
    void foldedCategory() {
      assertThat(route(matter(" 物 业 ", "x")).transferTo()).isEqualTo("住建");
    }
  }

  @Nested
  @DisplayName("the content decides only when the category says nothing")
  class ByContent {
    @ParameterizedTest(name = "\"{0}\" without a category goes to {1}")
    @CsvSource({
      "小区物业费年年上涨且不公示, 住建",
      "小区物业服务费今年突然从每平1.2涨到2.0，也没开业主大会, 住建",
      "在医院发生医疗事故要求赔偿, 卫健",
      "公司拖欠工资三个月, 人社",
      "网约车司机绕路多收费, 交通运输",
      "开发商延期交房一年, 住建",
    })
    void noCategory(String content, String department) {
      assertThat(route(matter(null, content)).transferTo()).isEqualTo(department);
      assertThat(route(matter("其他", content)).transferTo()).isEqualTo(department);
    }

    @ParameterizedTest(name = "\"{0}\" stays with market regulation")
    @CsvSource({"在该物业公司旁边的水果店买水果缺斤短两", "医院对面的药店多收了钱", "物业公司楼下的超市卖过期牛奶", "在物业公司的隔壁水果店买的橙子坏了"})
    @DisplayName("a department's word that only says where the shop is does not transfer it")
    void landmark(String content) {
      assertThat(route(matter(null, content)).queue()).isEqualTo(SIMING);
    }

    @ParameterizedTest(name = "\"{0}\" stays with market regulation")
    @CsvSource({"私教课还有36节没上，门店关了，教练说他们也被欠薪。请帮我们追回钱。", "培训班关门了，老师说她们都被拖欠工资，我交的学费怎么办"})
    @DisplayName(
        "wages said of others (the staff of a closed gym, as its member tells it) do not transfer"
            + " the member's complaint (sets Q and AE)")
    void othersWages(String content) {
      assertThat(route(matter(null, content)).transferTo()).isNull();
      assertThat(route(matter(null, "健身房老板拖欠我们教练的工资三个月了，我们也被欠薪")).transferTo())
          .as("the staff's own claim: we, not they")
          .isEqualTo("人社");
      assertThat(route(matter(null, "来电人反映他们公司拖欠工资两个月")).transferTo())
          .as("a summary's 他们 of the caller's own employer")
          .isEqualTo("人社");
      assertThat(route(matter(null, "他们小区物业费年年上涨且不公示")).transferTo())
          .as("a summary's 他们 of the caller's own estate")
          .isEqualTo("住建");
    }

    @Test
    @DisplayName("a department's own charge at its gate is still its matter")
    void atTheGate() {
      assertThat(route(matter(null, "物业公司门口停车每小时收十元，没有公示")).transferTo()).isEqualTo("住建");
    }

    @Test
    @DisplayName("an in-scope category is not overridden by a word in passing")
    void inScopeCategoryKeepsIt() {
      Route r = route(matter("预付卡", "健身房突然关门跑路，听说教练也被拖欠工资，要求退还余额。"));
      assertThat(r.queue()).isEqualTo(SIMING);
    }

    @Test
    @DisplayName("a case already before a court is transferred whatever its category")
    void court() {
      Route r = route(matter("餐饮服务", "此事我已向法院起诉，法院已立案。"));
      assertThat(r).isEqualTo(Route.transfer("法院/仲裁机构", "jurisdiction:诉讼仲裁"));
      // Set S: the court named, the filing in other words.
      assertThat(route(matter("装修服务", "与佳美装饰的装修质量纠纷已向集美区人民法院起诉并已立案。")))
          .isEqualTo(Route.transfer("法院/仲裁机构", "jurisdiction:诉讼仲裁"));
    }

    @Test
    @DisplayName(
        "a keyword that is a regular expression: the caller's own wages with only how long or how"
            + " much before 工资, a court named between 已向 and the filing (sets AJ, AL, AN)")
    void patterns() {
      assertThat(route(matter(null, "市民反映：其原为莲前西路型格汇美发店理发师，该店春节后关门，老板拖欠其两个月工资及提成共计13000元。")))
          .as("the call centre's summary of the caller's own wages")
          .isEqualTo(Route.transfer("人社", "jurisdiction:劳动争议"));
      assertThat(route(matter(null, "市民反映：健身房春节后关门，公司拖欠其2024年12月至2025年1月工资共计16000元，要求支付。")))
          .isEqualTo(Route.transfer("人社", "jurisdiction:劳动争议"));
      assertThat(route(matter(null, "我在外卖平台的配送站点跑单，站长拖欠我6、7两个月的工资一共一万二")).transferTo())
          .isEqualTo("人社");
      assertThat(route(matter(null, "大学生暑期在烧烤店做服务员，干了四十天，老板一直拖着工资不给")).transferTo())
          .isEqualTo("人社");
      assertThat(route(matter(null, "来电人反映其在英才教育担任兼职老师，机构老板拖欠其三个月课时工资共计9000元")).transferTo())
          .as("set AR")
          .isEqualTo("人社");
      assertThat(route(matter(null, "我是力之源健身五缘湾店的私教，店关门了，老板拖欠我们三个月工资和课时提成")).transferTo())
          .as("a coach's own wages, set AQ")
          .isEqualTo("人社");
      assertThat(route(matter("公共交通", "乘坐公交车时司机急刹车导致其母亲摔倒受伤")).transferTo())
          .as("set AR")
          .isEqualTo("交通运输");
      assertThat(route(matter(null, "从鼓浪屿码头打网约车回酒店，司机故意绕路，平时30多的路程收了96")).transferTo())
          .as("set AP")
          .isEqualTo("交通运输");
      assertThat(route(matter(null, "跟团一日游，大巴司机故意绕路把我们拉到购物店，不买不让走")).transferTo())
          .as("a tour bus: no ride word")
          .isNull();
      assertThat(route(matter(null, "来电人反映在高崎机场乘坐出租车到曾厝垵，司机不打表，一口价要150元")).transferTo())
          .as("set AV: a taxi's meter")
          .isEqualTo("交通运输");
      assertThat(route(matter("交通出行", "乘坐的车辆一口价要求支付150元")).transferTo())
          .as("set AX: 12345's category")
          .isEqualTo("交通运输");
      assertThat(route(matter(null, "来电人自称是美容店的美容师，反映老板拖欠其去年12月和今年1月两个月工资")).transferTo())
          .as("set AV: the caller's own wages of last year and this")
          .isEqualTo("人社");
      assertThat(route(matter("消费投诉", "市民反映：某小区春节期间连续停水两天，物业公司未提前通知")).transferTo())
          .as("set AV: 12345's generic category, the text decides")
          .isEqualTo("住建");
      assertThat(route(matter("消费投诉", "在超市买的排骨复秤少了二两")).transferTo())
          .as("control: a market matter under it stays")
          .isNull();
      assertThat(route(matter("劳动工资", "店家拖欠两个月兼职工资4800元")).transferTo())
          .as("a wage category")
          .isEqualTo("人社");
      assertThat(route(matter("二手车", "市民反映：其与恒达二手车买卖合同纠纷一案已向湖里区人民法院起诉并立案，现要求市场监管部门责令商家先行退款。")))
          .as("before a court, whatever its category")
          .isEqualTo(Route.transfer("法院/仲裁机构", "jurisdiction:诉讼仲裁"));
      assertThat(route(matter(null, "来电人反映：其与尚品全屋定制因橱柜质量问题发生纠纷，已于5月向湖里区人民法院提起诉讼，目前案件尚在审理中。")))
          .as("set BA: when, between 已 and 向")
          .isEqualTo(Route.transfer("法院/仲裁机构", "jurisdiction:诉讼仲裁"));
      assertThat(route(matter("家用电器", "我和科龙空调专卖店因为空调漏水的纠纷已经起诉到同安区人民法院，法院已经立案了，6月下旬开庭。")))
          .as("set BG: 已经起诉到…法院")
          .isEqualTo(Route.transfer("法院/仲裁机构", "jurisdiction:诉讼仲裁"));
      assertThat(route(matter("劳动用工", "市民反映：其在湖里区金山街道某餐厅工作两个月，老板拖欠工资6500元未支付。")).transferTo())
          .as("set AY: 12345's labour category")
          .isEqualTo("人社");
      assertThat(route(matter(null, "市民反映：某小区物业服务企业擅自将地面停车费由每月150元上调至300元，未经业主大会同意。")))
          .isEqualTo(Route.transfer("住建", "jurisdiction:物业"));
    }

    @ParameterizedTest(name = "\"{1}\" ({0}) stays with market regulation")
    @CsvSource(
        delimiter = '|',
        value = {
          // What the consumer is owed, with the shop's wages in the same breath (a review's
          // probes).
          "|店家欠我的500元定金至今未退说等发了工资再退",
          "|商家一直拖欠我的退款说老板没发工资",
          "|理发店拖欠我预存的1000元不退说要先给员工发工资",
          "|健身房突然关门，店员说老板欠我们三个月工资了，我卡里还有五千元",
          "|健身房跑路了！教练说老板也拖欠我们工资，我卡里还有四千多",
          "|来电人反映某健身房闭店拖欠其会员卡余额3000元店员称老板连员工工资都发不出",
          "其他|来电人反映某美发店拖欠其储值卡余额未退该店称要先结清员工工资",
          "|装修公司拖欠我家的工程一直不完工说工人工资没结",
          // A court or arbitration threatened, or a step still to come.
          "餐饮服务|我已向商家多次索要退款无果准备向法院起诉",
          "预付卡|本人已向门店提出退卡要求对方不理如再不退将向法院提起诉讼",
          "价格|已向店长反映过价格问题店长说去法院起诉也没用",
          "质量|我已向厂家客服反映多次 如不解决将向法院起诉",
          "预付卡|我已向12315投诉过一次商家仍不退款下一步只能向法院起诉了",
          "预付卡|我已向健身房申请退费对方让我去找仲裁委员会申请仲裁",
          "综合|已向商家索赔未果下周打算向仲裁委员会申请仲裁",
          // A property company named where the shop is, or claimed by a seller.
          "|小区物业门口的水果摊卖的橙子缺斤短两",
          "|上门推销的人自称是小区物业合作单位，卖给我一台净水器，用了一周就漏水",
        })
    @DisplayName(
        "the consumer's own money, a threat to sue, a property company in passing (a review's probes)")
    void notTransferred(String category, String content) {
      assertThat(route(matter(category, content)).transferTo()).isNull();
    }

    @Test
    @DisplayName("a threat to sue is not a case before a court")
    void threat() {
      assertThat(route(matter("餐饮服务", "如不退款将向法院起诉。")).queue()).isEqualTo(SIMING);
    }

    @Test
    @DisplayName(
        "a category that names a department decides: 劳动争议 with an arbitration in the text is"
            + " labour arbitration, 人社's (set W)")
    void categoryDecides() {
      assertThat(route(matter("劳动争议", "经核实，该市民系学校员工，争议为工资结算问题，已申请仲裁，要求加快处理。")))
          .isEqualTo(Route.transfer("人社", "jurisdiction:劳动争议"));
    }

    @Test
    @DisplayName("keywords of two departments send the record to triage")
    void twoDepartments() {
      Route r = route(matter(null, "物业公司拖欠工资"));
      assertThat(r).isEqualTo(Route.triage("ambiguous:jurisdiction"));
    }
  }
}
