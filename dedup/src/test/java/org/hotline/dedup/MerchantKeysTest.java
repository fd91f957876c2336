package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotline.dedup.text.CreditCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("MerchantKeys")
class MerchantKeysTest {
  private static final String CODE = "91350203" + "MA2XN7Q4";
  private static final MerchantKeys KEYS = new MerchantKeys(TestCity.XIAMEN);

  private static String validCode() {
    String first17 = CODE + "5";
    return first17 + CreditCodes.checkCharacter(first17);
  }

  @Nested
  @DisplayName("a shop's name")
  class Names {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "鹭江海鲜大排档",
          "厦门鹭江海鲜大排档有限公司",
          "鹭江海鲜大排档(中山路店)",
          "鹭江海鲜大排档（中山路店）",
          "鹭江海鲜大排档【中山路店】",
          "厦门市思明区鹭江海鲜大排档",
          "思明鹭江海鲜大排档",
          "福建省厦门市鹭江海鲜大排档店",
          "鹭江 海鲜大排档",
          "鹭江海鲜大排档中山路店",
          "鹭江海鲜大排档曾厝垵分店",
          "厦门鹭江海鲜大排档有限公司中山路分公司",
          "鹭江海鲜大排档中山路分公司",
          "鹭江海鲜大排档（ＳＭ店）",
          "  鹭江海鲜大排档·有限公司 "
        })
    @DisplayName("has one key whatever prefix, suffix, branch or spacing it is written with")
    void variants(String name) {
      assertThat(KEYS.key(name, null, null, null)).isEqualTo("n:鹭江海鲜大排档");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "型动健身有限责任公司, n:型动健身",
      "鹭岛股份有限公司, n:鹭岛",
      "阿美官方旗舰店, n:阿美",
      "阿美专卖店, n:阿美",
      "鑫源商行, n:鑫源",
      "海韵餐厅, n:海韵",
      "湖里区五缘通讯, n:五缘通讯",
      "集美区乐学教育, n:乐学教育",
      "海沧海天超市, n:海天超市",
      "同安区顺达汽修厂, n:顺达汽修厂",
      "翔安如意民宿, n:如意民宿",
      "厦门鹭鲜生供应链管理有限公司, n:鹭鲜生",
      "鹭鲜生团购, n:鹭鲜生",
      // a registered name's 发展 (set V: 厦门力动体育发展有限公司 beside the storm's 力动健身)
      "厦门力动体育发展有限公司, n:力动体育",
      // the register's words for a trade no sign spells out (set AA: 浪花里游泳馆's storm)
      "厦门浪花里体育文化有限公司, n:浪花里",
      "厦门时光印记文化传媒有限公司, n:时光印记",
      // not a trade a sign names too (金海湾茶业 and 金海湾车业 are two trades)
      "厦门闽茶坊茶业有限公司, n:闽茶坊茶业",
      "金海湾车业, n:金海湾车业"
    })
    @DisplayName("loses legal and shop suffixes and district prefixes, with or without 区")
    void suffixesAndDistricts(String name, String key) {
      assertThat(KEYS.key(name, null, null, null)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
      "厦门力健健身管理有限公司, 力健健身（万达店）",
      "厦门鹭岛生活家居用品有限公司, 鹭岛生活家居旗舰店",
      "小海豚早教中心, 小海豚早教",
      "悦颜美容会所, 悦颜美容",
      "众诚通讯营业厅, 众诚通讯",
      "梵音瑜伽馆, 梵音瑜伽",
      "鹭岛珍珠行, 鹭岛珍珠",
      "厦门蓝海游艇俱乐部有限公司, 五缘湾蓝海游艇",
      "曾厝垵阿海海鲜, 阿海海鲜",
      "鼓浪屿茗香茶, 茗香茶"
    })
    @DisplayName(
        "has one key as a registered name and as a shop sign (what the register adds, the"
            + " kind of place, a scenic area in front)")
    void registeredNameAndShopSign(String registered, String sign) {
      assertThat(KEYS.key(registered, null, null, null))
          .isEqualTo(KEYS.key(sign, null, null, null));
    }

    @Test
    @DisplayName("is the same written in traditional characters (a visitor from Taiwan)")
    void traditional() {
      assertThat(KEYS.key("悅海精品酒店", null, null, null))
          .isEqualTo(KEYS.key("悦海精品酒店", null, null, null));
      assertThat(KEYS.key("廈門市品茗軒茶行", null, null, null))
          .isEqualTo(KEYS.key("厦门市品茗轩茶行", null, null, null));
    }

    @DisplayName(
        "is the name in brackets after a description of the shop: the call centre's 一家X（店名）")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "中山路一茶叶店（茶香居）, 茶香居",
      "曾厝垵一家客栈（海边小院）, 海边小院",
      "集美学村附近超市（佳佳福）, 佳佳福",
      "中华城那家密室（谜境）, 谜境",
      "拼多多某年货店（闽南年货铺）, 闽南年货铺",
      "曾厝垵一家海鲜排档（来电人称叫渔家傲）, 渔家傲",
      // a remark's naming words (set BN)
      "同安那家英语培训（在环城南路，孩子们都叫它启智）, 启智",
      "海沧那家土菜馆（新阳工业区旁边，招牌写着“阿德”）, 阿德",
      "江头一家健身房（好像叫力美）, 力美",
      // a place and a kind of stall (set Y: two tea stalls of one township were one key)
      "五显镇茶摊（王记）, 王记",
      "五显镇茶摊（林家茶园）, 林家茶园"
    })
    void describedShop(String written, String core) {
      assertThat(KEYS.key(written, null, null, null)).isEqualTo("n:" + core);
      assertThat(KEYS.key(written, null, null, null)).isEqualTo(KEYS.key(core, null, null, null));
    }

    @DisplayName(
        "keeps the name outside the brackets when it names the shop, or the brackets hold a"
            + " branch, a place or no name")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "鹭江海鲜大排档（中山路店）, 鹭江海鲜大排档",
      "抖音直播间小林严选（林家燕）, 抖音直播间小林严选",
      "八市一家海鲜摊（名称不详）, 八市一家海鲜摊",
      // The place stays before 一家 (since 2026-12-07): the core is a description (RecentFilings).
      "中山路一家奶茶店（中山路店）, 中山路一家奶茶",
      "马巷农贸市场猪肉摊（黄姓摊主）, 马巷农贸市场猪肉摊",
      "一家人火锅（二店）, 一家人火锅",
      "一家亲奶茶（湖里万达店）, 一家亲奶茶",
      "某餐厅（已倒闭）, 某餐厅",
      "集美学村附近超市（已搬走）, 学村附近超市",
      "某店（中山路88号）, 某店",
      // half a name is no name (set BN): the description stays
      "江头一家健身房（好像叫力XX）, 江头一家健身房"
    })
    void namedShop(String written, String core) {
      assertThat(KEYS.key(written, null, null, null)).isEqualTo("n:" + core);
    }

    @Test
    @DisplayName("keeps a two-character township in front, which opens brands too (鹭江)")
    void townshipInFront() {
      assertThat(KEYS.key("鹭江海鲜大排档", null, null, null))
          .isNotEqualTo(KEYS.key("海鲜大排档", null, null, null));
    }

    @Test
    @DisplayName("drops the register's trade words (餐饮, 小吃, 食品, 文化发展) a sign does not write")
    void registerTradeWords() {
      assertThat(KEYS.key("厦门市思明区渔家傲餐饮店", null, null, null)).isEqualTo("n:渔家傲");
      assertThat(KEYS.key("厦门蜀渝记餐饮管理有限公司", null, null, null)).isEqualTo("n:蜀渝记");
      assertThat(KEYS.key("厦门市思明区阿忠记食品商行", null, null, null)).isEqualTo("n:阿忠记");
      // Three characters must be left: two are often a place or a word unrelated trades share.
      assertThat(KEYS.key("台湾小吃店", null, null, null))
          .isNotEqualTo(KEYS.key("台湾食品商行", null, null, null));
      assertThat(KEYS.key("厦门海峡文化发展有限公司", null, null, null))
          .isNotEqualTo(KEYS.key("海峡食品", null, null, null));
      assertThat(KEYS.key("小吃店", null, null, null)).isEqualTo("n:小吃");
    }

    @Test
    @DisplayName("keeps 店 when it is part of the word (酒店, 饭店)")
    void hotel() {
      assertThat(KEYS.key("鹭岛酒店", null, null, null)).isEqualTo("n:鹭岛酒店");
      assertThat(KEYS.key("厦门鹭岛酒店有限公司", null, null, null)).isEqualTo("n:鹭岛酒店");
    }

    @Test
    @DisplayName("ignores width and case of Latin letters")
    void widthAndCase() {
      assertThat(KEYS.key("ＫＦＣ（厦门SM店）", null, null, null)).isEqualTo("n:kfc");
      assertThat(KEYS.key("kfc", null, null, null)).isEqualTo("n:kfc");
    }

    @Test
    @DisplayName("keeps different shops apart")
    void differentShops() {
      assertThat(KEYS.key("鹭江海鲜大排档", null, null, null))
          .isNotEqualTo(KEYS.key("鹭港海鲜大排档", null, null, null));
    }

    @Test
    @DisplayName("keeps a name written only in brackets")
    void onlyBrackets() {
      assertThat(KEYS.key("（鹭江海鲜）", null, null, null)).isEqualTo("n:鹭江海鲜");
    }
  }

  @Nested
  @DisplayName("the key")
  class Key {
    @Test
    @DisplayName("is the credit code when a valid one is given, whatever the name")
    void creditCodeWins() {
      String code = validCode();
      assertThat(KEYS.key("鹭江海鲜大排档", code, "中山路1号", null)).isEqualTo("cc:" + code);
      assertThat(KEYS.key("厦门鹭味餐饮管理有限公司", " " + code.toLowerCase() + " ", null, null))
          .isEqualTo("cc:" + code);
    }

    @Test
    @DisplayName("falls back to the name when the credit code is invalid")
    void invalidCode() {
      assertThat(KEYS.key("鹭江海鲜大排档", "91350203MA2XN7Q450", null, null)).isEqualTo("n:鹭江海鲜大排档");
    }

    @Test
    @DisplayName("falls back to the platform, then to the address")
    void fallbacks() {
      assertThat(KEYS.key(null, null, "厦门市思明区中山路123号", "淘宝")).isEqualTo("pf:淘宝");
      assertThat(KEYS.key(" ", null, "厦门市思明区中山路123号", null)).isEqualTo("a:中山路123号");
    }

    @Test
    @DisplayName("is null when nothing usable is given")
    void nothing() {
      assertThat(KEYS.key(null, null, null, null)).isNull();
      assertThat(KEYS.key("（）", "bad", " ", "·")).isNull();
    }
  }

  @Nested
  @DisplayName("the merchant's district")
  class District {
    @ParameterizedTest(name = "{0} | {1} is in {2}")
    @CsvSource(
        delimiter = '|',
        nullValues = "-",
        value = {
          "金力健身工作室 | 同安区环城西路218号二楼 | 350212",
          "阿嬷手作卤味 | 集美侨英叶厝路 | 350211",
          "海湾海鲜城 | 福建省厦门市思明区中山路205号 | 350203",
          "- | 厦门湖里区金湖路 | 350206",
          "阿嬷手作卤味（集美店） | - | 350211",
          "同安阿嬷卤味店 | - | 350212",
          "厦门市翔安区鹭味坊 | 金湖路128号 | 350213",
          "海味轩 | 厦门曾厝垵 | 350203",
          "海味轩（曾厝垵店） | - | 350203",
          "鲸力健身（五缘湾店） | 五缘湾片区金湖路 | 350206",
          "同安封肉（湖里店） | - | 350206",
          "阿嬷卤味［集美店］ | - | 350211",
          "- | 厦门北站旁边 | 350211",
          "- | 厦门市厦门大学翔安校区 | 350213",
          // a township places a shop by its address (set BG: 鼓浪屿龙头路; BF: a caller's 马巷)
          "阿海 | 鼓浪屿龙头路 | 350203",
          "车知道汽修 | 马巷 | 350213",
          "- | 新店街道祥吴路 | 350213",
          "力美健身（莲前店） | - | 350203"
        })
    void written(String name, String address, int code) {
      assertThat(KEYS.district(name, address)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} | {1} says none")
    @CsvSource(
        delimiter = '|',
        nullValues = "-",
        value = {
          "鲸力健身 | 金湖路128号3楼",
          "力美健身 | 某商场三楼",
          "- | -",
          "阿坤沙茶面 | 江头那边",
          "- | 思明园纵四路",
          "- | 海沧大桥下",
          "Hulian Tech | -",
          // a tourist's district, then a place of another (set AZ: 曾厝垵 is 思明's, 五缘湾 湖里's)
          "阿海海鲜大排挡 | 厦门湖里区曾厝垵",
          "- | 思明区五缘湾",
          // not by its name: a brand named after a township is sold all over town
          "鼓浪屿馅饼店 | -",
          // nor by a township's bare name that is a road's or a word elsewhere
          "- | 江头北路",
          "- | 新店镇"
        })
    void unwritten(String name, String address) {
      assertThat(KEYS.district(name, address)).isEqualTo(MerchantKeys.UNKNOWN_DISTRICT);
    }

    @Test
    @DisplayName("a township opens a name as a place, before the shop's own name (鼓浪屿阿海海鲜)")
    void townshipOpening() {
      assertThat(KEYS.placeOpening("鼓浪屿阿海海鲜")).isEqualTo(3);
      assertThat(KEYS.placeOpening("马巷车之道汽修")).isEqualTo(2);
      assertThat(new MerchantKeys(TestCity.withoutTownships()).placeOpening("马巷车之道汽修"))
          .as("without the townships")
          .isZero();
    }

    @Test
    @DisplayName("is the address's when the address and the name disagree")
    void addressFirst() {
      assertThat(KEYS.district("同安阿嬷卤味店", "集美区杏林湾路")).isEqualTo(350211);
    }

    @Test
    @DisplayName("is never known in a city whose profile lists no districts")
    void noDistricts() {
      assertThat(new MerchantKeys(CityProfile.none()).district("同安阿嬷卤味店", "同安区环城西路"))
          .isEqualTo(MerchantKeys.UNKNOWN_DISTRICT);
    }
  }

  @Nested
  @DisplayName("the city's place names")
  class City {
    private final MerchantKeys quanzhou =
        new MerchantKeys(new CityProfile("0595", List.of("泉州", "泉州市", "鲤城区", "鲤城"), List.of("西街")));

    @Test
    @DisplayName("come from the city's profile: another city strips its own, not Xiamen's")
    void anotherCity() {
      assertThat(quanzhou.key("泉州市鲤城区源和堂西街店", null, null, null)).isEqualTo("n:源和堂");
      assertThat(quanzhou.key("厦门市思明区源和堂", null, null, null)).isEqualTo("n:厦门市思明区源和堂");
      assertThat(KEYS.key("泉州市鲤城区源和堂", null, null, null)).isEqualTo("n:泉州市鲤城区源和堂");
    }

    @Test
    @DisplayName("are tried longest first however the file orders them")
    void longestFirst() {
      assertThat(quanzhou.key("泉州市源和堂", null, null, null)).isEqualTo("n:源和堂");
    }

    @Test
    @DisplayName("a profile without any strips nothing but legal suffixes")
    void none() {
      MerchantKeys none = new MerchantKeys(CityProfile.none());
      assertThat(none.key("厦门鹭江海鲜大排档有限公司", null, null, null)).isEqualTo("n:厦门鹭江海鲜大排档");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"592", "0592-", "05921", "00592", "0x92"})
    @DisplayName("a bad area code is refused when the profile is made")
    void badAreaCode(String areaCode) {
      assertThatThrownBy(() -> new CityProfile(areaCode, List.of(), List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("area code");
    }
  }

  @Nested
  @DisplayName("the sign beside a registered name")
  class Signs {
    @ParameterizedTest(name = "[{0}] [{1}] -> {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "厦门梵音健康管理有限公司 | 市民反映：厦门梵音健康管理有限公司（梵音瑜伽）于近日停业，卡内余额无法退还。 | 梵音瑜伽",
          "厦门启智教育咨询有限公司 | 厦门启智教育咨询有限公司(启智童学馆)停课。 | 启智童学",
          "厦门海味轩餐饮管理有限公司（海味轩海鲜大排档） | 菜价按斤算。 | 海味轩海鲜大排档",
          "厦门星光娱乐有限公司 | 在厦门星光娱乐有限公司（来电人称叫星光KTV）消费。 | 星光ktv",
          // set AY: the shop just before the registered name in brackets, quoted or not, or quoted
          // in a text that does not name the company
          "厦门暖途科技有限公司 | 京东“暖途电器专营店”（厦门暖途科技有限公司）买的暖风机。 | 暖途电器",
          "厦门鹭优电子商务有限公司 | 我在淘宝店铺鹭岛优选家电旗舰店（经营主体：厦门鹭优电子商务有限公司）下单。 | 鹭岛优选家电",
          "厦门鹭优电子商务有限公司 | 市民反映：其于双十二期间在淘宝“鹭岛优选家电旗舰店”购买家电共计3200元。 | 鹭岛优选家电",
          // set BS: quoted before the word for an online shop; a live-stream room named before 直播间
          "厦门珍衣服饰有限公司 | 其在淘宝平台“阿珍的衣橱”店铺（经营者厦门珍衣服饰有限公司）直播间购买外套两件。 | 阿珍的衣橱",
          "厦门鹭优电子商务有限公司 | 在抖音鹭岛优选美妆直播间买了小棕瓶，查了店铺资质是厦门鹭优电子商务有限公司。 | 鹭岛优选美妆",
          // set BQ: a homestay quoted by its sign
          "厦门海韵旅居酒店管理有限公司 | 其通过美团预订鼓浪屿泉州路88号“海韵民宿”10月2日入住的房间。 | 海韵民宿",
        })
    @DisplayName(
        "is the core of what stands in brackets after it, in the name or in the text, or of the shop"
            + " the text names before it or quotes")
    void found(String name, String text, String sign) {
      assertThat(KEYS.signCore(name, text)).isEqualTo(sign);
    }

    @ParameterizedTest(name = "[{0}] [{1}]")
    @CsvSource(
        delimiter = '|',
        value = {
          // a branch, a place, an address, a remark, the registered name's own core, too short
          "厦门启点教育咨询有限公司（莲前校区） | 退费难。",
          "厦门车之美汽车服务有限公司（海沧新阳店） | 保养多收费。",
          "厦门力美健身管理有限公司 | 厦门力美健身管理有限公司（湖里区嘉禾路）停业。",
          "厦门醇酿酒业商贸有限公司 | 厦门醇酿酒业商贸有限公司（集美区）卖假酒。",
          "厦门鹭途国际旅行社有限公司 | 厦门鹭途国际旅行社有限公司（已倒闭）未退团费。",
          "厦门鹭途国际旅行社有限公司 | 厦门鹭途国际旅行社有限公司（鹭途国际旅行社）未退团费。",
          "厦门喜悦文化传播有限公司 | 厦门喜悦文化传播有限公司（喜悦）收了定金。",
          // not a registered name; a text that does not name it
          "梵音瑜伽 | 梵音瑜伽（莲前）停业。",
          "厦门梵音健康管理有限公司 | 梵音瑜伽（莲前店）停业。",
          // a claim quoted, not a shop
          "厦门鹭优电子商务有限公司 | 商家称“全新正品”，实为翻新机。",
          // a live-stream room that names no shop
          "厦门鹭优电子商务有限公司 | 4月27日于网络直播间购买厦门鹭优电子商务有限公司销售的精华液。",
          "厦门鹭优电子商务有限公司 | 在抖音某直播间购买厦门鹭优电子商务有限公司的口红。",
        })
    @DisplayName("is none for a branch, a place, a remark, the same name, or no registered name")
    void none(String name, String text) {
      assertThat(KEYS.signCore(name, text)).isNull();
    }
  }
}
