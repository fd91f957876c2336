package org.hotline.intake.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a memo")
class MemoTest {
  @Test
  @DisplayName("computes an answer once per key, and starts again when full")
  void oncePerKeyBounded() {
    AtomicInteger computed = new AtomicInteger();
    Memo<Integer, String> memo = new Memo<>(3);
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 3; k++) {
        assertThat(memo.get(k, key -> "v" + key + "/" + computed.incrementAndGet()))
            .isEqualTo("v" + k + "/" + (k + 1));
      }
    }
    assertThat(computed).hasValue(3);
    assertThat(memo.get(3, key -> "v3/" + computed.incrementAndGet())).isEqualTo("v3/4");
    assertThat(memo.size()).isEqualTo(1);
    assertThat(memo.get(0, key -> "again")).isEqualTo("again");
  }

  @Test
  @DisplayName("needs room for one answer")
  void atLeastOne() {
    assertThatThrownBy(() -> new Memo<Integer, Integer>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
