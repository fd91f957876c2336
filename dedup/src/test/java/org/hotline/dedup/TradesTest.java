package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Trades: a name core as a brand and a trade word")
class TradesTest {
  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource({
    "启航英语, 启航, 英语",
    "启航英语培训学校, 启航, 英语",
    "启航教育培训学校, 启航, 教育",
    "阿强海鲜大排档, 阿强, 海鲜",
    "阿强大排档, 阿强, 大排档",
    "颜如玉美容院, 颜如玉, 美容",
    "力美健身房, 力美, 健身",
  })
  void read(String core, String brand, String trade) {
    assertThat(Trades.brandAndTrade(core)).startsWith(brand, trade);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // a name that says more than a brand and a trade
    "阿海海鲜超市",
    "鹭岛海鲜批发市场",
    // no trade word after the first two characters
    "海英语",
    "听海小院",
    "英语角",
  })
  void notRead(String core) {
    assertThat(Trades.brandAndTrade(core)).isNull();
  }

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
    "启航英语, 启航教育, true",
    "启航英语培训, 启航教育培训学校, true",
    "海韵私房菜, 海韵酒楼, true",
    "暖冬羽绒, 暖冬服饰, true",
    "力美健身, 力美体育, true",
    "鹭鹭严选, 鹭鹭电子商务, true",
    // ticketing, used cars and weddings (sets AT and AQ, 2026-12-07)
    "鹭游票务, 鹭游旅行社, true",
    "车友汇二手车, 车友汇汽车, true",
    "喜悦婚庆, 喜悦婚礼, true",
    "喜悦婚纱, 喜悦婚庆, true",
    "车友汇二手车, 车友汇租车, false",
    "喜悦婚纱, 喜悦旅行社, false",
    // two specific words of one trade: two shops
    "金鹭英语培训, 金鹭美术培训, false",
    "阳光健身, 阳光游泳, false",
    "阿海海鲜, 阿海烧烤, false",
    // a generic word first does not hide the specific one after it (the review's cases)
    "星光少儿英语, 星光少儿美术, false",
    "阳光运动健身, 阳光运动游泳, false",
    "星光少儿英语, 星光英语, true",
    // two trades, or two brands
    "鹭岛海鲜, 鹭岛宠物, false",
    "启航英语, 启明英语, false",
    "暖冬羽绒, 暖冬家居, false",
  })
  void sameBrandAndTrade(String a, String b, boolean same) {
    assertThat(Trades.sameBrandAndTrade(a, b)).isEqualTo(same);
    assertThat(Trades.sameBrandAndTrade(b, a)).isEqualTo(same);
  }
}
