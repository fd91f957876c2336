package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RecentFilings: the same complainant's re-filing under another spelling of the shop")
class RecentFilingsTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final DedupOptions options = DedupOptions.defaults();
  private InMemoryDedupIndex index = new InMemoryDedupIndex(options);
  private RecentFilings recent = new RecentFilings(options);

  /** {@code then}'s verdict in a fresh memory and index that hold {@code first} alone. */
  private Kind afterOnly(TestRecords first, TestRecords then) {
    index = new InMemoryDedupIndex(options);
    recent = new RecentFilings(options);
    decide(first.build());
    return decide(then.build()).kind();
  }

  /**
   * {@link #afterOnly} in a memory that knows the city's places ({@link
   * Fingerprinter#placeOpening}).
   */
  private Kind afterOnlyWithPlaces(TestRecords first, TestRecords then) {
    InMemoryDedupIndex fresh = new InMemoryDedupIndex(options);
    RecentFilings withPlaces = new RecentFilings(options, 1000, fingerprinter::placeOpening);
    withPlaces.decide(fresh, fingerprinter.fingerprint(first.build())).toCompletableFuture().join();
    return withPlaces
        .decide(fresh, fingerprinter.fingerprint(then.build()))
        .toCompletableFuture()
        .join()
        .verdict()
        .kind();
  }

  private int agreement(TestRecords a, TestRecords b) {
    return MinHash.agreement(
        fingerprinter.fingerprint(a.build()).signatureWords(), 0,
        fingerprinter.fingerprint(b.build()).signatureWords(), 0);
  }

  private DedupVerdict decide(DedupRecord r) {
    return recent
        .decide(index, fingerprinter.fingerprint(r))
        .toCompletableFuture()
        .join()
        .verdict();
  }

  /** A tour's forced shopping, told by the consumer on the web under the agency's sign. */
  private static TestRecords firstFiling() {
    return TestRecords.complaint()
        .phone("13950007777")
        .merchant("鹭游国旅")
        .content("我跟鹭游国旅的一日游，导游带我们去了三个玉器店，不买就不让上车，还甩脸色。")
        .amount(null)
        .occurredOn(LocalDate.of(2025, 10, 2))
        .grievance("forced_trade");
  }

  /** The same matter by phone two days later, under the registered name, in few words. */
  private static TestRecords phoneCall() {
    return TestRecords.complaint()
        .phone("+86 139 5000 7777")
        .merchant("厦门鹭游旅行社有限公司")
        .content("来电人称跟团游被强制购物，要求处理。")
        .amount(null)
        .occurredOn(null)
        .grievance("forced_trade")
        .at(TestRecords.T0.plus(Duration.ofDays(2)));
  }

  @Test
  @DisplayName(
      "a re-filing whose amount comes from its text (what was paid) beside the first filing's"
          + " field (what is owed) is still one matter, when the days agree; not when they do not")
  void amountFromTheText() {
    TestRecords first =
        TestRecords.complaint()
            .phone("13950031001")
            .merchant("万家乐生鲜")
            .address("海沧区海沧街道")
            .content("来电人反映：其在万家乐生鲜购买螃蟹，称重时连绳子和水一起称，实际短秤约半斤，要求退还差价。")
            .amount("60")
            .occurredOn(LocalDate.of(2025, 11, 4))
            .grievance("weights")
            .at(Instant.parse("2025-11-05T01:50:00Z"));
    TestRecords again =
        TestRecords.complaint()
            .phone("13950031001")
            .merchant("万家乐生鲜超市")
            .address("厦门市海沧区沧林路")
            .content("买了三只大闸蟹，商家称2斤1两收了168元。回家把绑绳剪了、蟹身沥干再称，只有1斤6两。要求退还差价。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 11, 4))
            .grievance("weights")
            .at(Instant.parse("2025-11-08T12:05:00Z"));
    assertThat(afterOnly(first, again)).isEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(first, again.amount("168")))
        .as("control: an amount the filing gives in its field disagrees")
        .isNotEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(first, again.amount(null).occurredOn(LocalDate.of(2025, 10, 20))))
        .as("control: another day, another purchase")
        .isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName(
      "a re-filing whose field gives what is claimed back and whose text restates what was paid"
          + " (the first filing's amount) is one matter; not when its text does not restate it")
  void amountsOfTheText() {
    TestRecords first =
        TestRecords.complaint()
            .phone("13950032001")
            .merchant("海韵茶行")
            .address("鼓浪屿")
            .content("来电人反映鼓浪屿海韵茶行茶叶不标价，试喝后结账被收680元，要求退还多收部分。")
            .amount("680")
            .occurredOn(LocalDate.of(2025, 5, 2))
            .grievance("price")
            .at(Instant.parse("2025-05-02T08:00:00Z"));
    TestRecords again =
        TestRecords.complaint()
            .phone("13950032001")
            .merchant("厦门海韵茶业有限公司")
            .address("思明区鼓浪屿泉州路62号")
            .content("5月2号在鼓浪屿海韵茶行试茶，推荐买了两罐铁观音，全程没看到价格，结账680元。网上同款两百出头。要求退还多收的480元。")
            .amount("480")
            .occurredOn(LocalDate.of(2025, 5, 2))
            .grievance("price")
            .at(Instant.parse("2025-05-06T02:00:00Z"));
    assertThat(afterOnly(first, again)).isEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(first, again.content("在鼓浪屿海韵茶行试茶，推荐买了两罐铁观音，全程没看到价格。要求退还多收的480元。")))
        .as("control: the text restates no other amount")
        .isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("is a duplicate of the first filing, which the merchant index alone did not see")
  void foundByPerson() {
    DedupVerdict first = decide(firstFiling().build());
    assertThat(first.kind()).isEqualTo(Kind.NEW);
    DedupRecord call = phoneCall().build();
    assertThat(fingerprinter.fingerprint(call).blockingKey())
        .as("another merchant key")
        .isNotEqualTo(fingerprinter.fingerprint(firstFiling().build()).blockingKey());

    DedupVerdict again = decide(call);

    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.duplicateOf()).isNotNull();
    assertThat(index.size()).as("the duplicate left the index").isEqualTo(1);
  }

  @Test
  @DisplayName("is found by the ID number when the first filing gave no phone and the second both")
  void foundByIdNumber() {
    String id = "11010519491231002X";
    DedupRecord first = firstFiling().phone(null).idNumber(id).build();
    assertThat(decide(first).kind()).isEqualTo(Kind.NEW);

    DedupVerdict again = decide(phoneCall().idNumber(id).build());

    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.duplicateOf()).isEqualTo(first.id());
  }

  @Test
  @DisplayName(
      "by ID number alone, after a re-filing by phone that gave both: a duplicate of the first"
          + " filing by phone, never a group with it (set R's three filings of one person)")
  void idNumberTiedByARefiling() {
    String id = "11010519491231002X";
    DedupRecord byPhone = firstFiling().build();
    assertThat(decide(byPhone).kind()).isEqualTo(Kind.NEW);
    DedupVerdict both = decide(phoneCall().idNumber(id).build());
    assertThat(both.kind()).isEqualTo(Kind.DUPLICATE);
    TestRecords byIdOnly =
        firstFiling()
            .phone(null)
            .idNumber(id)
            .content("市民反映：其参加鹭游国旅一日游被导游强制进店购物，诉求：查处并退款。")
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(5)));

    DedupVerdict third = decide(byIdOnly.build());

    assertThat(third.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(third.duplicateOf()).isEqualTo(byPhone.id());

    assertThat(afterOnly(firstFiling(), byIdOnly))
        .as("control: without the re-filing that tied the numbers, another person: a group")
        .isEqualTo(Kind.CLUSTERED);
  }

  @Test
  @DisplayName(
      "by phone alone, after an ID-only filing and a re-filing that gave both: a duplicate of the"
          + " first (set S's order of the three)")
  void phoneTiedByARefiling() {
    String id = "11010519491231002X";
    DedupRecord byId = firstFiling().phone(null).idNumber(id).build();
    assertThat(decide(byId).kind()).isEqualTo(Kind.NEW);
    assertThat(decide(phoneCall().idNumber(id).build()).kind()).isEqualTo(Kind.DUPLICATE);
    TestRecords byPhoneOnly =
        firstFiling()
            .content("市民反映：其参加鹭游国旅一日游被导游强制进店购物，诉求：查处并退款。")
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(5)));

    DedupVerdict third = decide(byPhoneOnly.build());

    assertThat(third.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(third.duplicateOf()).isEqualTo(byId.id());
  }

  @Test
  @DisplayName(
      "a phone given with two ID numbers (a family's) lends neither to a filing by phone alone")
  void familyPhone() {
    decide(
        firstFiling()
            .merchant("金海超市")
            .idNumber("11010519491231002X")
            .content("金海超市的价签和结账价格不一样，多收了钱。")
            .grievance("price")
            .build()); // the mother: the family phone and her ID number
    decide(
        firstFiling()
            .merchant("鹭江海鲜大排档")
            .idNumber("350203199003071236")
            .content("在鹭江海鲜大排档吃饭被多收了钱。")
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofHours(1)))
            .build()); // the son: the same phone, his ID number
    DedupRecord fathersByPhone =
        firstFiling()
            .content("我报的鹭游国旅一日游被拉去玉器店，不买不让走。")
            .at(TestRecords.T0.plus(Duration.ofDays(1)))
            .build();
    Fingerprint kept =
        recent
            .decide(index, fingerprinter.fingerprint(fathersByPhone))
            .toCompletableFuture()
            .join()
            .fingerprint();
    assertThat(kept.idNumberIdentity()).as("lent no ID number").isEqualTo(Identity.UNKNOWN);

    // The other way: the mother's filing about the same tour by ID number alone is not completed
    // with the family phone, so it is not the father's filing.
    DedupRecord mothersByIdOnly =
        firstFiling()
            .phone(null)
            .idNumber("11010519491231002X")
            .content("我报的鹭游国旅一日游被拉去玉器店，不买不让走。")
            .at(TestRecords.T0.plus(Duration.ofDays(2)))
            .build();
    assertThat(decide(mothersByIdOnly).kind()).isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName(
      "shops whose names only open alike, placed in two districts, are two shops: not a re-filing")
  void openAlikeInTwoDistricts() {
    TestRecords hotel =
        TestRecords.complaint()
            .phone("13950006666")
            .merchant("金海湾大酒店")
            .address("厦门市集美区集美学村")
            .content("酒店前台收费不明码标价，退房时多收了300元服务费，要求退还。")
            .amount("300")
            .occurredOn(LocalDate.of(2026, 12, 3))
            .grievance("price");
    TestRecords supermarket =
        TestRecords.complaint()
            .phone("13950006666")
            .merchant("金海超市")
            .content("超市价格标签与结账价格不一致，多收费。")
            .amount(null)
            .occurredOn(null)
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofDays(1)));
    assertThat(decide(hotel.build()).kind()).isEqualTo(Kind.NEW);

    assertThat(decide(supermarket.address("厦门市同安区大同街道").build()).kind())
        .isNotEqualTo(Kind.DUPLICATE);

    assertThat(afterOnly(hotel, supermarket.address(null)))
        .as("control: with no district to tell them apart, the opening still decides")
        .isEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("forgets a filing that was not committed under every identity it gave")
  void forgetsEveryIdentity() {
    String id = "11010519491231002X";
    Fingerprint first = fingerprinter.fingerprint(firstFiling().idNumber(id).build());
    recent.decide(index, first).toCompletableFuture().join();

    recent.forget(first);
    index.forget(first).toCompletableFuture().join();

    assertThat(decide(phoneCall().phone(null).idNumber(id).build()).kind())
        .isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("is not a duplicate for another person, grievance, date, amount or shop")
  void controls() {
    decide(firstFiling().amount("300").build());
    for (TestRecords other :
        new TestRecords[] {
          phoneCall().phone("13950008888"),
          phoneCall().grievance("invoice"),
          phoneCall().occurredOn(LocalDate.of(2025, 9, 20)),
          phoneCall().amount("1800"),
          phoneCall().merchant("海天超市"),
          phoneCall().grievance("unknown")
        }) {
      assertThat(decide(other.build()).kind())
          .as(other.build().content())
          .isNotEqualTo(Kind.DUPLICATE);
      index = new InMemoryDedupIndex(options); // each against the first filing alone
      recent = new RecentFilings(options);
      decide(firstFiling().amount("300").build());
    }
    assertThat(decide(phoneCall().amount("300").build()).kind())
        .as("control: the same call is one")
        .isEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("with one grievance unread, is found on the same purchase when the words agree")
  void oneGrievanceUnread() {
    TestRecords sofa =
        TestRecords.complaint()
            .phone("13950007777")
            .merchant("美居佳家具城")
            .content("我在美居佳家具城买的真皮沙发，用了一周就开裂了，要求退货，商家拒绝退货。")
            .amount("12800")
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("quality_return");
    TestRecords call =
        TestRecords.complaint()
            .phone("13950007777")
            .merchant("美居佳")
            .content("来电人反映在美居佳买的沙发用了一周就开裂，要求退货，商家拒绝。")
            .amount("12800")
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("unknown")
            .at(TestRecords.T0.plus(Duration.ofDays(1)));
    assertThat(fingerprinter.fingerprint(call.build()).blockingKey())
        .as("another merchant key")
        .isNotEqualTo(fingerprinter.fingerprint(sofa.build()).blockingKey());
    DedupRecord first = sofa.build();
    decide(first);

    DedupVerdict again = decide(call.build());

    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.duplicateOf()).isEqualTo(first.id());
    assertThat(afterOnly(sofa, call.content("来电人称店员服务态度恶劣，当面辱骂，要求道歉。")))
        .as("the same purchase in other words: another matter")
        .isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName(
      "with neither grievance read, is found under a name that contains the other, as the index"
          + " finds one under its own key: the same purchase, and words that agree")
  void neitherGrievanceRead() {
    TestRecords tickets =
        TestRecords.complaint()
            .phone("13950007777")
            .merchant("鼓浪屿海底世界")
            .content("八月五号在鼓浪屿海底世界买了两张门票，进去十分钟就说要闭馆，只给一张下次有效的券，不给退钱。")
            .amount("280")
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("unknown");
    TestRecords call =
        TestRecords.complaint()
            .phone("13950007777")
            .merchant("海底世界售票处")
            .content("来电人反映在鼓浪屿海底世界购票后闭馆，售票处只给代金券不退票款，诉求退票。")
            .amount("280")
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("unknown")
            .at(TestRecords.T0.plus(Duration.ofDays(1)));
    assertThat(fingerprinter.fingerprint(call.build()).blockingKey())
        .isNotEqualTo(fingerprinter.fingerprint(tickets.build()).blockingKey());
    DedupRecord first = tickets.build();
    decide(first);

    DedupVerdict again = decide(call.build());

    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.duplicateOf()).isEqualTo(first.id());
    for (TestRecords other :
        new TestRecords[] {
          // another purchase: the amounts disagree
          call.amount("560"),
          // names that only sound alike at the start: not enough when nothing was read
          call.merchant("鼓浪屿海韵酒店")
        }) {
      assertThat(afterOnly(tickets, other))
          .as(other.build().merchantName())
          .isNotEqualTo(Kind.DUPLICATE);
    }
  }

  @Test
  @DisplayName("without the shop's name, is found on the same grievance and day, or amount")
  void namelessRefiling() {
    TestRecords stall =
        TestRecords.complaint()
            .phone("13950007777")
            .merchant("新阳菜市场牛肉摊")
            .content("在新阳菜市场牛肉摊买了两斤牛肉，回家一称只有一斤六两。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("weights");
    TestRecords nameless = nameless();
    DedupRecord first = stall.build();
    decide(first);

    DedupVerdict again = decide(nameless.build());

    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.duplicateOf()).isEqualTo(first.id());
    assertThat(afterOnly(stall, nameless.occurredOn(LocalDate.of(2025, 9, 30))))
        .as("another day and no amount: nothing says it is the same purchase")
        .isNotEqualTo(Kind.DUPLICATE);
    for (TestRecords other :
        new TestRecords[] {
          // Another stall the same day, in other words: the same person may complain of two.
          nameless().content("中山路步行街买的鱿鱼丝，包装标二百克，称下来一百五十克。"),
          // A registered credit code names its shop: not a filing that names none.
          nameless().creditCode("91350206MA2RADAJ6N")
        }) {
      assertThat(afterOnly(stall, other)).as(other.build().content()).isNotEqualTo(Kind.DUPLICATE);
    }
  }

  @Test
  @DisplayName(
      "without the shop's name, in the named filing's district, is found on fewer shared words"
          + " (set AC: a call centre's two lines beside the consumer's own page)")
  void namelessInTheSameDistrict() {
    TestRecords shop =
        TestRecords.complaint()
            .phone("15100002222")
            .merchant("诚信通讯")
            .address("厦门市同安区大同街道")
            .content("在诚信通讯分期买的手机，拿回来第二天屏幕就出现绿线，店里说寄回厂家检测，等了半个月不给换也不给退。")
            .amount("4999")
            .occurredOn(LocalDate.of(2026, 7, 5))
            .grievance("quality_return");
    TestRecords call =
        TestRecords.complaint()
            .phone("15100002222")
            .merchant(null)
            .address("同安大同")
            .content("来电人称新买的手机次日屏幕有绿线，商家拒绝退换，诉求退货。")
            .amount(null)
            .occurredOn(LocalDate.of(2026, 7, 6))
            .grievance("quality_return")
            .at(TestRecords.T0.plus(Duration.ofDays(3)));
    DedupRecord first = shop.build();
    decide(first);

    DedupVerdict again = decide(call.build());

    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.duplicateOf()).isEqualTo(first.id());
    assertThat(afterOnly(shop, call.address("集美区侨英街道")))
        .as("placed in another district: the words must carry it alone")
        .isNotEqualTo(Kind.DUPLICATE);
    assertThat(
            afterOnly(
                shop,
                call.content("来电人称在同安大同买的充电宝第二天就鼓包，商家拒绝退换，诉求退货。")
                    .occurredOn(LocalDate.of(2026, 7, 5))))
        .as(
            "a power bank bought the same day elsewhere in the district (5 of 64 slots): another matter")
        .isNotEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(shop, call.occurredOn(LocalDate.of(2026, 6, 20))))
        .as("another day and no amount: not the same purchase")
        .isNotEqualTo(Kind.DUPLICATE);
  }

  /** The same person the next day, naming only the market. */
  private static TestRecords nameless() {
    return TestRecords.complaint()
        .phone("13950007777")
        .merchant(null)
        .address("海沧区新阳菜市场")
        .content("来电人称菜市场卖牛肉的缺斤短两，要求处理。")
        .amount(null)
        .occurredOn(LocalDate.of(2025, 10, 2))
        .grievance("weights")
        .at(TestRecords.T0.plus(Duration.ofDays(1)));
  }

  @Test
  @DisplayName(
      "with one grievance unread, two shops whose names only open alike need agreeing amounts")
  void templatedWordsOfTwoShops() {
    String template = "来电人反映：其于2025年10月2日在思明区曾厝垵%s消费，%s，要求商家退款并给予合理说法。";
    TestRecords seafood =
        TestRecords.complaint()
            .phone("13950007777")
            .merchant("鹭岛海鲜")
            .content(String.format(template, "鹭岛海鲜", "结账时被多收了钱"))
            .amount(null)
            .grievance("price");
    TestRecords fruit =
        TestRecords.complaint()
            .phone("13950007777")
            .merchant("鹭岛水果")
            .content(String.format(template, "鹭岛水果", "店员把人推出门外"))
            .amount(null)
            .grievance("unknown")
            .at(TestRecords.T0.plus(Duration.ofHours(5)));
    decide(seafood.build());

    assertThat(decide(fruit.build()).kind()).isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("under the same merchant key leaves the decision to the index")
  void sameKeyLeftToIndex() {
    decide(firstFiling().build());
    // Same shop, person and grievance, but nothing in common in the words and no amount: the
    // index's bar is not met, and the person's memory does not overrule it in the index's block.
    DedupVerdict v = decide(phoneCall().merchant("鹭游国旅").content("来电人反映导游态度差。").build());
    assertThat(v.kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("forgets a filing whose record was not committed")
  void forgets() {
    DedupRecord first = firstFiling().build();
    decide(first);
    recent.forget(fingerprinter.fingerprint(first));
    assertThat(decide(phoneCall().build()).kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("keeps at most its bound of complainants, and a sixteenth of the heap by default")
  void bounded() {
    RecentFilings small = new RecentFilings(options, 100);
    for (int i = 0; i < 500; i++) {
      small.remember(
          fingerprinter.fingerprint(
              firstFiling().phone("1395" + String.format("%07d", i)).build()));
    }
    assertThat(small.people()).as("the newest hundred").isEqualTo(100);
    assertThat(RecentFilings.defaultMaxPeople(1L << 30)).isEqualTo(158_275);
    assertThat(RecentFilings.defaultMaxPeople(1L << 40)).isEqualTo(RecentFilings.MAX_PEOPLE_LIMIT);
  }

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
    "鹭游国旅, 鹭游旅行社, true",
    "素心斋, 素心斋素食, true",
    "空港商务酒店, 高崎空港商务酒店, true",
    "蜂巢健身, 蜂巢体育健身, true",
    "鹭游国旅, 海天超市, false",
    "阿海海鲜, 鹭江海鲜, false",
    "路风旅行社, 鹭风国旅, true",
    "南海海鲜酒楼, 蓝海海鲜, false",
    // A market or a place before the shop's own name: its first three characters stand inside.
    "阿娥海鲜摊, 八市阿娥海鲜, true",
    "淘气堡儿童乐园, 新阳淘气堡, true",
    // Trade words alone are shared by other shops.
    "力美健身房, 动力派健身房, false",
    "海景大酒店, 鹭江大酒店, false",
  })
  void namesAlike(String a, String b, boolean alike) {
    assertThat(RecentFilings.namesAlike(a, b)).isEqualTo(alike);
  }

  /** A used electric car's battery, told by the call centre with the dealer described. */
  private static TestRecords describedDealer() {
    return TestRecords.complaint()
        .phone("19954659520")
        .merchant("马巷镇一家二手车行")
        .content("来电人反映在马巷一家二手车行购买二手纯电车，销售称电池健康度95%，提车后检测仅70%左右，续航严重不足，诉求退车。")
        .amount("68000")
        .occurredOn(LocalDate.of(2025, 3, 28))
        .grievance("false_advertising");
  }

  /** The same matter on the web two days later, the dealer named by its sign. */
  private static TestRecords namedDealer() {
    return TestRecords.complaint()
        .phone("199 5465 9520")
        .merchant("鹭岛二手车")
        .content("三月底在鹭岛二手车买了一台二手电动车，花了六万八，销售说电池95%健康，结果满电只跑200多公里，检测电池健康只有七成，要求退车退款。")
        .amount("68000")
        .occurredOn(LocalDate.of(2025, 3, 28))
        .grievance("false_advertising")
        .at(TestRecords.T0.plus(Duration.ofDays(2)));
  }

  @Test
  @DisplayName(
      "a shop first described (马巷镇一家二手车行), then named: one matter when the purchase and the"
          + " words agree, and not when the amount says another purchase")
  void describedShop() {
    assertThat(afterOnly(describedDealer(), namedDealer())).isEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(describedDealer(), namedDealer().amount("3500")))
        .as("another purchase")
        .isEqualTo(Kind.NEW);
    assertThat(
            afterOnly(
                describedDealer().merchant("马巷镇鑫达二手车行").occurredOn(LocalDate.of(2025, 3, 27)),
                namedDealer()))
        .as("control: two names, not a description (a day apart: not SameDaySharedPairTest's rule)")
        .isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("那个 describes a shop as 那家 does: described, then named by 12345 (set BN)")
  void thatOne() {
    TestRecords described =
        TestRecords.complaint()
            .phone("13950033001")
            .merchant("曾厝垵那个海鲜排档")
            .address("曾厝垵")
            .content(
                "外地游客，第一次来厦门过年。曾厝垵那个海鲜排档（进村第二个路口左边，门口很多水箱的）宰客！菜单上没有价格，问了说按斤，结果称完是按“两”算，三个菜2340块！！这就是价格欺诈。")
            .amount("2340")
            .occurredOn(LocalDate.of(2025, 1, 29))
            .grievance("price")
            .at(Instant.parse("2025-01-29T12:00:00Z"));
    TestRecords named =
        TestRecords.complaint()
            .phone("13950033001")
            .merchant("阿海海鲜大排档")
            .address("思明区曾厝垵")
            .content("市民反映：其于1月29日在曾厝垵阿海海鲜大排档用餐，三道菜被收取2340元，商家未明码标价。诉求：要求退还多收费用。")
            .amount("2340")
            .occurredOn(LocalDate.of(2025, 1, 29))
            .grievance("price")
            .at(Instant.parse("2025-02-03T02:00:00Z"));
    assertThat(afterOnly(described, named)).isEqualTo(Kind.DUPLICATE);
    assertThat(
            afterOnly(
                described,
                named.amount("880").content("市民反映：其在曾厝垵阿海海鲜大排档用餐，被收取880元，商家未明码标价。诉求：要求退还多收费用。")))
        .as("control: another amount, another purchase")
        .isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName(
      "a third filing that repeats the second's telling (its name, under its very key) is a"
          + " duplicate of the first, also when it leaves out the amount and the day")
  void thirdRepeatsTheSecond() {
    DedupRecord first = describedDealer().build();
    assertThat(decide(first).kind()).isEqualTo(Kind.NEW);
    DedupVerdict second = decide(namedDealer().build());
    assertThat(second.duplicateOf()).isEqualTo(first.id());
    TestRecords third =
        namedDealer()
            .content("市民反映：其在鹭岛二手车购买二手电动车，商家虚标电池健康度，要求退车。")
            .amount(null)
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(5)));

    DedupVerdict again = decide(third.build());

    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.duplicateOf()).as("the original, not the second").isEqualTo(first.id());
  }

  /** A phone bought as new and found refurbished, told to 12345 with the amount and the day. */
  private static TestRecords refurbishedPhone() {
    return TestRecords.complaint()
        .phone("13959082437")
        .merchant("智联手机通讯（湖里店）")
        .content("市民反映：在湖里智联手机通讯店购买新手机一部4699元，发现是翻新机冒充新机，要求退货。")
        .amount("4699")
        .occurredOn(LocalDate.of(2026, 9, 28))
        .grievance("counterfeit");
  }

  @Test
  @DisplayName(
      "a re-filing that leaves out the amount still means the first filing's: the person's next"
          + " purchase at the shop, of another amount, is not its duplicate")
  void refilingKeepsTheFirstFilingsFacts() {
    TestRecords web =
        refurbishedPhone()
            .merchant("厦门智联通讯器材有限公司")
            .content("在智联买的手机是翻新机，激活日期是半年前，要求退货赔偿。")
            .amount(null)
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(1)));
    TestRecords earphones =
        refurbishedPhone()
            .merchant("智联通讯")
            .content("10号在智联买的蓝牙耳机199元，包装写原装正品，官方验证序列号不存在，是假货。")
            .amount("199")
            .occurredOn(LocalDate.of(2026, 10, 10))
            .at(TestRecords.T0.plus(Duration.ofDays(13)));
    assertThat(decide(refurbishedPhone().build()).kind()).isEqualTo(Kind.NEW);
    assertThat(decide(web.build()).kind()).isEqualTo(Kind.DUPLICATE);

    assertThat(decide(earphones.build()).kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("a filing that tells of another matter (又是这家店！, 又买了) is no re-filing")
  void announcesAnotherMatter() {
    String told = namedDealer().build().content();
    assertThat(afterOnly(describedDealer(), namedDealer().content("又是这家！" + told)))
        .isEqualTo(Kind.NEW);
    assertThat(afterOnly(describedDealer(), namedDealer().content("再次反映：" + told)))
        .as("control: a re-filing that says so")
        .isEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName(
      "two stalls of one market (八市阿玲水果, 八市老陈水果摊) are two shops, though their names open alike:"
          + " the person's second short weight is no re-filing of the first (set U)")
  void twoStallsOfOneMarket() {
    TestRecords mangoes =
        TestRecords.complaint()
            .phone("18078689174")
            .merchant("八市老陈水果摊")
            .address("思明区开禾路八市")
            .content("来电人反映在八市老陈水果摊购买芒果，复秤少了三两，诉求退还差价。")
            .amount(null)
            .occurredOn(LocalDate.of(2026, 10, 10))
            .grievance("weights");
    TestRecords lychees =
        TestRecords.complaint()
            .phone("18078689174")
            .merchant("八市阿玲水果")
            .address("思明区开禾路")
            .content("来电人反映在八市阿玲水果购买荔枝，回家复称短了半斤，诉求退还差价。")
            .amount(null)
            .occurredOn(LocalDate.of(2026, 10, 11))
            .grievance("weights")
            .at(TestRecords.T0.plus(Duration.ofDays(1)));
    assertThat(afterOnlyWithPlaces(mangoes, lychees)).isEqualTo(Kind.NEW);
    assertThat(afterOnly(mangoes, lychees))
        .as("control: a memory that knows no places takes the opening 八市 for a brand")
        .isEqualTo(Kind.DUPLICATE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "嘉莲那边的金鹰培训学校, 金鹰培训学校",
    "祥和那家百姓缘药店, 百姓缘药店",
    "鼓浪屿上的海韵客栈, 海韵客栈",
    "同安那家力动, 力动",
    "一家人火锅, ",
    // a kind of shop after the description, not its name
    "江头那家家电城, ",
    "曾厝垵一家海鲜排档, ",
    "某民宿, ",
    // "one of" a kind (一家, 一个): what follows is the kind of shop (describedByItsKind)
    "马巷镇一家二手车, ",
    "嘉莲那边的一家金鹰培训学校, ",
    "鹭岛二手车, ",
  })
  @DisplayName("the name a description leads to")
  void namedAfterDescription(String core, String named) {
    assertThat(RecentFilings.namedAfterDescription(core)).isEqualTo(named);
  }

  @Test
  @DisplayName(
      "a shop described and then named (祥和那家百姓缘药店) is the person's 百姓缘大药房, though the amounts"
          + " given differ in kind (the bill, the overcharge: set V)")
  void describedThenNamed() {
    TestRecords bill =
        TestRecords.complaint()
            .phone("13850001234")
            .merchant("百姓缘大药房")
            .content("在百姓缘大药房买感冒药，结账168元，比标价贵了不少，要求退还差价。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 2, 10))
            .grievance("price");
    TestRecords call =
        TestRecords.complaint()
            .phone("13850001234")
            .merchant("祥和那家百姓缘药店")
            .content("来电人反映药店结账价格高于标价，诉求退还多收的钱。")
            .amount(null)
            .occurredOn(null)
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofDays(2)));
    assertThat(afterOnly(bill, call)).isEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(bill, call.merchant("祥和那家药店")))
        .as("control: a description with no name after it")
        .isEqualTo(Kind.NEW);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "又是这家店！买的面包发霉了, true",
    "上次的事还没处理完，10号又买了一副耳机, true",
    "同一天在八市另一家海鲜摊也缺斤少两, true",
    "这次不是说价格的事, true",
    "再次反映：商家仍未退款, false",
    "今天又去店里谈了一次，还是不退, false",
    "又是一个月过去了，还没退款, false",
    "这次附上照片, false",
    "这次是第三次反映了，商家还是不退款, false",
    "我又一次来电反映此事，至今无人处理, false",
    "又是第二次投诉了，还是没人管, false",
    "这次又打12345，还是没人处理, false",
    "这次不是第一次投诉了, false",
    "这次不是反映上次的冰箱，是新买的洗衣机漏水, true",
    "这次是第二次买到过期牛奶, true",
    "又发现第二笔扣款, true",
    "进去后好几个演出都要另外买票, false",
    "我另外给女儿办的游泳卡也退不了, true",
  })
  @DisplayName("a text that announces another matter")
  void announcesAnotherMatter(String text, boolean another) {
    assertThat(ContentFacts.announcesAnotherMatter(ContentTokens.normalise(text)))
        .isEqualTo(another);
  }

  @Test
  @DisplayName("every word of another matter is found by the one pass, inside a text")
  void anotherMattersWordsAreFoundByThePass() {
    for (String w : ContentFacts.ANOTHER_MATTER) {
      assertThat(ContentFacts.announcesAnotherMatter("来电人说，" + w + "了一件东西。")).as(w).isTrue();
    }
    assertThat(ContentFacts.announcesAnotherMatter("来电人反映店家拒绝退款。")).isFalse();
  }

  /** The verdict on each of {@code filings} in turn, in a fresh memory and index. */
  private Kind lastOf(TestRecords... filings) {
    index = new InMemoryDedupIndex(options);
    recent = new RecentFilings(options);
    Kind last = null;
    for (TestRecords f : filings) {
      last = decide(f.build()).kind();
    }
    return last;
  }

  /** A fridge that stopped cooling, filed with its price and day. */
  private static TestRecords fridge() {
    return TestRecords.complaint()
        .phone("13900000011")
        .merchant("国美电器（SM店）")
        .content("10月1日在国美SM店买的海尔冰箱2999元，用了三天冷藏室不制冷，商家说要检测半个月，拒绝退换，诉求退货。")
        .amount("2999")
        .occurredOn(LocalDate.of(2025, 10, 1))
        .grievance("quality_return");
  }

  @Test
  @DisplayName(
      "after a re-filing the index found under the shop's key, the person's other matter there (a"
          + " phone's screen, 20 days on) is judged by the index's words, not by a telling's facts"
          + " (review of 2026-12-07)")
  void indexRefilingOpensNoLooserPath() {
    TestRecords again =
        fridge()
            .content("再次反映：国美冰箱不制冷，商家还是拒绝退换，要求退货。")
            .amount(null)
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(3)));
    TestRecords screen =
        fridge()
            .content("来电人称手机屏幕碎了去售后，售后说人为损坏不保修，诉求免费维修。")
            .amount(null)
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(20)));

    assertThat(lastOf(fridge(), again)).isEqualTo(Kind.DUPLICATE);
    assertThat(lastOf(fridge(), again, screen)).isEqualTo(Kind.NEW);
  }

  /** A diner's crabs charged by the liang, filed with the bill and the day. */
  private static TestRecords crabs() {
    return TestRecords.complaint()
        .phone("13900000003")
        .merchant("鹭江海鲜大排档")
        .content("来电人反映其10月2日在鹭江海鲜大排档吃饭，螃蟹按斤标价结账按两算，多收一千多元，要求退还。")
        .amount("1280")
        .occurredOn(LocalDate.of(2025, 10, 2))
        .grievance("price");
  }

  @Test
  @DisplayName(
      "a re-filing whose original this node never saw (another node judged it) is kept as no"
          + " telling: the person's next purchase at the shop is not its duplicate")
  void noTellingWithoutItsOriginal() {
    TestRecords again =
        crabs()
            .content("再次反映鹭江海鲜大排档螃蟹价格欺诈的事，商家至今不退钱。")
            .amount(null)
            .occurredOn(null)
            .at(TestRecords.T0.plus(Duration.ofDays(4)));
    InMemoryDedupIndex shared = new InMemoryDedupIndex(options);
    RecentFilings nodeA = new RecentFilings(options);
    RecentFilings nodeB = new RecentFilings(options);
    DedupRecord first = crabs().build();
    nodeA.decide(shared, fingerprinter.fingerprint(first)).toCompletableFuture().join();
    DedupVerdict second =
        nodeB
            .decide(shared, fingerprinter.fingerprint(again.build()))
            .toCompletableFuture()
            .join()
            .verdict();
    assertThat(second.kind()).isEqualTo(Kind.DUPLICATE);
    TestRecords lobster =
        crabs()
            .content("带朋友去吃了一顿，菜单上龙虾写时价，结账龙虾收了六百八，服务员说是今天的价。")
            .amount("680")
            .occurredOn(LocalDate.of(2025, 10, 5))
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofDays(5)));

    DedupVerdict third =
        nodeB
            .decide(shared, fingerprinter.fingerprint(lobster.build()))
            .toCompletableFuture()
            .join()
            .verdict();

    assertThat(third.kind()).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName(
      "a brand that opens with a description word (一家人火锅) is a name, and a description in"
          + " another district names another shop (湖里那家金海湾大酒店 beside 集美's 金海超市)")
  void descriptionWordsThatAreNoDescription() {
    TestRecords hotpot =
        TestRecords.complaint()
            .phone("13900000002")
            .merchant("一家人火锅")
            .content("来电人反映在一家人火锅用餐，结账时发现多收费用，与菜单标价不符，诉求退还多收的钱。")
            .amount("368")
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("price");
    TestRecords bbq =
        TestRecords.complaint()
            .phone("13900000002")
            .merchant("海港烧烤")
            .content("来电人反映在海港烧烤用餐，结账时发现多收费用，与菜单标价不符，诉求退还多收的钱。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofHours(5)));
    assertThat(lastOf(hotpot, bbq)).isEqualTo(Kind.NEW);

    TestRecords market =
        TestRecords.complaint()
            .phone("13900000004")
            .merchant("金海超市")
            .address("集美区杏林湾路")
            .content("在金海超市买的牛奶过期了，要求赔偿。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 10, 2))
            .grievance("safety");
    TestRecords hotel =
        TestRecords.complaint()
            .phone("13900000004")
            .merchant("湖里那家金海湾大酒店")
            .address("湖里区枋湖路")
            .content("在酒店自助餐吃到变质海鲜，上吐下泻，要求赔偿。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 10, 4))
            .grievance("safety")
            .at(TestRecords.T0.plus(Duration.ofDays(3)));
    assertThat(lastOf(market, hotel)).isEqualTo(Kind.NEW);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "马巷镇一家二手车, true",
    "大同路一手机维修, true",
    "饿了么上的小龙虾, true",
    "快手一主播, false",
    "幸福一家人火锅, false",
    "时光里的咖啡馆, false",
    "阿婆门口烤肉, false",
    "海湾一号, false",
    "中山路一号, false",
    "味道一流私房菜, false",
    "一民宿, true",
    "莲前那家修手机的, true",
    "一家人火锅, false",
    "一点点奶茶, false",
    "统一超市, false",
    "鹭岛二手车, false",
    // 一家 after a place the tables do not know (the key keeps a place it would cut before it:
    // 中山路一家茶叶); not at the start, nor where 一 or 家 makes a word of its own (a review's probes).
    "八市一家干货, true",
    "前埔一家密室逃脱, true",
    "中山路一家茶叶, true",
    "脚下一家农家乐, true",
    "小吃街一个摊位, true",
    "一家茶叶, false",
    "一家亲奶茶, false",
    "一家子烧烤, false",
    "第一家海鲜, false",
    "天一家政, false",
    "统一家电, false",
    "如一家纺, false",
    "合一家具城, false",
    "红星合一家具城, false",
    "一个橙子, false",
    "一间咖啡, false",
    "专一个护, false",
    "万一家居, false",
    "一家一味, false",
  })
  @DisplayName("a name core that describes a shop rather than names it")
  void describes(String core, boolean described) {
    assertThat(RecentFilings.describes(core)).isEqualTo(described);
  }

  /** Fake bird's nest at a named dried-goods shop, the consumer's own words with the amount. */
  private static TestRecords namedDriedGoods() {
    return TestRecords.complaint()
        .phone("13806001234")
        .merchant("海龙干货行")
        .address("厦门市思明区开禾路第八市场")
        .content("在八市海龙干货行买了\"印尼进口燕窝\"1580元，没有中文标签，拿去检测说是加了胶的假燕窝。要求退一赔三。")
        .amount("1580")
        .occurredOn(LocalDate.of(2026, 4, 13))
        .grievance("counterfeit");
  }

  /** The call centre's summary two days later: the shop described by place and kind, the day. */
  private static TestRecords describedDriedGoods() {
    return TestRecords.complaint()
        .phone("13806001234")
        .merchant("八市一家干货店")
        .content("来电人称在八市一干货店购买燕窝，经检测系假冒产品，诉求退款赔偿。")
        .amount(null)
        .occurredOn(LocalDate.of(2026, 4, 13))
        .grievance("counterfeit")
        .at(TestRecords.T0.plus(Duration.ofDays(2)));
  }

  @Test
  @DisplayName(
      "a shop described by its kind (八市一家干货店) is the person's named shop of that kind"
          + " (海龙干货行) for the same grievance and day (set AK); not without a day or amount that"
          + " agrees (a second stall of the kind: a review's probe), nor another grievance or"
          + " district")
  void describedByItsKind() {
    assertThat(afterOnly(namedDriedGoods(), describedDriedGoods())).isEqualTo(Kind.DUPLICATE);
    TestRecords terse =
        describedDriedGoods().content("来电人称在八市一干货店购物遇到问题，要求处理。").amount("1580").occurredOn(null);
    assertThat(agreement(namedDriedGoods(), terse))
        .as("fewer words than a description without the kind needs")
        .isLessThan(RecentFilings.NAMELESS_WORDS_IN_DISTRICT)
        .isGreaterThanOrEqualTo(RecentFilings.KIND_WORDS);
    assertThat(afterOnly(namedDriedGoods(), terse))
        .as("the amount instead of the day, the kind in the name carrying the words")
        .isEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(namedDriedGoods(), describedDriedGoods().occurredOn(null)))
        .as("no facts: nothing says it is the first shop's purchase")
        .isEqualTo(Kind.NEW);
    assertThat(afterOnly(describedDriedGoods().occurredOn(null), namedDriedGoods()))
        .as("the description first")
        .isEqualTo(Kind.NEW);
    assertThat(afterOnly(namedDriedGoods(), describedDriedGoods().grievance("price")))
        .as("another grievance")
        .isEqualTo(Kind.NEW);
    assertThat(
            afterOnly(
                namedDriedGoods(), describedDriedGoods().merchant("集美一家干货店").address("集美区侨英街道")))
        .as("another district")
        .isEqualTo(Kind.NEW);
    assertThat(afterOnly(namedDriedGoods(), describedDriedGoods().amount("300")))
        .as("another purchase")
        .isEqualTo(Kind.NEW);
    assertThat(afterOnly(namedDriedGoods(), describedDriedGoods().phone("13806009999")))
        .as("another person")
        .isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName(
      "a description beside the person's named shop, its day a day off and no amount, is another"
          + " shop unless the words agree as a re-filing's do (set AR: two hotels by two exam sites)")
  void describedNextDayOtherHotel() {
    TestRecords first =
        TestRecords.complaint()
            .phone("18642915705")
            .merchant("集美学村青旅酒店")
            .address("集美区集美街道尚南路")
            .content("来电人反映集美学村青旅酒店高考期间房价由199元涨至699元，认为价格过高。诉求处理。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 6, 4))
            .grievance("price");
    TestRecords other =
        TestRecords.complaint()
            .phone("18642915705")
            .merchant("杏林考点附近的如家")
            .address("集美区杏林街道杏林湾路")
            .content("来电人称其又询问了杏林考点附近一家如家酒店，高考两天房价同样翻了三倍，要求监管部门对考点周边酒店乱涨价进行处理。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 6, 5))
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofHours(13)));
    assertThat(afterOnly(first, other)).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName(
      "a driving school described, its date remembered a day off and no amount given, is the"
          + " person's named school (set X)")
  void describedADayOff() {
    TestRecords named =
        TestRecords.complaint()
            .phone("13859001234")
            .merchant("安达驾校")
            .address("翔安区马巷街道")
            .content("7月9号去安达驾校报名，说好学费包含考试费，交了钱又说考试费要另交900元，要求退还多收的900元。")
            .amount("900")
            .occurredOn(LocalDate.of(2025, 7, 9))
            .grievance("price");
    TestRecords described =
        TestRecords.complaint()
            .phone("13859001234")
            .merchant("翔安马巷一家驾校")
            .content("来电人反映在马巷一驾校报名学车，报名时称学费含考试费，之后另收考试费九百元，诉求退还。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 7, 10))
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofDays(2)));
    assertThat(afterOnly(named, described)).isEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(named, described.occurredOn(LocalDate.of(2025, 7, 12))))
        .as("control: days apart, and no amount to agree")
        .isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName(
      "a name that opens with a place and a short brand (八市阿华) is that brand's shop" + " (阿华海鲜加工)")
  void placeOnOneSide() {
    TestRecords market =
        TestRecords.complaint()
            .phone("13863180321")
            .merchant("八市阿华")
            .content("来电人反映在八市阿华的摊位买了两斤花蛤拿去加工，回家复秤只有一斤半，诉求退还差价。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 8, 8))
            .grievance("weights");
    TestRecords named =
        TestRecords.complaint()
            .phone("13863180321")
            .merchant("阿华海鲜加工")
            .content("8号在八市阿华海鲜加工买的花蛤，说是两斤，回家一称只有一斤半，老板不认。")
            .amount(null)
            .occurredOn(LocalDate.of(2025, 8, 8))
            .grievance("weights")
            .at(TestRecords.T0.plus(Duration.ofDays(1)));
    assertThat(afterOnlyWithPlaces(market, named)).isEqualTo(Kind.DUPLICATE);
    assertThat(afterOnly(market, named.occurredOn(null)))
        .as("control: a memory that knows no places, and no day to share (SameDaySharedPairTest)")
        .isEqualTo(Kind.NEW);
    assertThat(afterOnlyWithPlaces(market, named))
        .as("the place known, no day needed")
        .isEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName(
      "a re-filing under another spelling tells its matter only in its own words: the person's"
          + " other matter under the original's key (the index's NEW) is not its duplicate (second"
          + " review)")
  void tellingUnderAnotherKey() {
    TestRecords fridge =
        TestRecords.complaint()
            .phone("13900000021")
            .merchant("苏宁易购")
            .content("10月1日在苏宁易购买的冰箱2999元，用了三天冷藏室不制冷，商家拒绝退换，诉求退货。")
            .amount("2999")
            .occurredOn(LocalDate.of(2025, 10, 1))
            .grievance("quality_return");
    TestRecords again =
        TestRecords.complaint()
            .phone("13900000021")
            .merchant("厦门苏宁电器有限公司")
            .content("冰箱质量问题商家拒绝退货，要求处理。")
            .amount(null)
            .occurredOn(null)
            .grievance("quality_return")
            .at(TestRecords.T0.plus(Duration.ofDays(3)));
    TestRecords screen =
        TestRecords.complaint()
            .phone("13900000021")
            .merchant("苏宁易购")
            .content("来电人称手机屏幕碎了去售后，售后说人为损坏不保修，诉求免费维修。")
            .amount(null)
            .occurredOn(null)
            .grievance("quality_return")
            .at(TestRecords.T0.plus(Duration.ofDays(20)));
    assertThat(lastOf(fridge, again)).isEqualTo(Kind.DUPLICATE);
    assertThat(lastOf(fridge, again, screen)).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("a place and a kind of shop (沙坡尾海鲜) is no brand to find in another name (海鲜大咖)")
  void placeAndKindIsNoBrand() {
    TestRecords first =
        TestRecords.complaint()
            .phone("13900000031")
            .merchant("沙坡尾海鲜")
            .content("在沙坡尾吃海鲜，结账时多收了两百块，要求退还。")
            .amount(null)
            .occurredOn(null)
            .grievance("price");
    TestRecords other =
        TestRecords.complaint()
            .phone("13900000031")
            .merchant("海鲜大咖")
            .content("在海鲜大咖点的套餐，结账时多收了钱，要求退还多收部分。")
            .amount(null)
            .occurredOn(null)
            .grievance("price")
            .at(TestRecords.T0.plus(Duration.ofDays(12)));
    assertThat(afterOnlyWithPlaces(first, other)).isEqualTo(Kind.NEW);
  }
}
