package org.hotline.intake.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the routing fold")
class NormaliserTest {
  @Test
  @DisplayName(
      "folds NFC, full-width, traditional characters and ASCII case, and drops every kind of space")
  void folds() {
    assertThat(Normaliser.fold("廈門市 思明區\u3000中山路１２号ＡＢＣ\tShop")).isEqualTo("厦门市思明区中山路12号abcshop");
    // a decomposed accent composes (NFC) before the fold
    assertThat(Normaliser.fold("Cafe\u0301 湖裡區")).isEqualTo("caf\u00e9湖里区");
    assertThat(Normaliser.fold("\u3000 \u00a0")).isEmpty();
    assertThat(Normaliser.fold(null)).isEmpty();
  }
}
