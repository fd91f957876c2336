package org.hotline.dedup.eval;

import java.util.List;

/**
 * What the evaluation set's complaints are about: categories of merchant, the kinds of matter each
 * draws, the goods and the facts of each kind. A fact has several wordings ({@code {g}} is the
 * goods): two filings of one matter state the same fact in different words, as people do; two
 * matters differ in kind, fact, goods, amount or date. The categories themselves are in {@link
 * EvalCategories}.
 */
final class EvalVocabulary {
  private EvalVocabulary() {}

  /** A kind of matter: its goods, its facts, requests and amounts. */
  record Kind(
      String name,
      int minYuan,
      int maxYuan,
      List<String> goods,
      List<Fact> facts,
      List<String> requests) {}

  /**
   * One fact: its grievance (the ground truth, a wire name of {@code routing/grievances.yaml}) and
   * the wordings people use for it.
   */
  record Fact(String grievance, List<String> wordings) {}

  /** A category of merchant: how its shops are named and what people complain about there. */
  record Category(
      String name,
      List<String> signForms,
      String industry,
      List<String> activities,
      List<String> details,
      List<Kind> kinds,
      boolean online) {}

  static final List<String> TRADE_NAMES =
      List.of(
          "鹭江", "鼓浪", "海韵", "金鹭", "闽南", "嘉禾", "筼筜", "五缘", "乐活", "优客", "海港", "东海", "渔家", "湾仔", "阿勇",
          "阿美", "老船长", "蓝海", "星海", "佳佳", "鑫源", "宏发", "福满", "顺达", "新华", "恒信", "万家", "美佳", "百佳", "永和",
          "如意", "吉祥", "天天", "悦动", "力美", "康体", "型动", "鲸鱼", "翰林", "启航", "博学", "优学", "乐学", "童乐", "爱尚",
          "丽人", "雅致", "海天", "鹭岛", "白鹭", "红树林", "椰风", "南海", "北斗", "华美", "金海岸", "银河", "千禧", "晨光",
          "朝阳", "明珠", "凤凰", "龙腾", "海湾", "沙坡", "厦港", "曾厝", "环岛", "观海", "望海", "听涛", "海悦", "一品", "好运",
          "大福", "小渔村", "阿婆", "老街", "新港");

  static final List<String> PLATFORMS = List.of("淘宝", "天猫", "京东", "拼多多", "抖音", "美团");

  /** Shorthand for a fact of {@code grievance} and its wordings. */
  static Fact fact(String grievance, String... wordings) {
    return new Fact(grievance, List.of(wordings));
  }

  /** Places of Xiamen where shops are: district, road or area, and a landmark for addresses. */
  static final List<String[]> PLACES =
      List.of(
          new String[] {"思明区", "中山路", "中山路店"},
          new String[] {"思明区", "曾厝垵", "曾厝垵店"},
          new String[] {"思明区", "鼓浪屿龙头路", "鼓浪屿店"},
          new String[] {"思明区", "沙坡尾", "沙坡尾店"},
          new String[] {"思明区", "湖滨南路", "湖滨南路店"},
          new String[] {"湖里区", "五缘湾", "五缘湾店"},
          new String[] {"湖里区", "江头北路", "江头店"},
          new String[] {"湖里区", "万达广场", "万达店"},
          new String[] {"集美区", "集美学村", "集美学村店"},
          new String[] {"海沧区", "海沧大道", "海沧店"},
          new String[] {"同安区", "环城南路", "同安店"},
          new String[] {"翔安区", "马巷", "马巷店"});
}
