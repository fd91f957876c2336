package org.hotline.loadtest.corpus;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Makes complainants and writes their numbers the many ways channels send them. */
final class People {
  private static final String[] SURNAMES = {
    "陈", "林", "黄", "王", "李", "张", "吴", "郑", "刘", "杨", "许", "蔡", "洪", "庄", "苏", "周", "叶", "曾", "谢",
    "郭"
  };
  private static final String[] GIVEN = {
    "建国", "志明", "丽娟", "伟", "晓燕", "海峰", "雅婷", "俊杰", "美玲", "文斌", "秀英", "子涵", "宇航", "思琪", "国强", "佳怡",
    "振华", "淑芬", "浩然", "梦瑶"
  };
  private static final String[] PREFIXES = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
        "156",
    "157", "158", "159", "166", "176", "177", "180", "181", "182", "185", "186", "187", "188",
        "189",
    "191", "198", "199"
  };
  private static final String[] ID_AREAS = {
    "350203", "350206", "350211", "350212", "350583", "350681", "360102", "430104", "110105",
    "440305"
  };
  private static final String[] HOMES = {
    "厦门市思明区莲前街道", "厦门市湖里区江头街道", "厦门市集美区侨英街道", "厦门市海沧区新阳街道", "泉州市丰泽区", "漳州市龙文区", "江西省南昌市", "湖南省长沙市"
  };
  // Coprime with 10, so index -> 8-digit suffix is a bijection and no two people share a number.
  private static final long SPREAD = 48_271L * 7 + 4;
  private static final long SUFFIXES = 100_000_000L;

  private final long offset;
  private final Set<String> ids = new HashSet<>();

  People(long seed) {
    this.offset = Math.floorMod(seed * 0x9E3779B97F4A7C15L, SUFFIXES);
  }

  Person make(SplittableRandom rng, int index) {
    int p = index % PREFIXES.length;
    long suffix = Math.floorMod((index / PREFIXES.length) * SPREAD + offset, SUFFIXES);
    String mobile = PREFIXES[p] + pad8(suffix);
    String id = null;
    if (rng.nextInt(10) < 3) {
      // A repeated ID would make two people one to the gateway: draw again.
      do {
        id = Checksums.idNumber(rng, ID_AREAS[rng.nextInt(ID_AREAS.length)]);
      } while (!ids.add(id));
    }
    String home = rng.nextInt(3) == 0 ? HOMES[rng.nextInt(HOMES.length)] : null;
    return new Person(
        index,
        SURNAMES[rng.nextInt(SURNAMES.length)],
        GIVEN[rng.nextInt(GIVEN.length)],
        rng.nextBoolean(),
        mobile,
        id,
        home);
  }

  /** The mobile number as some upstream system might write it; all normalise to the same. */
  static String phone(SplittableRandom rng, String mobile, boolean fullWidthLikely) {
    String a = mobile.substring(0, 3);
    String b = mobile.substring(3, 7);
    String c = mobile.substring(7);
    String s =
        switch (rng.nextInt(8)) {
          case 0 -> "+86 " + a + " " + b + " " + c;
          case 1 -> a + "-" + b + "-" + c;
          case 2 -> "86" + mobile;
          case 3 -> a + " " + b + " " + c;
          case 4 -> "+86-" + mobile;
          default -> mobile;
        };
    return fullWidthLikely && rng.nextInt(4) == 0 ? Noise.fullWidthDigits(s) : s;
  }

  private static String pad8(long v) {
    String s = Long.toString(v);
    return "00000000".substring(s.length()) + s;
  }
}
