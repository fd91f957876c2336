package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Taxonomies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A merchant's practice repeats day after day: the stall that weighs short does so to each buyer on
 * their own day of the week (set BB's 老街特产 on 中山路, its members' purchases over three weeks, was
 * three groups of two). An incident (food that made people ill) is the day it happened.
 */
@DisplayName("a merchant's practice, its buyers on different days of one week")
class PracticeGroupTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  private static final DedupOptions CONFIGURED =
      DedupOptions.defaults().withPractice(Taxonomies.xiamen().taxonomy().practice());

  private DedupRecord filing(
      String phone, String text, String grievance, LocalDate day, String receivedAt) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant("老街特产")
        .address("思明区中山路")
        .content(text)
        .occurredOn(day)
        .grievance(grievance)
        .at(Instant.parse(receivedAt))
        .build();
  }

  private Kind second(String grievance, String first, String then, DedupOptions options) {
    return second(grievance, first, then, options, 25);
  }

  private Kind second(
      String grievance, String first, String then, DedupOptions options, int secondDay) {
    BlockState state = new BlockState();
    state.decide(
        fingerprinter.fingerprint(
            filing(
                "13600001111",
                first,
                grievance,
                LocalDate.of(2026, 7, 20),
                "2026-07-20T08:00:00Z")),
        options);
    return state
        .decide(
            fingerprinter.fingerprint(
                filing(
                    "13600002222",
                    then,
                    grievance,
                    LocalDate.of(2026, 7, secondDay),
                    "2026-07-25T08:00:00Z")),
            options)
        .kind();
  }

  @Test
  @DisplayName("short weight five days apart is one group, the taxonomy marking weights a practice")
  void shortWeight() {
    String first = "来电人反映在中山路老街特产买馅饼两斤156元，回家复秤少了三两，要求处理。";
    String then = "在老街特产买了三盒花生酥，标的每盒500克，回来一称只有400克左右，缺斤少两，店员还说是自然损耗。";
    assertThat(Taxonomies.xiamen().taxonomy().practice())
        .extracting(g -> g.code())
        .contains("weights", "price");
    assertThat(second("weights", first, then, CONFIGURED)).isEqualTo(Kind.CLUSTERED);
    assertThat(second("weights", first, then, DedupOptions.defaults()))
        .as("control: without the practice, five days apart part them")
        .isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName(
      "fakes sold five days apart are one group: the taxonomy marks counterfeit a practice")
  void fakes() {
    String first = "来电人反映在中山路老街特产买的品牌茶叶礼盒是假冒的，包装和官方的不一样，要求退一赔三。";
    String then = "在老街特产买的名牌铁观音，拿去专卖店验了是仿冒品，防伪码也查不到，要求假一赔三。";
    assertThat(Taxonomies.xiamen().taxonomy().practice())
        .extracting(g -> g.code())
        .contains("counterfeit");
    assertThat(second("counterfeit", first, then, CONFIGURED)).isEqualTo(Kind.CLUSTERED);
    assertThat(second("counterfeit", first, then, DedupOptions.defaults()))
        .as("control: without the practice, five days apart part them")
        .isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("food that made people ill five days apart is two incidents")
  void incident() {
    String first = "来电人反映在中山路老街特产买的鱼干吃了以后上吐下泻，去医院看了急诊，要求赔偿。";
    String then = "老街特产买的肉脯吃完全家拉肚子，孩子发烧，怀疑食品变质，要求退款赔偿。";
    assertThat(second("safety", first, then, CONFIGURED)).isEqualTo(Kind.NEW);
    assertThat(second("safety", first, then, CONFIGURED, 21))
        .as("control: a day apart, the same words are one incident's group")
        .isEqualTo(Kind.CLUSTERED);
  }
}
