package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A bilingual sign's English or pinyin before its Chinese name: the Chinese name is the key. */
@DisplayName("a Latin opening before a Chinese name")
class LatinOpeningTest {
  private static final MerchantKeys KEYS = new MerchantKeys(TestCity.XIAMEN);

  @Test
  @DisplayName("is left out of the name's core")
  void leftOut() {
    assertThat(KEYS.nameCore("JINFUYUAN 金福源")).isEqualTo(KEYS.nameCore("金福源"));
    assertThat(KEYS.nameCore("A-Hai Seafood 阿海记")).isEqualTo(KEYS.nameCore("阿海记"));
    assertThat(KEYS.nameCore("XinHui Mobile 鑫辉手机")).isEqualTo(KEYS.nameCore("鑫辉手机"));
    assertThat(KEYS.nameCore("LIMEI力美健身工作室")).isEqualTo(KEYS.nameCore("力美健身工作室"));
  }

  @Test
  @DisplayName("stays when it is short, at the end, or before a place only")
  void stays() {
    assertThat(KEYS.nameCore("iFix手机快修")).isEqualTo("ifix手机快修");
    assertThat(KEYS.nameCore("星光KTV")).isEqualTo("星光ktv");
    assertThat(KEYS.nameCore("Yuehaiwan Hotel 曾厝垵")).startsWith("yuehaiwan");
  }
}
