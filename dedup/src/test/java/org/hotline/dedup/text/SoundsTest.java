package org.hotline.dedup.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoundsTest {
  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
    "派, 湃, true", // the same reading, another tone or none
    "鹭, 路, true",
    "榕, 荣, true",
    "悦, 越, true",
    "星, 心, true", // in and ing, merged for southern speakers
    "增, 真, true", // zh and z, en and eng
    "长, 常, true", // 长 also reads zhang: any reading counts
    "南, 蓝, false", // n and l are kept apart: 南海 and 蓝海 are two shops
    "景, 悦, false",
    "超, 海, false",
    "a, A, true",
    "a, b, false",
    "3, 三, false",
  })
  void alike(char a, char b, boolean alike) {
    assertThat(Sounds.alike(a, b)).isEqualTo(alike);
    assertThat(Sounds.alike(b, a)).isEqualTo(alike);
  }

  @ParameterizedTest(name = "{0} and {1}")
  @CsvSource({"鹭, 路", "露, 路", "派, 湃", "挡, 档", "D, d"})
  void oneKeyForCharactersThatSoundAlike(char a, char b) {
    assertThat(Sounds.key(a)).isEqualTo(Sounds.key(b));
  }

  @ParameterizedTest(name = "{0} and {1}")
  @CsvSource({"南, 蓝", "海, 鲜", "a, b"})
  void keysOfOtherSounds(char a, char b) {
    assertThat(Sounds.key(a)).isNotEqualTo(Sounds.key(b));
  }

  @Test
  @DisplayName(
      "every unified ideograph has pinyin4j's readings, and two keys are equal exactly when the"
          + " first readings are")
  void theWholeTableAsPinyinHelperReadsIt() {
    Map<Character, String> readingOfKey = new HashMap<>();
    int withReadings = 0;
    for (char c = '\u4e00'; c <= '\u9fff'; c++) {
      String[] expected = Sounds.fuzzy(PinyinHelper.toHanyuPinyinStringArray(c));
      assertThat(Sounds.readingsOf(c)).as("U+%04X", (int) c).containsExactly(expected);
      if (expected.length > 0) {
        withReadings++;
        String before = readingOfKey.putIfAbsent(Sounds.key(c), expected[0]);
        assertThat(before).as("U+%04X", (int) c).isIn(null, expected[0]);
      } else {
        assertThat(Sounds.key(c)).isEqualTo(c);
      }
    }
    assertThat(withReadings).isGreaterThan(20_000);
    assertThat(new HashSet<>(readingOfKey.values())).hasSameSizeAs(readingOfKey.keySet());
    assertThat(Sounds.readingsOf('A')).isEmpty();
  }
}
