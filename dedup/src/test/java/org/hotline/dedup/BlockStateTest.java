package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Grievance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("BlockState")
class BlockStateTest {
  static final LocalDate CLOSED = LocalDate.of(2025, 10, 20);
  static final String[] GYM_CLOSED = {
    "来电人反映：其10月20日在型动健身办卡，健身房突然关门停业，老板联系不上，办的年卡还没用完。要求退还剩余费用。",
    "我10月20号在型动健身锻炼，健身房突然关门停业，老板联系不上，办的私教课还没用完！会员群里很多人都是同样遭遇。要求全额退款！",
    "市民反映：其于2025年10月20日在型动健身健身，健身房突然关门停业，老板联系不上，办的次卡还没用完。诉求：退卡退费。"
  };

  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final DedupOptions options = DedupOptions.defaults();
  private final BlockState state = new BlockState();

  private DedupVerdict decide(DedupRecord r) {
    return state.decide(fingerprinter.fingerprint(r), options);
  }

  /** Member {@code i} of the gym's prepaid-card storm, filing {@code hours} after the first. */
  static DedupRecord gymMember(int i, int hours) {
    return gymFiling(i, hours).build();
  }

  static TestRecords gymFiling(int i, int hours) {
    return TestRecords.complaint()
        .phone("1390000" + String.format("%04d", i))
        .merchant("型动健身")
        .content(GYM_CLOSED[i % GYM_CLOSED.length])
        .amount(Integer.toString(1000 + 137 * i))
        .occurredOn(CLOSED)
        .at(TestRecords.T0.plus(Duration.ofHours(hours)));
  }

  /** {@link #gymMember} with its grievance read as a prepaid balance lost. */
  static TestRecords prepaidMember(int i, int hours) {
    return gymFiling(i, hours).grievance("prepaid");
  }

  @Nested
  @DisplayName("a shop in another district")
  class OtherDistrict {
    /** Three members of the 湖里 gym's storm, one of them giving its address. */
    private void hulistorm() {
      for (int i = 0; i < 3; i++) {
        TestRecords member = prepaidMember(i, i);
        if (i == 1) {
          member.address("湖里区金湖路128号");
        }
        assertThat(decide(member.build()).kind()).isEqualTo(i == 0 ? Kind.NEW : Kind.CLUSTERED);
      }
    }

    @Test
    @DisplayName("with a name that only reads like the group's is another shop, not a member")
    void otherShop() {
      hulistorm();
      DedupRecord tongan = prepaidMember(3, 4).merchant("星动健身").address("同安区环城西路218号").build();
      assertThat(decide(tongan).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("is not pulled into the group by a later member who gives no district")
    void notPulledIn() {
      hulistorm();
      DedupRecord tongan = prepaidMember(3, 4).merchant("星动健身").address("同安区环城西路218号").build();
      decide(tongan);
      DedupVerdict later = decide(prepaidMember(4, 5).build());
      assertThat(later.kind()).isEqualTo(Kind.CLUSTERED);
      assertThat(later.joinedWith()).doesNotContain(tongan.id());
      assertThat(later.clusterSize()).isEqualTo(4);
    }

    @Test
    @DisplayName("under the group's own name is a branch of one chain, and joins")
    void chainBranch() {
      hulistorm();
      DedupRecord jimei = prepaidMember(3, 4).merchant("型动健身（集美店）").address("集美区杏林湾路").build();
      assertThat(decide(jimei).kind()).isEqualTo(Kind.CLUSTERED);
    }

    @Test
    @DisplayName("joins a chain's group with a member in its district, whatever order they came in")
    void chainInEitherOrder() {
      for (boolean jimeiLast : new boolean[] {false, true}) {
        BlockState s = new BlockState();
        DedupRecord huli = prepaidMember(0, 0).address("湖里区金湖路128号").build();
        DedupRecord jimei = prepaidMember(1, 1).merchant("型动健身（集美店）").address("集美区杏林湾路").build();
        s.decide(fingerprinter.fingerprint(jimeiLast ? huli : jimei), options);
        s.decide(fingerprinter.fingerprint(jimeiLast ? jimei : huli), options);
        s.decide(fingerprinter.fingerprint(prepaidMember(2, 2).build()), options);
        DedupRecord newcomer = prepaidMember(3, 4).merchant("星动健身").address("湖里区金湖路200号").build();
        assertThat(s.decide(fingerprinter.fingerprint(newcomer), options).kind())
            .as("集美 member last: %s", jimeiLast)
            .isEqualTo(Kind.CLUSTERED);
      }
    }

    @Test
    @DisplayName("does not found a group with a loose filing of another shop in another district")
    void loosePeer() {
      decide(prepaidMember(0, 0).merchant("星动健身").address("同安区环城西路218号").build());
      assertThat(decide(prepaidMember(1, 1).address("湖里区金湖路128号").build()).kind())
          .isEqualTo(Kind.NEW);
      assertThat(decide(prepaidMember(2, 2).build()).kind())
          .as("a filing that gives no district still pairs")
          .isEqualTo(Kind.CLUSTERED);
    }

    @Test
    @DisplayName("does not merge two shops' groups through a newcomer that gives no district")
    void noMergeAcrossDistricts() {
      decide(prepaidMember(0, 0).address("湖里区金湖路128号").build());
      decide(prepaidMember(1, 1).address("湖里区金湖路128号").build());
      decide(prepaidMember(2, 2).merchant("星动健身").address("同安区环城西路218号").build());
      DedupVerdict tongan =
          decide(prepaidMember(3, 3).merchant("星动健身").address("同安区环城西路218号").build());
      assertThat(tongan.kind()).isEqualTo(Kind.CLUSTERED);
      assertThat(tongan.clusterSize()).as("the 同安 shop's own group").isEqualTo(2);
      DedupVerdict newcomer = decide(prepaidMember(4, 5).build());
      assertThat(newcomer.kind()).isEqualTo(Kind.CLUSTERED);
      assertThat(newcomer.clusterSize()).as("one shop's group, not both").isEqualTo(3);
    }

    @Test
    @DisplayName(
        "under the group's own name is another shop when the grievance is bound to one site"
            + " (food that made people ill at one branch)")
    void siteBound() {
      Fingerprinter bound =
          new Fingerprinter(
              TestRecords.SECRET,
              TestCity.XIAMEN,
              MerchantAliases.inMemory(100),
              java.util.Set.of(Grievance.of("safety")));
      for (String grievance : new String[] {"safety", "prepaid"}) {
        BlockState s = new BlockState();
        for (int i = 0; i < 3; i++) {
          s.decide(
              bound.fingerprint(
                  gymFiling(i, i).grievance(grievance).address("同安区环城西路218号").build()),
              options);
        }
        DedupRecord huli =
            gymFiling(3, 4)
                .grievance(grievance)
                .merchant("型动健身（湖里店）")
                .address("湖里区金湖路128号")
                .build();
        assertThat(s.decide(bound.fingerprint(huli), options).kind())
            .as(grievance)
            .isEqualTo(grievance.equals("safety") ? Kind.NEW : Kind.CLUSTERED);
      }
    }

    @Test
    @DisplayName("is a member when its filing says no district")
    void unknownDistrict() {
      hulistorm();
      assertThat(decide(prepaidMember(3, 4).merchant("星动健身").build()).kind())
          .isEqualTo(Kind.CLUSTERED);
    }
  }

  @Nested
  @DisplayName("the same complainant")
  class SameComplainant {
    @Test
    @DisplayName(
        "filing the same matter again through another channel is a duplicate of the original")
    void refiling() {
      DedupRecord original = TestRecords.complaint().build();
      assertThat(decide(original).kind()).isEqualTo(Kind.NEW);
      DedupVerdict v =
          decide(
              TestRecords.complaint()
                  .phone("+86 139-5000-1234")
                  .merchant("厦门鹭江海鲜大排档有限公司")
                  .content("我１０月２号晚上在鹭江海鲜大排档吃海鲜，螃蟹按两计价却故意说成按斤，账单高得离谱！花了１３００块，要求退款！")
                  .amount(null)
                  .occurredOn(null)
                  .at(TestRecords.T0.plus(Duration.ofDays(2)))
                  .build());
      assertThat(v.kind()).isEqualTo(Kind.DUPLICATE);
      assertThat(v.duplicateOf()).isEqualTo(original.id());
      assertThat(state.size()).as("a duplicate is not held").isEqualTo(1);
    }

    @Test
    @DisplayName("with a rounded or missing amount is still a duplicate")
    void roundedAmount() {
      DedupRecord original = TestRecords.complaint().build();
      decide(original);
      assertThat(decide(TestRecords.complaint().amount("1300").build()).duplicateOf())
          .isEqualTo(original.id());
      assertThat(decide(TestRecords.complaint().amount("1000").build()).duplicateOf())
          .isEqualTo(original.id());
    }

    @Test
    @DisplayName("about other goods, facts and amount at the same merchant is a new matter")
    void otherMatter() {
      decide(TestRecords.complaint().build());
      DedupVerdict v =
          decide(
              TestRecords.complaint()
                  .content("来电人反映：其10月9日在鹭江海鲜大排档吃饭，吃了海鲜粥后上吐下泻，去医院挂了急诊。要求赔偿医药费。")
                  .amount("380")
                  .occurredOn(LocalDate.of(2025, 10, 9))
                  .at(TestRecords.T0.plus(Duration.ofDays(8)))
                  .build());
      assertThat(v.kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("with the same words but another amount is a new matter")
    void otherAmount() {
      decide(TestRecords.complaint().build());
      assertThat(decide(TestRecords.complaint().amount("380").build()).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("is a duplicate within 30 days of received_at, not after")
    void duplicateWindow() {
      DedupRecord original = TestRecords.complaint().build();
      decide(original);
      assertThat(
              decide(TestRecords.complaint().at(TestRecords.T0.plus(Duration.ofDays(29))).build())
                  .kind())
          .isEqualTo(Kind.DUPLICATE);
      BlockState fresh = new BlockState();
      fresh.decide(fingerprinter.fingerprint(TestRecords.complaint().build()), options);
      Fingerprint late =
          fingerprinter.fingerprint(
              TestRecords.complaint().at(TestRecords.T0.plus(Duration.ofDays(31))).build());
      assertThat(fresh.decide(late, options).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName(
        "filing again into the group complaint their own filing is in is a duplicate of it")
    void againIntoTheirGroup() {
      DedupRecord[] members = new DedupRecord[3];
      for (int i = 0; i < members.length; i++) {
        members[i] = prepaidMember(i, i).build();
        decide(members[i]);
      }
      TestRecords terse =
          prepaidMember(1, 30).content("来电人称型动健身跑路了，卡里的钱退不出来。").amount(null).occurredOn(null);

      DedupVerdict again = decide(terse.build());

      assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
      assertThat(again.duplicateOf()).isEqualTo(members[1].id());
      DedupVerdict otherCard =
          decide(prepaidMember(1, 31).content("我另外给女儿办的游泳卡也退不了。").amount("300").build());
      assertThat(otherCard.kind()).as("another purchase, another amount").isEqualTo(Kind.CLUSTERED);
      DedupVerdict part =
          decide(
              prepaidMember(2, 32).content("来电人称型动健身关门，私教课还剩六节共780元没上，诉求退款。").amount(null).build());
      assertThat(part.kind())
          .as("an amount the text states (what is left) is no other purchase (set W)")
          .isEqualTo(Kind.DUPLICATE);
      assertThat(part.duplicateOf()).isEqualTo(members[2].id());
      DedupVerdict daughters =
          decide(prepaidMember(0, 33).content("我另外给女儿办的游泳卡也退不了，卡里还有300元。").amount(null).build());
      assertThat(daughters.kind())
          .as("another purchase the text tells of, its amount only in the words (second review)")
          .isEqualTo(Kind.CLUSTERED);
    }

    @Test
    @DisplayName("is a duplicate of the earliest original the index holds")
    void earliest() {
      DedupRecord first = TestRecords.complaint().build();
      DedupRecord second = TestRecords.complaint().at(TestRecords.T0.plusSeconds(60)).build();
      state.restore(fingerprinter.fingerprint(second), null, 0);
      state.restore(fingerprinter.fingerprint(first), null, 0);
      assertThat(
              decide(TestRecords.complaint().at(TestRecords.T0.plusSeconds(120)).build())
                  .duplicateOf())
          .isEqualTo(first.id());
    }
  }

  @Nested
  @DisplayName("no duplicate across complainants")
  class NeverMerged {
    @Test
    @DisplayName("an anonymous filing is never a duplicate, even word for word")
    void anonymous() {
      decide(TestRecords.complaint().phone(null).build());
      assertThat(decide(TestRecords.complaint().phone(null).build()).kind())
          .isNotEqualTo(Kind.DUPLICATE);
    }

    @Test
    @DisplayName("two people sharing a phone but not an ID number are not duplicates")
    void sharedPhone() {
      decide(TestRecords.complaint().idNumber("11010519491231002X").build());
      DedupVerdict v = decide(TestRecords.complaint().idNumber("110105200001010016").build());
      assertThat(v.kind()).isNotEqualTo(Kind.DUPLICATE);
    }

    @Test
    @DisplayName("another complainant's identical filing joins a group instead")
    void otherPerson() {
      DedupRecord first = TestRecords.complaint().build();
      decide(first);
      DedupVerdict v = decide(TestRecords.complaint().phone("13800001111").build());
      assertThat(v.kind()).isEqualTo(Kind.CLUSTERED);
      assertThat(v.joinedWith()).containsExactly(first.id());
    }
  }

  @Nested
  @DisplayName("group complaints")
  class Groups {
    @Test
    @DisplayName("form, grow, and escalate exactly when they reach 5")
    void storm() {
      List<DedupVerdict> verdicts = new ArrayList<>();
      List<DedupRecord> members = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        members.add(gymMember(i, i));
        verdicts.add(decide(members.get(i)));
      }
      assertThat(verdicts.get(0).kind()).isEqualTo(Kind.NEW);
      assertThat(verdicts.get(1).kind()).isEqualTo(Kind.CLUSTERED);
      assertThat(verdicts.get(1).joinedWith()).containsExactly(members.get(0).id());
      UUID group = verdicts.get(1).clusterId();
      for (int i = 1; i < 7; i++) {
        DedupVerdict v = verdicts.get(i);
        assertThat(v.clusterId()).as("member %d", i).isEqualTo(group);
        assertThat(v.clusterSize()).isEqualTo(i + 1);
        assertThat(v.escalated()).isEqualTo(i + 1 == 5);
      }
      assertThat(verdicts.subList(2, 7)).allMatch(v -> v.joinedWith().isEmpty());
      assertThat(state.groupSize(group)).isEqualTo(7);
    }

    @Test
    @DisplayName("only gather filings within 7 days of each other")
    void clusterWindow() {
      decide(gymMember(0, 0));
      DedupRecord late = gymMember(1, 8 * 24);
      assertThat(decide(late).kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("do not take in another matter at the same merchant")
    void otherMatter() {
      for (int i = 0; i < 4; i++) {
        decide(gymMember(i, i));
      }
      DedupVerdict v =
          decide(
              TestRecords.complaint()
                  .phone("13700001111")
                  .merchant("型动健身")
                  .content("来电人反映：其10月19日在型动健身上私教课，跑步机突然加速，摔倒受伤。要求赔偿医药费。")
                  .amount("300")
                  .occurredOn(CLOSED.minusDays(1))
                  .at(TestRecords.T0.plus(Duration.ofHours(5)))
                  .build());
      assertThat(v.kind()).isEqualTo(Kind.NEW);
    }

    @Test
    @DisplayName("are rebuilt with their stored size, and escalate from there")
    void restore() {
      UUID group = UUID.randomUUID();
      state.restore(fingerprinter.fingerprint(gymMember(0, 0)), group, 4);
      DedupVerdict v = decide(gymMember(1, 1));
      assertThat(v.clusterId()).isEqualTo(group);
      assertThat(v.clusterSize()).isEqualTo(5);
      assertThat(v.escalated()).isTrue();
    }
  }

  @Nested
  @DisplayName("housekeeping")
  class Housekeeping {
    @Test
    @DisplayName("forgetting an uncommitted record removes it, and the group it founded")
    void forget() {
      DedupRecord first = gymMember(0, 0);
      decide(first);
      DedupRecord second = gymMember(1, 1);
      UUID group = decide(second).clusterId();
      state.forget(second.id());
      assertThat(state.size()).isEqualTo(1);
      assertThat(state.groupSize(group)).isZero();
      DedupVerdict again = decide(gymMember(2, 2));
      assertThat(again.joinedWith()).containsExactly(first.id());
      state.forget(first.id());
      state.forget(UUID.randomUUID());
      assertThat(state.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("drops entries older than the retention window, measured from the newest")
    void prune() {
      decide(TestRecords.complaint().build());
      decide(gymMember(1, 24));
      state.prune(TestRecords.T0.plus(Duration.ofDays(30)).getEpochSecond() + 3600, options);
      assertThat(state.size()).isEqualTo(1);
      decide(gymMember(2, 24 * 62));
      assertThat(state.size()).as("a decision prunes by the newest received_at").isEqualTo(1);
    }

    @Test
    @DisplayName(
        "deciding a record it already holds (a processor run again) answers its verdict, never"
            + " a duplicate of itself")
    void decidingTwice() {
      Fingerprint first = fingerprinter.fingerprint(gymMember(0, 0));
      Fingerprint second = fingerprinter.fingerprint(gymMember(1, 1));
      assertThat(state.decide(first, options).kind()).isEqualTo(Kind.NEW);
      assertThat(state.decide(first, options)).isEqualTo(DedupVerdict.fresh());
      DedupVerdict grouped = state.decide(second, options);
      assertThat(grouped.kind()).isEqualTo(Kind.CLUSTERED);
      DedupVerdict again = state.decide(second, options);
      assertThat(again.kind()).isEqualTo(Kind.CLUSTERED);
      assertThat(again.clusterId()).isEqualTo(grouped.clusterId());
      assertThat(again.clusterSize()).isEqualTo(2);
      assertThat(state.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("refuses a state written in another format")
    void otherFormat() {
      byte[] other = {0, 0, 0, 1, 0, 0, 0, 0};
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> BlockState.readFrom(new DataInputStream(new ByteArrayInputStream(other))))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("format 1");
    }

    @Test
    @DisplayName(
        "reads a state of format 2, written before places, with every place unknown (its rows'"
            + " high half was the grievance key's sign)")
    void formatTwo() throws Exception {
      assertThat(Grievance.of("not_performed").key()).as("a negative key").isNegative();
      for (int i = 0; i < 3; i++) {
        decide(gymFiling(i, i).grievance("not_performed").build());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        state.writeTo(out);
      }
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes.toByteArray());
      buf.putInt(0, 2);
      int rows = 4 + 4 + 8 + 8;
      for (int r = 0; r < state.size(); r++) {
        int at = rows + 8 * (r * Rows.STRIDE + Rows.GRIEVANCE);
        buf.putLong(at, (int) buf.getLong(at)); // the old writer's sign-extended grievance key
      }
      BlockState old =
          BlockState.readFrom(new DataInputStream(new ByteArrayInputStream(buf.array())));
      DedupRecord placed = gymFiling(3, 3).grievance("not_performed").address("湖里区金湖路128号").build();
      assertThat(old.decide(fingerprinter.fingerprint(placed), options).kind())
          .isEqualTo(Kind.CLUSTERED);
    }

    @Test
    @DisplayName("serialises and deserialises to the same decisions")
    void serialisable() throws Exception {
      for (int i = 0; i < 3; i++) {
        decide(gymMember(i, i));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        state.writeTo(out);
      }
      BlockState copy;
      try (DataInputStream in =
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = BlockState.readFrom(in);
      }
      Fingerprint next = fingerprinter.fingerprint(gymMember(3, 3));
      assertThat(copy.decide(next, options)).isEqualTo(state.decide(next, options));
      assertThat(copy.size()).isEqualTo(4);
      assertThat(copy.toString()).doesNotContain("型动");
    }

    @Test
    @DisplayName("holds nothing for a record with neither merchant nor identity")
    void unindexable() {
      DedupVerdict v = decide(TestRecords.complaint().merchant(null).phone(null).build());
      assertThat(v).isEqualTo(DedupVerdict.fresh());
      assertThat(state.size()).isZero();
    }
  }
}
