package org.hotline.dedup.text;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * How a Chinese character sounds, for names written by ear: a caller's shop name typed by a
 * call-centre agent, or a complainant's pinyin input method picking the wrong character ({@code
 * 动力湃} for {@code 动力派}, {@code 路风} for {@code 鹭风}, {@code 启明心} for {@code 启明星}).
 *
 * <p>A character's sound is its Mandarin reading without tone, with the confusions that input
 * methods offer as "fuzzy pinyin" for southern speakers merged: {@code zh/z}, {@code ch/c}, {@code
 * sh/s}, {@code in/ing} and {@code en/eng} ({@code n/l} is left out: {@code 南海} and {@code 蓝海} are
 * two shops). A character with several readings (多音字) sounds like another when any reading does.
 * Only the unified ideographs (U+4E00 to U+9FFF) have readings here; other characters, letters
 * (compared case-blind) and the rare ideographs outside that block among them, sound only like
 * themselves. Readings come from pinyin4j's table and are cached per character; thread-safe.
 */
public final class Sounds {
  private static final char FIRST = '\u4e00';
  private static final char LAST = '\u9fff';

  /** Fuzzy readings by character, filled on first use (a race only computes one twice). */
  private static final AtomicReferenceArray<String[]> READINGS =
      new AtomicReferenceArray<>(LAST - FIRST + 1);

  private static final String[] NONE = new String[0];

  private static final char PRIVATE_USE = '\ue000';

  /** A number per fuzzy syllable met so far, for {@link #key}. */
  private static final ConcurrentHashMap<String, Character> SYLLABLES = new ConcurrentHashMap<>();

  private static final AtomicInteger NUMBERED = new AtomicInteger();

  private Sounds() {}

  /**
   * Loads the reading table now (about a fifth of a second, read from pinyin4j's jar), so that the
   * first name compared does not pay for it on an event loop.
   */
  public static void warm() {
    readings('\u4e00');
  }

  /** Whether {@code a} and {@code b} are one character or may be heard as one. */
  public static boolean alike(char a, char b) {
    if (a == b || Character.toLowerCase(a) == Character.toLowerCase(b)) {
      return true;
    }
    String[] ra = readings(a);
    String[] rb = readings(b);
    for (String x : ra) {
      for (String y : rb) {
        if (x.equals(y)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * One sound for {@code c} as a character, equal for characters whose first fuzzy readings in
   * pinyin4j's table are equal: for a Chinese character a number given to that reading, in the
   * private-use area (U+E000 onwards; Mandarin has about 420 toneless syllables), else the
   * character itself in lower case. Distinct readings never share a key. The table lists the common
   * reading first for most characters ({@code 露} lu before lou, {@code 派} pai before pa), not for
   * all: {@code 长} is zhang first, so {@code 长} and {@code 常} differ here though {@link #alike}
   * holds.
   */
  public static char key(char c) {
    String[] r = readings(c);
    return r.length == 0 ? Character.toLowerCase(c) : SYLLABLES.computeIfAbsent(r[0], Sounds::next);
  }

  private static Character next(String syllable) {
    return (char) (PRIVATE_USE + NUMBERED.getAndIncrement());
  }

  private static String[] readings(char c) {
    if (c < FIRST || c > LAST) {
      return NONE;
    }
    String[] known = READINGS.get(c - FIRST);
    if (known == null) {
      known = fuzzy(PinyinHelper.toHanyuPinyinStringArray(c));
      READINGS.set(c - FIRST, known);
    }
    return known;
  }

  /** Readings such as {@code "zhang3"} as fuzzy sounds ({@code "zan"}), without repeats. */
  static String[] fuzzy(String[] readings) {
    if (readings == null) {
      return NONE;
    }
    return Arrays.stream(readings).map(Sounds::fuzzy).distinct().toArray(String[]::new);
  }

  static String fuzzy(String reading) {
    String s = reading.replaceAll("[0-9^]", "").replace("u:", "v");
    if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
      s = s.charAt(0) + s.substring(2);
    }
    if (s.endsWith("ng") && (s.endsWith("ing") || s.endsWith("eng"))) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
