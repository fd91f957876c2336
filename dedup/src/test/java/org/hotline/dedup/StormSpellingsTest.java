package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Grievance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RecentFilings: a storm's members under other spellings of the shop")
class StormSpellingsTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final DedupOptions options = DedupOptions.defaults();
  private final InMemoryDedupIndex index = new InMemoryDedupIndex(options);
  private final RecentFilings recent = new RecentFilings(options);

  private RecentFilings.Decided decide(TestRecords r) {
    return recent.decide(index, fingerprinter.fingerprint(r.build())).toCompletableFuture().join();
  }

  /** {@code then} decided in a fresh memory and index that hold {@code first} alone. */
  private RecentFilings.Decided afterOnly(TestRecords first, TestRecords then) {
    InMemoryDedupIndex fresh = new InMemoryDedupIndex(options);
    RecentFilings memory = new RecentFilings(options);
    memory.decide(fresh, fingerprinter.fingerprint(first.build()));
    return memory
        .decide(fresh, fingerprinter.fingerprint(then.build()))
        .toCompletableFuture()
        .join();
  }

  private String ownKey(TestRecords r) {
    return fingerprinter.fingerprint(r.build()).blockingKey();
  }

  /** The first of a Golden Week storm: a seafood stall's price trick, under its full sign. */
  private static TestRecords first() {
    return TestRecords.complaint()
        .phone("13950001001")
        .merchant("阿海海鲜大排档")
        .content("来电人反映：在阿海海鲜大排档吃饭，菜单上写的是按份，结账按斤算，多收了钱。")
        .amount("1280")
        .occurredOn(LocalDate.of(2025, 10, 1))
        .grievance("price");
  }

  /** Another diner the next day, in words of their own, under the short name. */
  private static TestRecords another() {
    return TestRecords.complaint()
        .phone("13950002002")
        .merchant("阿海海鲜")
        .content("国庆去曾厝垵吃海鲜被宰了！点了几个菜九百多块，老板说牌子上是一两的价。")
        .amount("986")
        .occurredOn(LocalDate.of(2025, 10, 2))
        .grievance("price")
        .at(TestRecords.T0.plus(Duration.ofDays(1)));
  }

  @Test
  @DisplayName("joins the group under the first spelling's key, and the decision carries that key")
  void joins() {
    assertThat(ownKey(another())).isNotEqualTo(ownKey(first()));
    RecentFilings.Decided a = decide(first());
    assertThat(a.verdict().kind()).isEqualTo(Kind.NEW);

    RecentFilings.Decided b = decide(another());

    assertThat(b.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(b.fingerprint().blockingKey()).isEqualTo(ownKey(first()));
    assertThat(b.fingerprint().nameKey()).as("the name it gave is kept").isEqualTo("n:阿海海鲜");
    assertThat(index.size()).as("held once, under the storm's key").isEqualTo(2);
    RecentFilings.Decided c =
        decide(another().phone("13950003003").merchant("阿海大排档").content("海鲜按两算价，坑人。"));
    assertThat(c.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(c.verdict().clusterId()).isEqualTo(b.verdict().clusterId());
  }

  @Test
  @DisplayName("a filing whose grievance was not read follows the storm's members to their key")
  void unreadFollows() {
    decide(first());
    decide(another());
    TestRecords unread =
        another().phone("13950004004").grievance("unknown").content("阿海海鲜多收钱，按斤算九百多。");

    RecentFilings.Decided d = decide(unread);

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(first()));
  }

  @Test
  @DisplayName("does not join for another grievance, person, week, shop, trade or credit code")
  void controls() {
    TestRecords[] others = {
      another().grievance("invoice"),
      another().phone("13950001001"),
      another().at(TestRecords.T0.plus(Duration.ofDays(9))).occurredOn(LocalDate.of(2025, 10, 10)),
      another().merchant("阿海烧烤"),
      another().merchant("阿海海鲜超市"),
      another().merchant("阿海海鲜").creditCode("91350203MAKE6FTUGT"),
    };
    for (TestRecords other : others) {
      RecentFilings.Decided d = afterOnly(first().creditCode("91350206MA2RADAJ6N"), other);
      assertThat(d.fingerprint().blockingKey()).as("%s", other).isEqualTo(ownKey(other));
      assertThat(d.verdict().kind()).isNotEqualTo(Kind.CLUSTERED);
    }
  }

  @Test
  @DisplayName("a filing with a credit code of its own stays out of another code's block")
  void otherCodesBlock() {
    TestRecords coded = first().creditCode("91350206MA2RADAJ6N");
    decide(coded);
    RecentFilings.Decided nameOnly =
        decide(first().phone("13950007007").content("阿海海鲜大排档按斤算价，多收了。"));
    assertThat(nameOnly.fingerprint().blockingKey())
        .as("the name alone is filed under the code it was registered with")
        .isEqualTo(ownKey(coded));
    TestRecords otherCode = another().creditCode("91350203MAKE6FTUGT");

    RecentFilings.Decided d = decide(otherCode);

    assertThat(d.fingerprint().blockingKey()).isNotEqualTo(ownKey(coded));
    assertThat(d.verdict().kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("a name with a filing of its own that week, its grievance unread, is another shop")
  void established() {
    decide(first());
    RecentFilings.Decided own =
        decide(another().phone("13950008008").grievance("unknown").content("阿海海鲜的事情要投诉。"));
    assertThat(own.fingerprint().blockingKey()).isEqualTo(ownKey(another()));

    RecentFilings.Decided d = decide(another());

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(another()));
  }

  @Test
  @DisplayName("a filing of another grievance under the name does not keep the storm's member away")
  void otherGrievanceUnderOwnName() {
    decide(first());
    RecentFilings.Decided invoice =
        decide(another().phone("13950008008").grievance("invoice").content("阿海海鲜吃饭后要发票，店家不给开。"));
    assertThat(invoice.fingerprint().blockingKey()).isEqualTo(ownKey(another()));

    RecentFilings.Decided d = decide(another());

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(first()));
    assertThat(d.verdict().kind()).isEqualTo(Kind.CLUSTERED);
  }

  @Test
  @DisplayName("a name two other people used that week, for other grievances, is another shop")
  void establishedByTwo() {
    decide(first());
    decide(another().phone("13950008008").grievance("invoice").content("阿海海鲜吃饭后要发票，店家不给开。"));
    decide(another().phone("13950009009").grievance("safety").content("在阿海海鲜吃了生蚝，回去上吐下泻。"));

    RecentFilings.Decided d = decide(another());

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(another()));
  }

  @Test
  @DisplayName(
      "a name's two other filings count only when both fall within the window, the older too")
  void establishedByTwoWithinTheWindow() {
    decide(
        another()
            .phone("13950008008")
            .grievance("invoice")
            .content("阿海海鲜吃饭后要发票，店家不给开。")
            .at(TestRecords.T0.minus(Duration.ofDays(31))));
    decide(first());
    decide(another().phone("13950009009").grievance("safety").content("在阿海海鲜吃了生蚝，回去上吐下泻。"));

    RecentFilings.Decided d = decide(another());

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(first()));
    assertThat(d.verdict().kind()).isEqualTo(Kind.CLUSTERED);
  }

  @Test
  @DisplayName("a name typed by ear (one character for another that sounds alike) joins the storm")
  void typedByEar() {
    decide(first());
    TestRecords misheard = another().merchant("阿海海鲜大排挡");
    assertThat(ownKey(misheard)).isNotEqualTo(ownKey(first()));

    RecentFilings.Decided d = decide(misheard);

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(first()));
    assertThat(d.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    // Misheard in the first two characters, by which spellings are looked up.
    RecentFilings.Decided e =
        decide(another().phone("13950005005").merchant("阿亥海鲜大排档").content("阿亥海鲜大排档按两算钱，宰客。"));
    assertThat(e.fingerprint().blockingKey()).isEqualTo(ownKey(first()));
    assertThat(e.verdict().clusterId()).isEqualTo(d.verdict().clusterId());
  }

  @Test
  @DisplayName("a shop's own name joins a storm whose first member wrote words before it")
  void wordsBefore() {
    TestRecords sign = first().merchant("渔村阿海海鲜");
    decide(sign);
    assertThat(ownKey(another())).isNotEqualTo(ownKey(sign));

    RecentFilings.Decided d = decide(another());

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(sign));
    assertThat(d.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    // Control: the same opening with another trade is another shop.
    RecentFilings.Decided e =
        decide(another().phone("13950006006").merchant("阿海烧烤").content("阿海烧烤按两算钱，宰客。"));
    assertThat(e.fingerprint().blockingKey()).isEqualTo(ownKey(another().merchant("阿海烧烤")));
  }

  @Test
  @DisplayName("a name that repeats a pair of characters counts as one filing, not two")
  void repeatedPair() {
    // 巴拉巴拉童装 opens runs of three with 巴拉 twice; kept twice in that bucket, its one filing
    // would meet the two that a three-character name needs.
    TestRecords sign = first().merchant("巴拉巴拉童装");
    decide(sign);
    TestRecords shortName = another().merchant("巴拉童");

    RecentFilings.Decided d = decide(shortName);

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(shortName));
    assertThat(d.verdict().kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("a numbered branch of a chain is another shop, not a spelling")
  void numberedBranch() {
    decide(first().merchant("阿海海鲜"));

    for (String branch : new String[] {"阿海海鲜3号店", "阿海海鲜二号店"}) {
      RecentFilings.Decided d = decide(another().merchant(branch));

      assertThat(d.fingerprint().blockingKey())
          .as(branch)
          .isEqualTo(ownKey(another().merchant(branch)));
    }
  }

  @Test
  @DisplayName("a car dealership's 4S is no branch number: 盛驰4S店 is a spelling of 盛驰丰田4S店")
  void dealershipIsNoBranch() {
    decide(first().merchant("盛驰丰田4S店"));

    RecentFilings.Decided d = decide(another().merchant("盛驰4S店"));

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(first().merchant("盛驰丰田4S店")));
    assertThat(d.verdict().kind()).isEqualTo(Kind.CLUSTERED);
  }

  @Test
  @DisplayName("a short name needs two earlier filings before it is taken for the storm's shop")
  void shortStem() {
    TestRecords stall = first().merchant("老船长海鲜").content("老船长海鲜的菜价按两算，多收了好几百。").amount("600");
    TestRecords shortName = another().merchant("老船长").content("在老船长吃饭被宰，价格牌看不清。").amount(null);
    decide(stall);
    assertThat(decide(shortName).fingerprint().blockingKey())
        .as("one filing under a like name is no storm")
        .isEqualTo(ownKey(shortName));

    InMemoryDedupIndex fresh = new InMemoryDedupIndex(options);
    RecentFilings memory = new RecentFilings(options);
    memory.decide(fresh, fingerprinter.fingerprint(stall.build()));
    memory.decide(
        fresh,
        fingerprinter.fingerprint(
            stall.phone("13950005005").content("老船长海鲜明码标价不清楚，结账贵了三倍。").build()));
    RecentFilings.Decided third =
        memory
            .decide(fresh, fingerprinter.fingerprint(shortName.build()))
            .toCompletableFuture()
            .join();

    assertThat(third.fingerprint().blockingKey()).isEqualTo(ownKey(stall));
    assertThat(third.verdict().kind()).isEqualTo(Kind.CLUSTERED);
  }

  @Test
  @DisplayName("a short name in the district of one earlier filing is taken for the storm's shop")
  void shortStemSameDistrict() {
    decide(stall("思明区曾厝垵"));

    RecentFilings.Decided d = decide(shortName("思明区曾厝垵"));

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(stall(null)));
    assertThat(d.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    RecentFilings.Decided elsewhere = afterOnly(stall("思明区曾厝垵"), shortName("湖里区江头"));
    assertThat(elsewhere.fingerprint().blockingKey())
        .as("another district: one filing is still no storm")
        .isEqualTo(ownKey(shortName(null)));
  }

  private static TestRecords stall(String address) {
    return first().merchant("老船长海鲜").address(address).content("老船长海鲜的菜价按两算，多收了好几百。").amount("600");
  }

  private static TestRecords shortName(String address) {
    return another().merchant("老船长").address(address).content("在老船长吃饭被宰，价格牌看不清。").amount(null);
  }

  @Test
  @DisplayName("a spelling alike two of the storm's keys goes where most of its members went")
  void keyOfMostMembers() {
    decide(hotpot("13950001001", "蜀渝记老火锅", "在蜀渝记老火锅吃完，半夜上吐下泻。", 0));
    decide(hotpot("13950005005", "蜀渝记火锅", "蜀渝记火锅吃坏肚子，去医院挂水。", 1));
    TestRecords registered = hotpot("13950006006", "厦门蜀渝记串串香有限公司", "其在蜀渝记串串香就餐后出现腹泻，怀疑食物中毒。", 2);
    assertThat(decide(registered).fingerprint().blockingKey())
        .as("its own name is alike neither of the others")
        .isEqualTo(ownKey(registered));

    RecentFilings.Decided d = decide(hotpot("13950007007", "蜀渝记", "吃了蜀渝记拉肚子。", 3));

    assertThat(d.fingerprint().blockingKey())
        .isEqualTo(ownKey(hotpot("13950001001", "蜀渝记老火锅", "", 0)));
  }

  @Test
  @DisplayName("the storm's main key is the one with most members, not most spellings")
  void mostMembersNotSpellings() {
    for (int i = 0; i < 6; i++) {
      decide(hotpot("1395000100" + i, "蜀渝记老火锅", "在蜀渝记老火锅吃完，半夜上吐下泻" + i + "。", i));
    }
    String[] registered = {"厦门蜀渝记串串香有限公司", "蜀渝记串串香", "蜀渝记串串香店"};
    for (int i = 0; i < registered.length; i++) {
      decide(hotpot("1395000200" + i, registered[i], "其在蜀渝记串串香就餐后出现腹泻，怀疑食物中毒。", 6 + i));
    }

    RecentFilings.Decided d = decide(hotpot("13950007007", "蜀渝记", "吃了蜀渝记拉肚子。", 10));

    assertThat(d.fingerprint().blockingKey())
        .isEqualTo(ownKey(hotpot("13950001001", "蜀渝记老火锅", "", 0)));
  }

  @Test
  @DisplayName("a filing remembered twice (a batch retried) uses its name once")
  void rememberedTwice() {
    decide(first());
    TestRecords invoice =
        another().phone("13950008008").grievance("invoice").content("阿海海鲜吃饭后要发票，店家不给开。");
    Fingerprint once = fingerprinter.fingerprint(invoice.build());
    recent.decide(index, once).toCompletableFuture().join();
    recent.remember(once);

    RecentFilings.Decided d = decide(another());

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(first()));
  }

  @Test
  @DisplayName(
      "a filing remembered again (an unlink, a replaced ghost, a batch retried) counts once toward a"
          + " short name's storm")
  void rememberedAgainCountsOnce() {
    TestRecords shortName = first().merchant("海味轩").content("海味轩吃海鲜，菜单只写时价，结账多收。").amount(null);
    Fingerprint once = fingerprinter.fingerprint(shortName.build());
    recent.decide(index, once).toCompletableFuture().join();
    recent.remember(once);
    TestRecords longer = another().merchant("海味轩海鲜").content("海味轩海鲜大排档时价海鲜结账时多收了两百多。");

    assertThat(decide(longer).fingerprint().blockingKey())
        .as("one filing under a three-character name is no storm to follow")
        .isEqualTo(ownKey(longer));

    decide(shortName.phone("13950009009").content("在海味轩吃饭被多收钱，时价不标。"));
    assertThat(decide(longer.phone("13950004004").merchant("海味轩大排档")).fingerprint().blockingKey())
        .as("control: two people's filings under it are")
        .isEqualTo(ownKey(shortName));
  }

  private static TestRecords hotpot(String phone, String name, String content, int hours) {
    return first()
        .phone(phone)
        .merchant(name)
        .address("集美区杏林湾路")
        .grievance("safety")
        .content(content)
        .amount(null)
        .at(TestRecords.T0.plus(Duration.ofHours(hours)));
  }

  /**
   * A seafood restaurant's price storm whose two other members wrote the short name {@code 海味轩},
   * all in 思明 (so the short name joins on one filing); the storm's first filing.
   */
  private TestRecords seafoodStormWithShortSpellings() {
    TestRecords stall =
        first()
            .merchant("海味轩海鲜大排档")
            .address("思明区曾厝垵")
            .content("海味轩海鲜大排档菜单只写时价，结账多收。")
            .amount("2360");
    decide(stall);
    for (String phone : new String[] {"13950005005", "13950006006"}) {
      RecentFilings.Decided member =
          decide(
              another().phone(phone).merchant("海味轩").address("思明区曾厝垵").content("海味轩吃海鲜被宰，没有价目表。"));
      assertThat(member.fingerprint().blockingKey()).isEqualTo(ownKey(stall));
    }
    return stall;
  }

  @Test
  @DisplayName("a name that adds another trade to a storm's short spelling is another shop")
  void anotherTradeOnAShortSpelling() {
    seafoodStormWithShortSpellings();
    TestRecords dried =
        another()
            .phone("13950007007")
            .merchant("海味轩干货")
            .address("思明区中山路")
            .content("海味轩干货店鱿鱼干价签写58，结账按158算。");

    RecentFilings.Decided d = decide(dried);

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(dried));
  }

  @Test
  @DisplayName(
      "a registered name with its credit code may add its trade words to the short spelling")
  void registeredNameOnAShortSpelling() {
    TestRecords stall = seafoodStormWithShortSpellings();

    RecentFilings.Decided registered =
        decide(
            another()
                .phone("13950008008")
                .merchant("厦门海味轩餐饮有限公司")
                .creditCode("91350203MAKE6FTUGT")
                .address("思明区曾厝垵")
                .content("在海味轩海鲜大排档消费，海鲜按时价结算未告知。"));

    assertThat(registered.fingerprint().blockingKey()).isEqualTo(ownKey(stall));
  }

  @Test
  @DisplayName("a three-character name's two earlier filings must both fall within its week")
  void twoWithinTheWeek() {
    TestRecords stall = first().merchant("老船长海鲜").content("老船长海鲜的菜价按两算，多收了好几百。").amount("600");
    decide(stall);
    decide(
        stall
            .phone("13950005005")
            .content("老船长海鲜明码标价不清楚，结账贵了三倍。")
            .at(TestRecords.T0.plus(Duration.ofDays(6))));
    TestRecords shortName =
        another()
            .merchant("老船长")
            .content("在老船长吃饭被宰，价格牌看不清。")
            .amount(null)
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(12)));

    RecentFilings.Decided d = decide(shortName);

    assertThat(d.fingerprint().blockingKey()).isEqualTo(ownKey(shortName));
  }

  @Test
  @DisplayName(
      "a member who writes the brand with another word for its trade joins the storm; two trades"
          + " of one kind under one brand do not")
  void brandWithAnotherTradeWord() {
    assertThat(ownKey(registered("厦门启航教育培训学校有限公司"))).isNotEqualTo(ownKey(school("启航英语")));
    RecentFilings.Decided a = decide(school("启航英语"));
    RecentFilings.Decided b = decide(registered("厦门启航教育培训学校有限公司"));
    assertThat(b.fingerprint().blockingKey()).isEqualTo(ownKey(school("启航英语")));
    assertThat(b.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(b.verdict().joinedWith()).contains(a.fingerprint().id());

    RecentFilings.Decided art = afterOnly(school("金鹭英语培训"), registered("金鹭美术培训"));
    assertThat(art.verdict().kind()).as("another school of the same brand").isEqualTo(Kind.NEW);
  }

  /** A school that closed holding its pupils' fees, in a call centre's summary. */
  private static TestRecords school(String name) {
    return TestRecords.complaint()
        .phone("13950001001")
        .merchant(name)
        .address("同安区祥平街道")
        .content("来电人反映为孩子在祥平" + name + "报读课程，预付学费后机构突然停课，负责人失联，诉求退还剩余学费。")
        .amount(null)
        .occurredOn(LocalDate.of(2025, 10, 1))
        .grievance("prepaid");
  }

  /** Another parent the next day, in words of their own, under another name. */
  private static TestRecords registered(String name) {
    return school(name)
        .phone("13950002002")
        .content("孩子在这里学了一年，九月又续了两年的课，一万多块。昨天群里通知暂停上课，今天去已经人去楼空。")
        .at(TestRecords.T0.plus(Duration.ofDays(1)));
  }

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
    "阿海海鲜, 阿海海鲜大排档, true",
    "阿海大排档, 阿海海鲜大排档, true",
    "海韵酒店, 海韵观海酒店, true",
    "鹭游旅行社, 鹭游国际旅行社, true",
    "金海岸超市, 金海岸海鲜, false",
    "阿海海鲜, 阿海烧烤, false",
    "力健, 力健健身, false",
    "动力湃健身, 动力派健身, true",
    "路风旅行社, 鹭风国际旅行社, true",
    "启明心英语, 启明星少儿英语, true",
    "蓝海海鲜酒楼, 南海海鲜酒楼, false",
    "海景酒店, 海悦酒店, false",
    "路风旅行舍, 鹭风旅行社, false",
    "启航英语, 启航教育培训学校, true",
    "海韵私房菜, 海韵酒楼, true",
    "金鹭英语培训, 金鹭美术培训, false",
  })
  void spellingsAlike(String a, String b, boolean alike) {
    assertThat(RecentFilings.spellingsAlike(a, b)).isEqualTo(alike);
    assertThat(RecentFilings.spellingsAlike(b, a)).isEqualTo(alike);
  }

  @Test
  @DisplayName(
      "a closed gym's member who gives the day they bought the card, a month before the others'"
          + " day, follows the storm's spelling (力动健身房 beside 力动健身, set V); a grievance whose"
          + " dates say which matter keeps them apart")
  void oneMatterMemberWithThePurchaseDate() {
    DedupOptions prepaid =
        DedupOptions.defaults().withOneMatter(java.util.List.of(Grievance.of("prepaid")));
    TestRecords closed =
        TestRecords.complaint()
            .phone("13950003003")
            .merchant("力动健身")
            .address("同安区祥平街道")
            .content("来电人反映其在同安力动健身办理的年卡仅使用一个月，健身房已停业，诉求退还剩余费用。")
            .amount("2888")
            .occurredOn(LocalDate.of(2025, 3, 8))
            .grievance("prepaid");
    TestRecords bought =
        TestRecords.complaint()
            .phone("13950004004")
            .merchant("力动健身房")
            .address("厦门市同安区祥平街道")
            .content("正月初十在力动健身办了卡还买了私教课，一共花了8600，上周去门口贴了停业通知，教练全都联系不上。")
            .amount("8600")
            .occurredOn(LocalDate.of(2025, 2, 7))
            .grievance("prepaid")
            .at(TestRecords.T0.plus(Duration.ofHours(8)));
    InMemoryDedupIndex fresh = new InMemoryDedupIndex(prepaid);
    RecentFilings memory = new RecentFilings(prepaid);
    memory.decide(fresh, fingerprinter.fingerprint(closed.build())).toCompletableFuture().join();

    RecentFilings.Decided member =
        memory
            .decide(fresh, fingerprinter.fingerprint(bought.build()))
            .toCompletableFuture()
            .join();

    assertThat(member.fingerprint().blockingKey()).isEqualTo(ownKey(closed));
    assertThat(member.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(
            afterOnly(closed.grievance("quality_return"), bought.grievance("quality_return"))
                .fingerprint()
                .blockingKey())
        .as("control: a grievance whose dates tell matters apart")
        .isEqualTo(ownKey(bought));
  }

  @Test
  @DisplayName(
      "a member under the registered name with the storm's credit code joins, though the alias"
          + " table keys that name by another member's short name (set W's 揽月民宿)")
  void registeredNameWithTheStormsCode() {
    String code = "91350203MAX76G9RNX";
    TestRecords sign =
        TestRecords.complaint()
            .phone("13906003001")
            .merchant("揽月海景民宿")
            .creditCode(code)
            .address("厦门市思明区环岛南路曾厝垵段3088号")
            .content("端午订了揽月海景民宿两晚，提前一个月付了1360元，到了前台说房间满了没有房，钱说过几天退，到现在也没退。")
            .amount("1360")
            .occurredOn(LocalDate.of(2026, 6, 18))
            .grievance("not_performed");
    TestRecords shortName =
        TestRecords.complaint()
            .phone("13906003002")
            .merchant("揽月民宿")
            .address("环岛南路曾厝垵")
            .content("来电人反映其预订的曾厝垵一民宿端午入住，已付房费，到店后被告知无房，商家未安排入住，诉求退款并赔偿。")
            .amount("980")
            .occurredOn(LocalDate.of(2026, 6, 18))
            .grievance("not_performed")
            .at(TestRecords.T0.plus(Duration.ofHours(12)));
    TestRecords registered =
        TestRecords.complaint()
            .phone("13906003003")
            .merchant("厦门揽月民宿管理有限公司")
            .creditCode(code)
            .address("思明区环岛南路3088号")
            .content("游客反映：其通过网络平台预订厦门揽月民宿管理有限公司经营的民宿，已支付房费，入住当日商家以超订为由拒绝安排入住。")
            .amount("1560")
            .occurredOn(LocalDate.of(2026, 6, 19))
            .grievance("not_performed")
            .at(TestRecords.T0.plus(Duration.ofHours(13)));
    RecentFilings.Decided a = decide(sign);
    RecentFilings.Decided b = decide(shortName);
    assertThat(b.verdict().kind()).isEqualTo(Kind.CLUSTERED);

    RecentFilings.Decided c = decide(registered);

    assertThat(c.fingerprint().blockingKey()).isEqualTo(a.fingerprint().blockingKey());
    assertThat(c.verdict().clusterId()).isEqualTo(b.verdict().clusterId());
    assertThat(c.verdict().clusterSize()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "a two-character sign (铁馆) follows the storm of the name it opens (铁馆健身) in one district,"
          + " once two of the storm filed there; not with one, nor in another district")
  void twoCharacterSign() {
    TestRecords[] storm = new TestRecords[2];
    for (int i = 0; i < storm.length; i++) {
      storm[i] =
          TestRecords.complaint()
              .phone("1395006000" + i)
              .merchant("铁馆健身")
              .address("集美区银江路")
              .content("铁馆健身突然关门，老板联系不上，我办的年卡还有大半年没用，要求退钱。")
              .amount(Integer.toString(2000 + 300 * i))
              .occurredOn(LocalDate.of(2025, 8, 1))
              .grievance("prepaid")
              .at(TestRecords.T0.plus(Duration.ofHours(i)));
    }
    TestRecords sign =
        TestRecords.complaint()
            .phone("13950069999")
            .merchant("铁馆")
            .address("集美区银江路")
            .content("来电人反映铁馆健身房停业，会员卡余额无法退还，诉求退款。")
            .amount("1500")
            .occurredOn(LocalDate.of(2025, 8, 2))
            .grievance("prepaid")
            .at(TestRecords.T0.plus(Duration.ofHours(5)));
    assertThat(afterOnly(storm[0], sign).fingerprint().blockingKey())
        .as("one filing of the storm is not enough for two characters")
        .isEqualTo(ownKey(sign));
    decide(storm[0]);
    decide(storm[1]);

    RecentFilings.Decided member = decide(sign);

    assertThat(member.fingerprint().blockingKey()).isEqualTo(ownKey(storm[0]));
    assertThat(member.verdict().kind()).isEqualTo(Kind.CLUSTERED);
  }

  @Test
  @DisplayName(
      "a two-character sign with no address (力美) follows a storm of three under the name it opens"
          + " (力美健身); not one of two, nor a storm placed in another district than its own")
  void twoCharacterSignWithoutAPlace() {
    TestRecords[] storm = new TestRecords[3];
    for (int i = 0; i < storm.length; i++) {
      storm[i] =
          TestRecords.complaint()
              .phone("1395007000" + i)
              .merchant("力美健身")
              .address(i == 1 ? null : "湖里区江头北路")
              .content("力美健身突然关门，老板联系不上，我办的年卡还有大半年没用，要求退钱。")
              .amount(Integer.toString(2000 + 300 * i))
              .occurredOn(null)
              .grievance("prepaid")
              .at(TestRecords.T0.plus(Duration.ofHours(i)));
    }
    TestRecords sign =
        TestRecords.complaint()
            .phone("13950079999")
            .merchant("力美")
            .content("来电人反映力美健身房停业，会员卡余额无法退还，诉求退款。")
            .amount("1500")
            .occurredOn(null)
            .grievance("prepaid")
            .at(TestRecords.T0.plus(Duration.ofHours(5)));
    assertThat(judgedAfter(2, storm, sign.build()).fingerprint().blockingKey())
        .as("a storm of two is not enough for a sign of two characters placed nowhere")
        .isEqualTo(ownKey(sign));
    DedupRecord elsewhere = sign.phone("13950078888").address("思明区中山路").build();
    assertThat(judgedAfter(3, storm, elsewhere).fingerprint().blockingKey())
        .as("placed in another district than the storm's: another shop")
        .isEqualTo(fingerprinter.fingerprint(elsewhere).blockingKey());
    for (TestRecords m : storm) {
      decide(m);
    }

    RecentFilings.Decided member = decide(sign.phone("13950079999").address(null));

    assertThat(member.fingerprint().blockingKey()).isEqualTo(ownKey(storm[0]));
    assertThat(member.verdict().kind()).isEqualTo(Kind.CLUSTERED);
  }

  /**
   * {@code then} decided in a fresh memory and index after the first {@code n} of {@code storm}.
   */
  private RecentFilings.Decided judgedAfter(int n, TestRecords[] storm, DedupRecord then) {
    InMemoryDedupIndex fresh = new InMemoryDedupIndex(options);
    RecentFilings memory = new RecentFilings(options);
    for (int i = 0; i < n; i++) {
      memory
          .decide(fresh, fingerprinter.fingerprint(storm[i].build()))
          .toCompletableFuture()
          .join();
    }
    return memory.decide(fresh, fingerprinter.fingerprint(then)).toCompletableFuture().join();
  }

  /** A hotpot restaurant's food poisoning, the n-th diner, named and placed in 江头 (湖里). */
  private static TestRecords hotpot(int n) {
    return TestRecords.complaint()
        .phone("1395010" + String.format("%04d", n))
        .merchant(n % 2 == 0 ? "川渝老灶火锅" : "川渝老灶火锅（江头店）")
        .address("湖里区江头北路116号")
        .content("在川渝老灶火锅吃完饭当晚上吐下泻，去医院说是急性肠胃炎，怀疑食材不新鲜，要求赔偿医药费。")
        .occurredOn(LocalDate.of(2025, 10, 1))
        .grievance("safety")
        .at(TestRecords.T0.plus(Duration.ofHours(n)));
  }

  /** The call centre's summary of another diner's call: the shop described by place and kind. */
  private static TestRecords describedHotpot() {
    return TestRecords.complaint()
        .phone("13950109999")
        .merchant("湖里江头那家川渝火锅")
        .content("来电人反映在江头一家火锅店就餐后腹泻，诉求赔偿。")
        .occurredOn(null)
        .grievance("safety")
        .at(TestRecords.T0.plus(Duration.ofHours(10)));
  }

  private Kind afterStorm(int members, TestRecords then) {
    return afterMembers(members, StormSpellingsTest::hotpot, then);
  }

  @Test
  @DisplayName(
      "a storm member's filing that only describes the shop by a place and a kind (湖里江头那家川渝火锅)"
          + " joins the one storm of its grievance in the district whose name holds the kind"
          + " (DescribedStormTest: not when two storms there do); a kind the storm's name does not"
          + " hold stays")
  void describedMemberJoinsTheOneStorm() {
    assertThat(afterStorm(3, describedHotpot())).isEqualTo(Kind.CLUSTERED);
    // Until 2026-12-07 (the forty-first session) such a filing stayed under its own key, after a
    // review's probe of a hotpot at 五缘湾 beside the 江头 storm: nothing in it tells the storm's shop
    // from another of its kind in the district. Joining the one storm of its kind there found 135
    // more right group pairs on the labelled sets (set BA: 12345's orders in eight of nine storms)
    // and no false one; the probe's risk is taken, and two storms of the kind keep it apart.
    assertThat(afterStorm(3, describedHotpot().merchant("湖里五缘湾一家火锅店"))).isEqualTo(Kind.CLUSTERED);
    assertThat(afterStorm(3, describedHotpot().merchant("湖里江头一家奶茶店"))).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName(
      "a storm member's filing that describes the shop, then names it by the brand the storm's sign"
          + " opens with (湖里江头那家川渝老灶), joins the storm; a brand of two characters does not")
  void describedBrandJoins() {
    assertThat(afterStorm(3, describedHotpot().merchant("湖里江头那家川渝老灶"))).isEqualTo(Kind.CLUSTERED);
    assertThat(afterStorm(3, describedHotpot().merchant("江头那家川渝老灶火锅店"))).isEqualTo(Kind.CLUSTERED);
    assertThat(afterStorm(3, describedHotpot().merchant("江头那家川渝"))).isEqualTo(Kind.NEW);
  }

  /** A yoga studio's closing, the n-th member, under its sign. */
  private static TestRecords yoga(int n) {
    return TestRecords.complaint()
        .phone("1395020" + String.format("%04d", n))
        .merchant("梵音瑜伽")
        .address("思明区莲前西路")
        .content("梵音瑜伽突然关门，年卡还剩大半没用，老板联系不上，要求退还剩余费用。")
        .occurredOn(null)
        .grievance("prepaid")
        .at(TestRecords.T0.plus(Duration.ofHours(n)));
  }

  @Test
  @DisplayName(
      "a registered name whose text gives the storm's sign in brackets after it joins the storm;"
          + " without the sign it stays under its code")
  void registeredNameWithSign() {
    String signed = "市民反映：厦门梵音健康管理有限公司（梵音瑜伽）于近日停业，其课程卡剩余费用无法退还，要求退费。";
    String unsigned = "市民反映：厦门梵音健康管理有限公司于近日停业，其课程卡剩余费用无法退还，要求退费。";

    assertThat(afterMembers(2, StormSpellingsTest::yoga, registeredYoga(unsigned)))
        .isNotEqualTo(Kind.CLUSTERED);
    assertThat(afterMembers(2, StormSpellingsTest::yoga, registeredYoga(signed)))
        .isEqualTo(Kind.CLUSTERED);
  }

  /** A 12345 filing of the yoga studio's closing under its registered name and credit code. */
  private static TestRecords registeredYoga(String content) {
    return TestRecords.complaint()
        .phone("13950209999")
        .merchant("厦门梵音健康管理有限公司")
        .creditCode("91350206MA2RADAJ6N")
        .content(content)
        .occurredOn(null)
        .grievance("prepaid")
        .at(TestRecords.T0.plus(Duration.ofHours(5)));
  }

  private Kind afterMembers(
      int members, java.util.function.IntFunction<TestRecords> member, TestRecords then) {
    InMemoryDedupIndex fresh = new InMemoryDedupIndex(options);
    RecentFilings memory = new RecentFilings(options, fingerprinter::placeOpening);
    for (int n = 0; n < members; n++) {
      memory
          .decide(fresh, fingerprinter.fingerprint(member.apply(n).build()))
          .toCompletableFuture()
          .join();
    }
    return memory
        .decide(fresh, fingerprinter.fingerprint(then.build()))
        .toCompletableFuture()
        .join()
        .verdict()
        .kind();
  }

  /** A car rental's deposit kept, the n-th customer, under its sign at the airport (湖里). */
  private static TestRecords rental(int n) {
    return TestRecords.complaint()
        .phone("1395030" + String.format("%04d", n))
        .merchant("路路通租车")
        .address("湖里区高崎机场T4停车场")
        .content("在路路通租车租的车还车后押金一直不退，客服说要扣车损费，车根本没有损坏。")
        .occurredOn(null)
        .grievance("contract")
        .at(TestRecords.T0.plus(Duration.ofHours(n)));
  }

  /** Another customer under the company's registered name and credit code, at {@code address}. */
  private static TestRecords registeredRental(String address) {
    return registeredRental(address, "91350206MA2RADAJ6N");
  }

  /**
   * The same under a credit code that {@code registered}'s bureau gave (its first 17 characters).
   */
  private static TestRecords registeredRental(String address, String code) {
    String full =
        code.length() == 17 ? code + org.hotline.dedup.text.CreditCodes.checkCharacter(code) : code;
    return TestRecords.complaint()
        .phone("13950309999")
        .merchant("厦门路路通汽车租赁有限公司")
        .creditCode(full)
        .address(address)
        .content("市民反映：其在厦门路路通汽车租赁有限公司租车，还车后押金3000元至今未退还，要求退还押金。")
        .occurredOn(null)
        .grievance("contract")
        .at(TestRecords.T0.plus(Duration.ofHours(5)));
  }

  @Test
  @DisplayName(
      "a registered name that opens with the sign's brand joins the sign's storm when both place"
          + " the shop in one district, its own by its address or, with none, its code's registering"
          + " bureau; not in another district")
  void registeredBrandJoins() {
    assertThat(afterMembers(2, StormSpellingsTest::rental, registeredRental("湖里区高崎南五路")))
        .isEqualTo(Kind.CLUSTERED);
    assertThat(afterMembers(2, StormSpellingsTest::rental, registeredRental("思明区湖滨南路")))
        .isNotEqualTo(Kind.CLUSTERED);
    assertThat(
            afterMembers(
                2, StormSpellingsTest::rental, registeredRental(null, "91350200MA2RADAJ6")))
        .as("no address, registered by the city's bureau")
        .isNotEqualTo(Kind.CLUSTERED);
    assertThat(
            afterMembers(
                2, StormSpellingsTest::rental, registeredRental(null, "91350203MA2RADAJ6")))
        .as("no address, registered in 思明")
        .isNotEqualTo(Kind.CLUSTERED);
    assertThat(
            afterMembers(
                2, StormSpellingsTest::rental, registeredRental(null, "91350206MA2RADAJ6")))
        .as("no address, registered in 湖里: placed there for the storm's spellings")
        .isEqualTo(Kind.CLUSTERED);
  }
}
