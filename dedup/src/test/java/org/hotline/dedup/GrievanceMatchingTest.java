package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Grievance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A matter is one grievance: the verdicts of {@link BlockState} when grievances are known, differ,
 * or only one side's is known. Each test has a control that shows the same records would match if
 * the grievance did not decide.
 */
@DisplayName("Same matter means same grievance")
class GrievanceMatchingTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final DedupOptions options = DedupOptions.defaults();
  private BlockState state = new BlockState();

  private DedupVerdict decide(DedupRecord r) {
    return state.decide(fingerprinter.fingerprint(r), options);
  }

  /** The same meal, the same day and amount, and the same words but for the grievance. */
  private static TestRecords sameMeal(String grievance, int hoursLater) {
    return TestRecords.complaint()
        .grievance(grievance)
        .at(TestRecords.T0.plus(Duration.ofHours(hoursLater)));
  }

  @Nested
  @DisplayName("a grievance a person has one of with a shop at a time (one_matter)")
  class OneMatter {
    private final DedupOptions prepaidOneMatter =
        DedupOptions.defaults().withOneMatter(java.util.Set.of(new Grievance("prepaid")));

    /** The consumer's own words on the web, with the balance. */
    private TestRecords consumer() {
      return TestRecords.complaint()
          .phone("13800138001")
          .merchant("鹭岛动感健身会所")
          .address("厦门市湖里区五缘湾南路88号")
          .content("我去年在鹭岛动感健身办了两年的会员卡，结果上周去发现门口贴了停业通知，器材都搬走了，卡里的钱退不出来。")
          .amount(null)
          .occurredOn(null)
          .grievance("prepaid");
    }

    /** 12345's summary two days later, under the registered name, in other words and no amount. */
    private TestRecords summary() {
      return TestRecords.complaint()
          .phone("13800138001")
          .merchant("厦门鹭岛动感健身会所有限公司")
          .address(null)
          .content("市民反映：五缘湾附近一家健身会所突然撤场，其预付的会员费至今未退，诉求商家退还预付款。")
          .amount(null)
          .occurredOn(null)
          .grievance("prepaid")
          .at(TestRecords.T0.plus(Duration.ofDays(2)));
    }

    @Test
    @DisplayName("is filed again whatever the words, when the facts allow it")
    void refiledInOtherWords() {
      assertThat(
              state.decide(fingerprinter.fingerprint(consumer().build()), prepaidOneMatter).kind())
          .isEqualTo(Kind.NEW);
      assertThat(
              state.decide(fingerprinter.fingerprint(summary().build()), prepaidOneMatter).kind())
          .isEqualTo(Kind.DUPLICATE);

      state = new BlockState(); // control: without the rule the words decide, and they differ
      decide(consumer().build());
      assertThat(decide(summary().build()).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName(
        "is the same matter whether it gives what was paid in or what is left (set BR: 4680 paid,"
            + " then the 2925 of the lessons not given)")
    void amountsPaidAndLeft() {
      state.decide(fingerprinter.fingerprint(consumer().amount("2900").build()), prepaidOneMatter);
      assertThat(
              state
                  .decide(
                      fingerprinter.fingerprint(summary().amount("600").build()), prepaidOneMatter)
                  .kind())
          .isEqualTo(Kind.DUPLICATE);
    }

    @Test
    @DisplayName("is not the same matter when the facts' dates are more than three days apart")
    void datesApart() {
      LocalDate closed = LocalDate.of(2025, 9, 28);
      state.decide(
          fingerprinter.fingerprint(consumer().occurredOn(closed).build()), prepaidOneMatter);
      assertThat(
              state
                  .decide(
                      fingerprinter.fingerprint(summary().occurredOn(closed.plusDays(5)).build()),
                      prepaidOneMatter)
                  .kind())
          .isNotEqualTo(Kind.DUPLICATE);
      assertThat(
              state
                  .decide(
                      fingerprinter.fingerprint(summary().occurredOn(closed.plusDays(1)).build()),
                      prepaidOneMatter)
                  .kind())
          .as("control: a day apart is a misremembered date")
          .isEqualTo(Kind.DUPLICATE);
    }

    @Test
    @DisplayName("leaves another grievance's re-filing to the words")
    void otherGrievances() {
      state.decide(
          fingerprinter.fingerprint(consumer().grievance("quality_return").build()),
          prepaidOneMatter);
      assertThat(
              state
                  .decide(
                      fingerprinter.fingerprint(summary().grievance("quality_return").build()),
                      prepaidOneMatter)
                  .kind())
          .isEqualTo(Kind.NEW);
    }
  }

  @Nested
  @DisplayName("the same complainant at the same merchant")
  class SameComplainant {
    @Test
    @DisplayName("two known, different grievances over the same purchase are two matters")
    void differentGrievances() {
      assertThat(decide(sameMeal("price", 0).build()).kind()).isEqualTo(Kind.NEW);
      assertThat(decide(sameMeal("invoice", 30).build()).kind()).isEqualTo(Kind.NEW);
      assertThat(state.size()).isEqualTo(2);

      state = new BlockState(); // control: with one grievance, the second is a re-filing
      decide(sameMeal("price", 0).build());
      assertThat(decide(sameMeal("price", 30).build()).kind()).isEqualTo(Kind.DUPLICATE);
    }

    @Test
    @DisplayName("one unknown grievance still matches on agreeing amounts and close wording")
    void unknownWithStrongSignals() {
      decide(sameMeal("price", 0).build());
      assertThat(decide(sameMeal("unknown", 30).build()).kind()).isEqualTo(Kind.DUPLICATE);
    }

    @Test
    @DisplayName(
        "one unknown grievance over the same purchase needs part of the wording: the consumer's own"
            + " words after an operator's summary")
    void unknownSamePurchaseInOwnWords() {
      // MinHash agreement 9 with the summary: under the re-filing bar of 10, over the 7 that the
      // same amount on the same day leaves when one grievance is unknown.
      DedupRecord own =
          sameMeal("unknown", 30).content("十一那天带爸妈吃饭，螃蟹原来说按斤，买单的时候变了，一顿饭一千二百八，太黑了").build();
      decide(sameMeal("price", 0).build());
      assertThat(decide(own).kind()).isEqualTo(Kind.DUPLICATE);

      state = new BlockState(); // control: two days apart, the same words fall short of the bar
      decide(sameMeal("price", 0).occurredOn(LocalDate.of(2025, 10, 4)).build());
      assertThat(decide(own).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName(
        "the same known grievance with no amount needs few words in common, unless the dates lie"
            + " apart")
    void sameGrievanceTerseSummary() {
      TestRecords own =
          TestRecords.complaint()
              .merchant("众诚通讯")
              .content("在众诚通讯办了宽带，结果我的身份证复印件和手机号被他们给了推销的，现在天天接骚扰电话，要求查处。")
              .amount(null)
              .occurredOn(LocalDate.of(2025, 10, 1))
              .grievance("personal_info");
      TestRecords summary =
          TestRecords.complaint()
              .merchant("众诚通讯")
              .content("来电人反映众诚通讯营业厅泄露其个人信息，导致频繁接到推销电话，要求处理。")
              .amount(null)
              .occurredOn(null)
              .grievance("personal_info")
              .at(TestRecords.T0.plus(Duration.ofDays(2)));
      // MinHash agreement 5: under the old bar of 6, over the 3 the same grievance leaves now.
      decide(own.build());
      assertThat(decide(summary.build()).kind()).isEqualTo(Kind.DUPLICATE);

      state = new BlockState(); // control: the facts five days apart, the same words fall short
      decide(own.build());
      assertThat(decide(summary.occurredOn(LocalDate.of(2025, 10, 6)).build()).kind())
          .isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("one unknown grievance needs close wording, not just the same amount and day")
    void unknownNeedsWording() {
      // Another grievance over the same meal that the classifier could not read: the amount and
      // the day agree by nature, so they must not carry the match alone.
      DedupRecord unread =
          sameMeal("unknown", 30).content("来电人反映：其10月2日在鹭江海鲜大排档吃饭，结账后想要张票，店员一直推脱。").build();
      decide(sameMeal("price", 0).build());
      assertThat(decide(unread).kind()).isEqualTo(Kind.NEW);

      state = new BlockState(); // control: with neither grievance known, amount and day suffice
      decide(sameMeal("unknown", 0).build());
      assertThat(decide(unread).kind()).isEqualTo(Kind.DUPLICATE);
    }
  }

  @Nested
  @DisplayName("two grievances one category word names together (kin: 合同's three)")
  class Kin {
    private final DedupOptions kin =
        DedupOptions.defaults()
            .withKin(java.util.Set.of(new Grievance("contract"), new Grievance("prepaid")));

    /** The consumer's own account of lessons left when the coach went, read as a contract term. */
    private TestRecords own() {
      return TestRecords.complaint()
          .phone("13800138002")
          .merchant("动力源健身")
          .content("买了24节私教课6480元，上了6节教练离职，要求退剩下的课，店长说合同写了课程一经售出概不退款。")
          .amount("4860")
          .occurredOn(LocalDate.of(2025, 9, 25))
          .grievance("contract");
    }

    /** The call centre's summary of the same purchase, read as a prepaid balance. */
    private TestRecords summary() {
      return TestRecords.complaint()
          .phone("13800138002")
          .merchant("动力源健身")
          .content("来电人反映在一健身房购买私教课，教练离职后要求退剩余课时费被拒，诉求退费。")
          .amount("4860")
          .occurredOn(null)
          .grievance("prepaid")
          .at(TestRecords.T0.plus(Duration.ofDays(1)));
    }

    private DedupVerdict decide(DedupRecord r) {
      return state.decide(fingerprinter.fingerprint(r), kin);
    }

    @Test
    @DisplayName("over the same purchase are judged as if one were unread: a re-filing")
    void samePurchase() {
      decide(own().build());
      assertThat(decide(summary().build()).kind()).isEqualTo(Kind.DUPLICATE);

      state = new BlockState(); // control: without kin, two known grievances are two matters
      state.decide(fingerprinter.fingerprint(own().build()), options);
      assertThat(state.decide(fingerprinter.fingerprint(summary().build()), options).kind())
          .isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("still need the same purchase: another amount is another matter")
    void otherPurchase() {
      decide(own().build());
      assertThat(decide(summary().amount("1200").build()).kind()).isNotEqualTo(Kind.DUPLICATE);
    }
  }

  @Nested
  @DisplayName("different complainants at a storm merchant")
  class Storm {
    private void storm() {
      for (int i = 0; i < 6; i++) {
        decide(withGrievance(BlockStateTest.gymMember(i, i), "prepaid"));
      }
    }

    /** A call centre's two lines about the storm's gym, nine hours in. */
    private TestRecords terse() {
      return TestRecords.complaint()
          .phone("13900009999")
          .merchant("型动健身")
          .content("来电人称办了年卡，门店关门，要求退钱。")
          .amount(null)
          .occurredOn(null)
          .at(TestRecords.T0.plus(Duration.ofHours(9)));
    }

    private DedupRecord withGrievance(DedupRecord r, String grievance) {
      return r.withGrievance(Grievance.of(grievance));
    }

    @Test
    @DisplayName("another grievance never joins the group, however close its words")
    void otherGrievance() {
      storm();
      DedupVerdict other = decide(withGrievance(BlockStateTest.gymMember(7, 8), "invoice"));
      assertThat(other.kind()).isEqualTo(Kind.NEW);

      DedupVerdict same = decide(withGrievance(BlockStateTest.gymMember(8, 9), "prepaid"));
      assertThat(same.kind()).as("control: the storm's grievance joins").isEqualTo(Kind.CLUSTERED);
    }

    @Test
    @DisplayName(
        "a member whose grievance is of the storm's kin joins it as if unread: on the storm's"
            + " words, not on a terse summary's (sets A, I, V: a camp's or a banquet's storm read"
            + " half as a service not performed, half as a prepaid balance or a contract)")
    void kinJoinsAsUnread() {
      DedupOptions kin =
          options.withKin(java.util.Set.of(Grievance.of("prepaid"), Grievance.of("not_performed")));
      for (int i = 0; i < 6; i++) {
        state.decide(
            fingerprinter.fingerprint(withGrievance(BlockStateTest.gymMember(i, i), "prepaid")),
            kin);
      }
      Fingerprint told =
          fingerprinter.fingerprint(withGrievance(BlockStateTest.gymMember(7, 8), "not_performed"));
      assertThat(state.decide(told, kin).kind()).isEqualTo(Kind.CLUSTERED);

      TestRecords terse = terse().grievance("not_performed");
      assertThat(state.decide(fingerprinter.fingerprint(terse.build()), kin).kind())
          .as("scored as unread, a terse summary's few words do not carry it")
          .isEqualTo(Kind.NEW);

      state = new BlockState(); // control: without kin, two known grievances are two matters
      storm();
      assertThat(decide(withGrievance(BlockStateTest.gymMember(7, 8), "not_performed")).kind())
          .isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName(
        "the storm's grievance in words of one's own joins; unknown, the same words do not")
    void ownWordsJoin() {
      storm();
      TestRecords terse = terse();
      assertThat(decide(terse.grievance("prepaid").build()).kind()).isEqualTo(Kind.CLUSTERED);

      state = new BlockState(); // control: with the grievance unread, the wording must carry it
      storm();
      assertThat(decide(terse.grievance("unknown").build()).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("an unread storm member joins on a few of the storm's words and its day")
    void unreadMemberWithTheDay() {
      storm();
      // An operator's two lines: few shingles shared with the members, the storm's day given.
      TestRecords terse =
          TestRecords.complaint()
              .phone("13900008888")
              .merchant("型动健身")
              .content("来电人称健身房跑了，要求处理。")
              .amount(null)
              .occurredOn(BlockStateTest.CLOSED)
              .grievance("unknown")
              .at(TestRecords.T0.plus(Duration.ofHours(9)));
      assertThat(decide(terse.build()).kind()).isEqualTo(Kind.CLUSTERED);

      state = new BlockState(); // control: without the storm's day, the same words fall short
      storm();
      assertThat(decide(terse.occurredOn(null).build()).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName(
        "a member of a closed shop's storm who gives the day they bought the card, months before,"
            + " joins it when the grievance is one a person has one of (set T)")
    void cardBoughtMonthsBefore() {
      DedupOptions prepaidOneMatter =
          DedupOptions.defaults().withOneMatter(java.util.Set.of(new Grievance("prepaid")));
      for (int i = 0; i < 6; i++) {
        state.decide(
            fingerprinter.fingerprint(withGrievance(BlockStateTest.gymMember(i, i), "prepaid")),
            prepaidOneMatter);
      }
      DedupRecord bought =
          BlockStateTest.prepaidMember(7, 8)
              .occurredOn(BlockStateTest.CLOSED.minusDays(120))
              .build();
      assertThat(state.decide(fingerprinter.fingerprint(bought), prepaidOneMatter).kind())
          .isEqualTo(Kind.CLUSTERED);

      state = new BlockState(); // control: where the dates count, four months part them
      storm();
      assertThat(decide(bought).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName(
        "a member of a storm of services not performed who paid weeks before the others joins it"
            + " when the grievance is undated (sets AB and AC: a renovation, a guest house)")
    void paidWeeksBefore() {
      DedupOptions undated =
          DedupOptions.defaults().withUndated(java.util.Set.of(new Grievance("not_performed")));
      for (int i = 0; i < 6; i++) {
        state.decide(
            fingerprinter.fingerprint(
                withGrievance(BlockStateTest.gymMember(i, i), "not_performed")),
            undated);
      }
      DedupRecord paid =
          BlockStateTest.gymFiling(7, 8)
              .grievance("not_performed")
              .occurredOn(BlockStateTest.CLOSED.minusDays(30))
              .build();
      assertThat(state.decide(fingerprinter.fingerprint(paid), undated).kind())
          .isEqualTo(Kind.CLUSTERED);

      state = new BlockState(); // control: where the dates count, a month parts them
      for (int i = 0; i < 6; i++) {
        decide(withGrievance(BlockStateTest.gymMember(i, i), "not_performed"));
      }
      assertThat(decide(paid).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("an unknown grievance joins on strong content agreement")
    void unknownJoinsOnContent() {
      storm();
      assertThat(decide(withGrievance(BlockStateTest.gymMember(7, 8), "unknown")).kind())
          .isEqualTo(Kind.CLUSTERED);
    }
  }
}
