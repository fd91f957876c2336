package org.hotline.dedup.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("GrievanceModel: the texts the cues leave unknown")
class GrievanceModelTest {

  @Nested
  @DisplayName("with the gateway's corpus")
  class WithTheCorpus {
    @Test
    @DisplayName("reads overcharging said without a cue word, which the cues alone leave unknown")
    void readsWhatTheCuesMiss() {
      String text = "结账发现一碟花生米收了48元、一壶茶收了128元，点的时候没人说这么贵，菜单上根本找不到这两样！！";
      assertThat(Taxonomies.cuesOnly().classify("餐饮", text)).isEqualTo(Grievance.UNKNOWN);
      assertThat(Taxonomies.xiamen().classify("餐饮", text)).isEqualTo(Grievance.of("price"));
      String tour = "来电人反映：其参加某旅行社组织的一日游，导游带团进入玉器店，要求每人至少消费500元，否则不让上车。要求退还购物款。";
      assertThat(Taxonomies.cuesOnly().classify(null, tour)).isEqualTo(Grievance.UNKNOWN);
      assertThat(Taxonomies.xiamen().classify(null, tour)).isEqualTo(Grievance.of("forced_trade"));
    }

    @Test
    @DisplayName("leaves a summary that says nothing unknown: no word of it speaks for a class")
    void saysNothing() {
      GrievanceClassifier c = Taxonomies.xiamen();
      assertThat(c.classify(null, "来电人反映：其在该店消费后与商家产生纠纷，要求商家退款。")).isEqualTo(Grievance.UNKNOWN);
      // 纠纷 speaks for other since sets AS, AT and AU joined the corpus: their authors, like most,
      // labelled matters outside market regulation (医疗纠纷, 劳动纠纷) other. Unknown or other, never a
      // market grievance the text does not name.
      assertThat(c.classify(null, "市民反映：其与某公司存在消费纠纷，诉求：退还费用。"))
          .isIn(Grievance.UNKNOWN, Grievance.of("other"));
      assertThat(c.classify("其他", "对这家店非常不满意，希望有关部门管一管！")).isEqualTo(Grievance.UNKNOWN);
    }

    @Test
    @DisplayName(
        "a tie on the cues goes to the class the category field named; another tie to the model")
    void ties() {
      // The category says false advertising, the text a gym card to refund (H00014 of set H): read
      // by a model as prepaid, it joined the gym's storm of closed-shop balances.
      String text = "动力方舟健身办卡的时候说24小时营业，现在晚上十点就关门，说是物业要求。我就是因为下班晚才办的这家，要求退卡";
      List<GrievanceModel.Example> examples = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        examples.add(
            new GrievanceModel.Example("t", Grievance.of("prepaid"), null, "健身办卡要求退卡" + i));
        examples.add(new GrievanceModel.Example("t", Grievance.of("price"), null, "餐厅结账收费很贵" + i));
      }
      GrievanceModel model = GrievanceModel.train(examples, GrievanceModel.DEFAULT_MARGIN);
      assertThat(model.read("虚假宣传", text)).isEqualTo(Grievance.of("prepaid"));
      GrievanceClassifier c = new GrievanceClassifier(Taxonomies.cuesOnly().taxonomy(), model);
      assertThat(Taxonomies.cuesOnly().classify("虚假宣传", text))
          .isEqualTo(Grievance.of("false_advertising"));
      assertThat(c.classify("虚假宣传", text)).isEqualTo(Grievance.of("false_advertising"));
      // 合同 names three classes alike: the cues tie, the category breaks nothing, the model reads.
      assertThat(Taxonomies.cuesOnly().classify("合同", "健身办卡要求退卡")).isEqualTo(Grievance.UNKNOWN);
      assertThat(c.classify("合同", "健身办卡要求退卡")).isEqualTo(Grievance.of("prepaid"));
    }

    /**
     * The honest figure: each hand-written set's texts read by a classifier whose model never saw
     * them, against the cues alone (dedup/EVALUATION.md, "Grievance classification").
     */
    @Test
    @DisplayName("trained without a set, reads more of that set right than the cues alone")
    void leaveOneSetOut() {
      List<GrievanceModel.Example> all = Taxonomies.corpus(s -> false);
      Set<String> sources = new TreeSet<>();
      all.forEach(e -> sources.add(e.source()));
      GrievanceClassifier cues = Taxonomies.cuesOnly();
      int texts = 0;
      int cuesRight = 0;
      int cuesWrong = 0;
      int right = 0;
      int wrong = 0;
      for (String source : sources) {
        GrievanceModel model =
            GrievanceModel.train(Taxonomies.corpus(source::equals), GrievanceModel.DEFAULT_MARGIN);
        GrievanceClassifier c = new GrievanceClassifier(cues.taxonomy(), model);
        for (GrievanceModel.Example e : all) {
          if (e.source().equals(source)) {
            texts++;
            Grievance alone = cues.classify(e.category(), e.content());
            Grievance both = c.classify(e.category(), e.content());
            cuesRight += alone.equals(e.grievance()) ? 1 : 0;
            cuesWrong += alone.known() && !alone.equals(e.grievance()) ? 1 : 0;
            right += both.equals(e.grievance()) ? 1 : 0;
            wrong += both.known() && !both.equals(e.grievance()) ? 1 : 0;
          }
        }
      }
      System.out.printf(
          "leave one set out: %d texts; the cues alone %d right, %d wrong; with the model %d right,"
              + " %d wrong%n",
          texts, cuesRight, cuesWrong, right, wrong);
      assertThat(texts).isGreaterThan(4000);
      assertThat(right - cuesRight).as("more right").isGreaterThan(texts / 40);
      assertThat(wrong - cuesWrong).as("hardly more wrong").isLessThan(texts / 100);
    }
  }

  @Nested
  @DisplayName("trained on a small corpus")
  class Small {
    private final List<GrievanceModel.Example> examples = new ArrayList<>();

    private void add(String grievance, int times, String text) {
      for (int i = 0; i < times; i++) {
        examples.add(
            new GrievanceModel.Example("t", Grievance.of(grievance), null, text + "。第" + i + "次"));
      }
    }

    @Test
    @DisplayName("names the class its words speak for, and nothing for words it never saw")
    void speaksFor() {
      add("weights", 6, "回家复秤少了二两");
      add("price", 6, "菜单没有标价结账很贵");
      GrievanceModel m = GrievanceModel.train(examples, GrievanceModel.DEFAULT_MARGIN);
      assertThat(m.read(null, "今天复秤少了")).isEqualTo(Grievance.of("weights"));
      assertThat(m.read(null, "没有标价，很贵")).isEqualTo(Grievance.of("price"));
      assertThat(m.read(null, "完全无关的句子")).isEqualTo(Grievance.UNKNOWN);
    }

    @Test
    @DisplayName("words seen in fewer than five texts speak for no class")
    void fewTexts() {
      add("weights", 4, "回家复秤少了二两");
      add("price", 6, "菜单没有标价结账很贵");
      GrievanceModel m = GrievanceModel.train(examples, GrievanceModel.DEFAULT_MARGIN);
      assertThat(m.read(null, "回家复秤少了二两")).isEqualTo(Grievance.UNKNOWN);
    }

    @Test
    @DisplayName("refuses a corpus of one grievance, and a classifier whose taxonomy lacks one")
    void refuses() {
      add("weights", 6, "回家复秤少了二两");
      assertThatThrownBy(() -> GrievanceModel.train(examples, 4))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("two grievances");
      add("no_such_class", 6, "别的");
      GrievanceModel m = GrievanceModel.train(examples, 4);
      assertThatThrownBy(() -> new GrievanceClassifier(Taxonomies.cuesOnly().taxonomy(), m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no_such_class");
    }
  }

  @Test
  @DisplayName(
      "the reading counts each sequence of a text once, as training does: the same"
          + " log-likelihoods as a sum over the sorted features, for every text of the corpus and"
          + " texts with repeats, digits, a category and nothing")
  void readingAsTrained() {
    GrievanceModel m = Taxonomies.xiamen().model();
    List<String[]> texts = new java.util.ArrayList<>();
    Taxonomies.corpus(x -> false).forEach(e -> texts.add(new String[] {e.category(), e.content()}));
    texts.add(new String[] {null, "哈哈哈哈哈哈，退款退款退款 2024年3月 退款"});
    texts.add(new String[] {"餐饮服务", ""});
    texts.add(new String[] {null, null});
    texts.add(new String[] {"  ", "ＡＢＣ全角，多收了钱"});
    for (String[] t : texts) {
      GrievanceModel.Reading fast = m.reading(t[0], t[1]);
      GrievanceModel.Reading reference = m.referenceReading(t[0], t[1]);
      assertThat(fast.speaks()).as(t[1]).isEqualTo(reference.speaks());
      for (int y = 0; y < fast.logLikelihood().length; y++) {
        assertThat(fast.logLikelihood()[y])
            .as(t[1])
            .isCloseTo(reference.logLikelihood()[y], org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }

  @Test
  @DisplayName("a corpus is read strictly: its header, and each line's four fields and code")
  void readsStrictly() throws IOException {
    String ok = "source\tgrievance\tcategory\tcontent\na\tprice\t\t贵\nb\tweights\t计量\t少了\n";
    assertThat(GrievanceModel.readCorpus(in(ok), "c.tsv", s -> false)).hasSize(2);
    assertThat(GrievanceModel.readCorpus(in(ok), "c.tsv", "a"::equals))
        .extracting(GrievanceModel.Example::category)
        .containsExactly("计量");
    assertThatThrownBy(() -> GrievanceModel.readCorpus(in("text\n贵\n"), "c.tsv", s -> false))
        .hasMessageContaining("c.tsv: the header");
    assertThatThrownBy(
            () ->
                GrievanceModel.readCorpus(
                    in("source\tgrievance\tcategory\tcontent\na\tPrice!\t\t贵\n"),
                    "c.tsv",
                    s -> false))
        .hasMessageContaining("c.tsv line 2");
  }

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
