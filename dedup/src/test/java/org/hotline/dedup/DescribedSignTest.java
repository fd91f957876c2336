package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 12345's work orders describe the shop in the merchant field (a place, 一 or 某, a kind of shop) and
 * give its sign in the text: the sign is the key, as the shop's other filings spell it.
 */
@DisplayName("a described merchant's sign in the text")
class DescribedSignTest {
  private static final MerchantKeys KEYS = new MerchantKeys(TestCity.XIAMEN);

  @Test
  @DisplayName("the sign in brackets after the kind of shop, with or without 店名 and quotes")
  void bracketsAfterTheKind() {
    assertThat(
            KEYS.describedSign(
                "集美区杏林街道一美容店", "市民反映：集美区杏林街道一美容店（店名\"伊美人\"）于春节前停业，市民办理的预付卡余额约5600元无法退还。"))
        .isEqualTo("伊美人");
    assertThat(KEYS.describedSign("同安区一食品公司", "其在网络平台购买同安区西柯街道一食品公司（店铺名“鹭味坊”）销售的年货礼盒，商家逾期未发货。"))
        .isEqualTo("鹭味坊");
    assertThat(KEYS.describedSign("湖里区一汽车租赁公司", "其在湖里区一汽车租赁公司（悠行租车）租车，还车后被扣押金。")).isEqualTo("悠行租车");
  }

  @Test
  @DisplayName("the sign quoted before the kind of shop, or after 名为")
  void quoted() {
    assertThat(KEYS.describedSign("曾厝垵某海鲜排档", "10月2日晚在曾厝垵“阿海”海鲜排档用餐，商家称重的海鲜明显不足秤。"))
        .isEqualTo("阿海");
    assertThat(KEYS.describedSign("曾厝垵某连锁酒店", "其预订曾厝垵一家名为“悦海湾”的酒店国庆期间客房两间，到店被拒。")).isEqualTo("悦海湾");
  }

  @Test
  @DisplayName("no sign: a name that names the shop, brackets in the name, a remark, no sign given")
  void none() {
    assertThat(KEYS.describedSign("力美健身", "力美健身（五缘湾店）突然关门，会员卡余额无法退还。"))
        .as("the name names the shop")
        .isNull();
    assertThat(KEYS.describedSign("五缘湾一健身房（力美健身）", "五缘湾一健身房（力美健身）停业。"))
        .as("brackets in the name: nameCore reads them")
        .isNull();
    assertThat(KEYS.describedSign("曾厝垵一海鲜餐馆", "在曾厝垵一海鲜餐馆（店名不详，位于主街）消费，份量不足。")).isNull();
    assertThat(KEYS.describedSign("鼓浪屿那家民宿", "在鼓浪屿那家民宿（叫听海什么）住了一晚。")).isNull();
    assertThat(KEYS.describedSign("湖滨南路某手机店", "其在湖滨南路一手机店购买“全新”手机，后发现为翻新机。")).isNull();
    assertThat(KEYS.describedSign("湖里区江头北路一家手机店", "其在湖里区江头北路一家手机店（位于江头菜市场对面）购买的“全新”手机为翻新机。"))
        .as("where the shop is, not its sign (set BA)")
        .isNull();
    assertThat(KEYS.describedSign("集美区嘉庚路一家照相馆", "集美区嘉庚路一家照相馆（集美学村附近，主要拍摄毕业照）在宣传中承诺精修20张。"))
        .isNull();
  }

  @Test
  @DisplayName(
      "a place, then 一, describes after a place's end, 街道 or the city's places: the sign keys it")
  void placeThenOne() {
    assertThat(KEYS.nameCore("五缘湾一健身房（力美健身）")).isEqualTo("力美健身");
    assertThat(KEYS.nameCore("莲前街道一少儿编程培训机构（启航）")).isEqualTo("启航");
    assertThat(KEYS.nameCore("海湾一号（湖里店）")).as("control: a name with a branch").isNotEqualTo("湖里");
  }

  @Test
  @DisplayName("a description that ends with 的 before the kind of shop: the bracketed sign keys it")
  void toldByWhom() {
    assertThat(KEYS.nameCore("导游带去的玉器店（翠玉缘）")).isEqualTo("翠玉缘");
    assertThat(KEYS.nameCore("鹭江道代售船票的旅行社（鹭游）")).isEqualTo("鹭游");
    assertThat(KEYS.nameCore("阿珍的衣橱（前埔店）")).as("a branch in brackets").isEqualTo("阿珍的衣橱");
  }

  @Test
  @DisplayName("a sign of two characters is spelled with the kind of shop, to find its storm by")
  void twoCharacterSign() {
    assertThat(KEYS.describedSpelling("鼓浪屿那家红砖民宿（海韵）", "订的海韵民宿被取消了。")).isEqualTo("海韵红砖民宿");
    assertThat(KEYS.describedSpelling("曾厝垵那家海鲜大排档", "今晚在曾厝垵里面一家海鲜大排档（招牌好像叫阿海）被宰了！"))
        .isEqualTo("阿海海鲜大排档");
    assertThat(KEYS.describedSpelling("鹭江道代售船票的旅行社（鹭游）", null)).isEqualTo("鹭游旅行社");
    assertThat(KEYS.nameCore("鼓浪屿那家红砖民宿（海韵）")).as("the key stays the sign").isEqualTo("海韵");
    assertThat(KEYS.describedSpelling("五缘湾一健身房（力美健身）", null)).as("a longer sign").isNull();
    assertThat(KEYS.describedSpelling("阿海海鲜", "阿海海鲜缺斤少两。")).as("a name, no description").isNull();
    assertThat(KEYS.describedSpelling("鼓浪屿那家民宿", "在鼓浪屿那家民宿（叫听海什么）住了一晚。")).isNull();
  }

  @Test
  @DisplayName("the work order and the consumer's own filing of one shop share a key")
  void oneKey() {
    Fingerprinter fingerprinter = new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
    DedupRecord web =
        TestRecords.complaint()
            .merchant("伊美人")
            .content("杏林的伊美人春节前关门了，卡里还剩5600元。")
            .at(Instant.parse("2026-02-10T02:00:00Z"))
            .build();
    DedupRecord order =
        TestRecords.complaint()
            .merchant("集美区杏林街道一美容店")
            .content("市民反映：集美区杏林街道一美容店（店名\"伊美人\"）于春节前停业，预付卡余额约5600元无法退还。")
            .at(Instant.parse("2026-02-11T02:00:00Z"))
            .build();
    assertThat(fingerprinter.fingerprint(order).blockingKey())
        .isEqualTo(fingerprinter.fingerprint(web).blockingKey());
  }

  @Test
  @DisplayName("a text's description of the shop, for a merchant no field names: place, 一家/某, kind")
  void describedInText() {
    assertThat(MerchantKeys.describedInText("市民反映：湖里区五缘湾乐都汇商场三楼一家健身房于6月7日起突然停业，年卡无法退款。"))
        .isEqualTo("湖里区五缘湾乐都汇商场三楼一家健身房");
    assertThat(MerchantKeys.describedInText("市民反映：其在海沧区东孚街道一家建材市场内经营瓷砖的门店购买木纹砖。"))
        .as("a market, not its 市")
        .isEqualTo("海沧区东孚街道一家建材市场");
    assertThat(MerchantKeys.describedInText("由同安区环城南路一家家电安装店上门安装，收费偏高。"))
        .isEqualTo("同安区环城南路一家家电安装店");
    assertThat(MerchantKeys.describedInText("我们一家三口在曾厝垵一家民宿住了两晚，房间与图片不符。"))
        .as("a family, then the shop")
        .isEqualTo("曾厝垵一家民宿");
    assertThat(MerchantKeys.describedInText("其居住的集美区侨英街道某小区楼上住户装修，噪音扰民。"))
        .as("where the caller lives")
        .isNull();
    assertThat(MerchantKeys.describedInText("在一家健身房办了卡，现在关门了。")).as("no place").isNull();
    assertThat(MerchantKeys.describedInText(null)).isNull();
  }
}
