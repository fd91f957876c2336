package org.hotline.dedup.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * themselves. Readings come from pinyin4j's table ({@value #TABLE} in its jar), read once into two
 * arrays; thread-safe.
 *
 * <p>The table is read here rather than through {@code PinyinHelper}: pinyin4j's resource class
 * also loads its phrase table into a trie of about 190,000 objects (51,000 tries, as many
 * hashtables), a third of a fresh gateway's live objects, which the collector marks on every cycle
 * though only single characters are ever asked for. {@code SoundsTest} checks every character
 * against {@code PinyinHelper}.
 */
public final class Sounds {
  private static final char FIRST = '\u4e00';
  private static final char LAST = '\u9fff';

  /**
   * pinyin4j's table: a line a character, {@code 4E01 (ding1,zheng1)}, {@code (none0)} for none.
   */
  static final String TABLE = "pinyindb/unicode_to_hanyu_pinyin.txt";

  private static final char PRIVATE_USE = '\ue000';

  private Sounds() {}

  /**
   * The fuzzy readings of the unified ideographs as syllable numbers: those of {@code c} are {@code
   * SYLLABLES[START[c - FIRST]]} up to {@code START[c - FIRST + 1]}, in the table's order, each
   * once. Read when first needed (the holder idiom: the JVM runs it once, and every thread sees it
   * whole).
   */
  private static final class Table {
    static final int[] START = new int[LAST - FIRST + 2];
    static final short[] SYLLABLES;

    /** Each syllable number's fuzzy reading. */
    static final String[] NAMES;

    static {
      Map<String, Short> numbers = new HashMap<>();
      List<String>[] readings = read();
      int total = 0;
      for (List<String> r : readings) {
        total += r == null ? 0 : r.size();
      }
      SYLLABLES = new short[total];
      int at = 0;
      for (int i = 0; i < readings.length; i++) {
        START[i] = at;
        if (readings[i] != null) {
          for (String syllable : readings[i]) {
            SYLLABLES[at++] = numbers.computeIfAbsent(syllable, k -> (short) numbers.size());
          }
        }
      }
      START[readings.length] = at;
      NAMES = new String[numbers.size()];
      numbers.forEach((name, number) -> NAMES[number] = name);
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] read() {
      List<String>[] out = new List[LAST - FIRST + 1];
      InputStream in = Sounds.class.getClassLoader().getResourceAsStream(TABLE);
      if (in == null) {
        throw new IllegalStateException(TABLE + " is not on the class path (pinyin4j's jar)");
      }
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          int space = line.indexOf(' ');
          if (space < 0) {
            continue;
          }
          int c = Integer.parseInt(line.substring(0, space), 16);
          String readings = line.substring(space + 1).trim();
          if (c >= FIRST && c <= LAST && readings.startsWith("(") && readings.endsWith(")")) {
            String[] given = readings.substring(1, readings.length() - 1).split(",");
            if (!(given.length == 1 && given[0].equals("none0"))) {
              out[c - FIRST] = Arrays.asList(fuzzy(given));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + TABLE, e);
      }
      return out;
    }
  }

  /**
   * Reads the reading table now (from pinyin4j's jar), so that the first name compared does not pay
   * for it on an event loop.
   */
  public static void warm() {
    readings('\u4e00');
  }

  /** Whether {@code a} and {@code b} are one character or may be heard as one. */
  public static boolean alike(char a, char b) {
    if (a == b || Character.toLowerCase(a) == Character.toLowerCase(b)) {
      return true;
    }
    int ra = readings(a);
    int rb = readings(b);
    if (ra < 0 || rb < 0) {
      return false;
    }
    int raEnd = Table.START[a - FIRST + 1];
    int rbEnd = Table.START[b - FIRST + 1];
    for (int x = ra; x < raEnd; x++) {
      for (int y = rb; y < rbEnd; y++) {
        if (Table.SYLLABLES[x] == Table.SYLLABLES[y]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * One sound for {@code c} as a character, equal for characters whose first fuzzy readings in
   * pinyin4j's table are equal: for a Chinese character the number of that reading, in the
   * private-use area (U+E000 onwards; Mandarin has about 420 toneless syllables), else the
   * character itself in lower case. Distinct readings never share a key. The table lists the common
   * reading first for most characters ({@code 露} lu before lou, {@code 派} pai before pa), not for
   * all: {@code 长} is zhang first, so {@code 长} and {@code 常} differ here though {@link #alike}
   * holds.
   */
  public static char key(char c) {
    int r = readings(c);
    return r < 0 ? Character.toLowerCase(c) : (char) (PRIVATE_USE + Table.SYLLABLES[r]);
  }

  /** Where {@code c}'s readings start in {@link Table#SYLLABLES}, or -1 when it has none. */
  private static int readings(char c) {
    if (c < FIRST || c > LAST) {
      return -1;
    }
    int from = Table.START[c - FIRST];
    return from == Table.START[c - FIRST + 1] ? -1 : from;
  }

  /** Readings such as {@code "zhang3"} as fuzzy sounds ({@code "zan"}), without repeats. */
  static String[] fuzzy(String[] readings) {
    if (readings == null) {
      return new String[0];
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

  /** The fuzzy readings of {@code c} from the table, for tests: none outside the block. */
  static String[] readingsOf(char c) {
    int r = readings(c);
    if (r < 0) {
      return new String[0];
    }
    int end = Table.START[c - FIRST + 1];
    String[] out = new String[end - r];
    for (int i = r; i < end; i++) {
      out[i - r] = Table.NAMES[Table.SYLLABLES[i]];
    }
    return out;
  }
}
