package org.hotline.dedup.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text")
class TextTest {
  @Test
  @DisplayName("maps full-width ASCII variants and the ideographic space to ASCII")
  void halfWidth() {
    assertThat(Text.toHalfWidth("１２３ＡＢＣａｂｃ！～＋－（）\u3000")).isEqualTo("123ABCabc!~+-() ");
  }

  @Test
  @DisplayName("converts the full-width comma but keeps CJK punctuation and other characters")
  void keepsOthers() {
    assertThat(Text.toHalfWidth("厦门，思明区、曾厝垵。「😀」")).isEqualTo("厦门,思明区、曾厝垵。「😀」");
    assertThat(Text.toHalfWidth(null)).isNull();
  }

  @Test
  @DisplayName("NFC composes decomposed characters and is idempotent")
  void nfc() {
    assertThat(Text.nfc("Cafe\u0301")).isEqualTo("Café");
    assertThat(Text.nfc("Café")).isEqualTo("Café");
    assertThat(Text.nfc(null)).isNull();
  }
}
