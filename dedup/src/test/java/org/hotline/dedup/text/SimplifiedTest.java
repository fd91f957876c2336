package org.hotline.dedup.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simplified: traditional characters as simplified, to compare text")
class SimplifiedTest {
  @Test
  @DisplayName("folds a Taiwanese visitor's writing to the simplified writing of the same words")
  void folds() {
    assertThat(Simplified.of("聽海軒民宿")).isEqualTo("听海轩民宿");
    assertThat(Simplified.of("廈門市思明區中山路")).isEqualTo("厦门市思明区中山路");
    assertThat(Simplified.of("我們訂的房間價格漲了三倍")).isEqualTo("我们订的房间价格涨了三倍");
  }

  @Test
  @DisplayName("keeps what simplified writing uses: 著 of 著名, 俱 of 俱乐部, 垵 of 曾厝垵")
  void keeps() {
    String simplified = "曾厝垵的海鲜大排档著名，乾隆年间的俱乐部在后面";
    assertThat(Simplified.of(simplified)).isSameAs(simplified);
    assertThat(Simplified.of((String) null)).isNull();
  }

  @Test
  @DisplayName("folds the traditional characters a legacy encoding also holds: 後, 於, 麽")
  void legacy() {
    assertThat(Simplified.of("售後不給修，位於中山路，這麽貴")).isEqualTo("售后不给修，位于中山路，这么贵");
  }
}
