package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Set BI's Double-11 storm: buyers of a platform shop's presale that never shipped, some naming its
 * sign (鹭岛数码专营店), some the company registered behind it (厦门鹭岛优品电子商务有限公司). The two names share no
 * spelling, so the index holds two groups under two keys, until a buyer who filed under the sign
 * files again under the company's name and joins the group there.
 */
@DisplayName("RecentFilings: one storm in two groups, made one by a person's re-filing")
class OneStormTwoGroupsTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final DedupOptions options = DedupOptions.defaults();
  private final InMemoryDedupIndex index = new InMemoryDedupIndex(options);
  private final RecentFilings recent = new RecentFilings(options);

  private final List<UUID> ids = new ArrayList<>();

  private DedupVerdict decide(TestRecords r) {
    RecentFilings.Decided d =
        recent.decide(index, fingerprinter.fingerprint(r.build())).toCompletableFuture().join();
    ids.add(d.fingerprint().id());
    return d.verdict();
  }

  private static TestRecords sign(String phone, int hours, String content) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant("鹭岛数码专营店")
        .content(content)
        .amount(null)
        .occurredOn(LocalDate.of(2025, 11, 11))
        .grievance("not_performed")
        .at(TestRecords.T0.plus(Duration.ofHours(hours)));
  }

  private static TestRecords company(String phone, int hours, String content) {
    return sign(phone, hours, content).merchant("厦门鹭岛优品电子商务有限公司").address("厦门市湖里区火炬高新区创业大厦5楼");
  }

  /** The sign's group of two, then the company's of two: two groups, as the index sees them. */
  private UUID[] twoGroups() {
    DedupVerdict first =
        decide(sign("13950001001", 0, "京东鹭岛数码专营店预售平板电脑，付款3299元，承诺15日前发货，至今未发货，要求退款。"));
    DedupVerdict second = decide(sign("13950002002", 2, "在京东鹭岛数码专营店买的手机，付款后一直不发货，也不给退款。"));
    decide(company("13950003003", 3, "双十一付了定金和尾款买笔记本电脑，页面写72小时发货，过了九天还是待发货，退款被拒。"));
    DedupVerdict fourth =
        decide(company("13950004004", 4, "厦门鹭岛优品电子商务有限公司京东店铺预售的游戏机付款后超过承诺时间未发货，要求退款。"));
    assertThat(first.kind()).isEqualTo(Kind.NEW);
    assertThat(second.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(fourth.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(fourth.clusterId()).as("two groups").isNotEqualTo(second.clusterId());
    return new UUID[] {second.clusterId(), fourth.clusterId()};
  }

  /** The first buyer, a week on, under the company's name. */
  private static TestRecords bridge() {
    return company(
        "13950001001", 30, "11月20号给12315打过电话，到今天还是没发货。我在京东鹭岛数码专营店买的平板，说好15号前发，客服一直说正在加急。只要退款。");
  }

  @Test
  @DisplayName("the re-filing brings the sign's group into the company's, with its size")
  void bridges() {
    UUID[] groups = twoGroups();
    UUID firstBuyer = ids.get(0);
    UUID secondBuyer = ids.get(1);

    DedupVerdict refiled = decide(bridge());

    assertThat(refiled.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(refiled.duplicateOf()).isEqualTo(firstBuyer);
    assertThat(refiled.clusterId()).isEqualTo(groups[1]);
    assertThat(refiled.joinedWith())
        .as("the sign's members join the company's group")
        .contains(firstBuyer, secondBuyer);
    assertThat(refiled.clusterSize()).as("four people").isEqualTo(4);
  }

  @Test
  @DisplayName("a later buyer under the sign joins the one group, which escalates at five")
  void laterUnderTheSign() {
    UUID[] groups = twoGroups();
    decide(bridge());

    DedupVerdict later = decide(sign("13950005005", 40, "鹭岛数码专营店双十一下单的显示器至今未发货，商家不给明确发货时间，要求退款。"));

    assertThat(later.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(later.clusterId()).isEqualTo(groups[1]);
    assertThat(later.clusterSize()).isEqualTo(5);
    assertThat(later.escalated()).isTrue();
  }

  @Test
  @DisplayName("without the re-filing, a later buyer under the sign stays in the sign's group")
  void withoutTheBridge() {
    UUID[] groups = twoGroups();

    DedupVerdict later = decide(sign("13950005005", 40, "鹭岛数码专营店双十一下单的显示器至今未发货，商家不给明确发货时间，要求退款。"));

    assertThat(later.clusterId()).isEqualTo(groups[0]);
    assertThat(later.clusterSize()).isEqualTo(3);
  }

  /** A diner's overcharge at a seafood stall on 曾厝垵 in Golden Week, under {@code name}. */
  private static TestRecords stall(String phone, int hours, String name, String address) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant(name)
        .address(address)
        .content("在" + name + "吃海鲜，菜单上写按份，结账按斤算，多收了好几百元，要求退还。")
        .amount(null)
        .occurredOn(LocalDate.of(2025, 10, 2))
        .grievance("price")
        .at(TestRecords.T0.plus(Duration.ofHours(hours)));
  }

  /**
   * Set BK's seafood stall: its first diner under the full sign, alone; the next two under the
   * short name (海味轩, and the company 厦门海味轩餐饮管理有限公司 whose core it is), where the group forms.
   */
  private UUID stormUnderTheShortName() {
    int first = ids.size();
    decide(stall("13950001001", 0, "海味轩海鲜大排档", "思明区曾厝垵"));
    decide(stall("13950002002", 1, "海味轩", null));
    DedupVerdict third = decide(stall("13950003003", 2, "厦门海味轩餐饮管理有限公司", "思明区曾厝垵"));
    assertThat(third.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(third.joinedWith()).as("the founder left out").doesNotContain(ids.get(first));
    return third.clusterId();
  }

  @Test
  @DisplayName(
      "a founder left alone under the full sign joins when a longer spelling joins the storm")
  void founderLeftAlone() {
    UUID group = stormUnderTheShortName();

    DedupVerdict fourth = decide(stall("13950004004", 3, "海味轩海鲜排档", "思明区曾厝垵"));

    assertThat(fourth.clusterId()).isEqualTo(group);
    assertThat(fourth.joinedWith()).contains(ids.get(0));
    assertThat(fourth.clusterSize()).isEqualTo(4);
    DedupVerdict fifth = decide(stall("13950005005", 4, "海味轩海鲜大排档", "思明区曾厝垵"));
    assertThat(fifth.clusterId()).as("the founder's spelling follows").isEqualTo(group);
    assertThat(fifth.clusterSize()).isEqualTo(5);
  }

  @Test
  @DisplayName("not a lone filing of another trade, another district, or a short spelling's")
  void notAnotherShop() {
    UUID group = stormUnderTheShortName();
    decide(stall("13950006006", 2, "海味轩干货", "思明区曾厝垵"));
    decide(stall("13950007007", 2, "海味轩海鲜酒楼", "湖里区五缘湾"));

    DedupVerdict fourth = decide(stall("13950004004", 3, "海味轩海鲜排档", "思明区曾厝垵"));

    assertThat(fourth.clusterId()).isEqualTo(group);
    assertThat(fourth.joinedWith()).contains(ids.get(0)).doesNotContain(ids.get(3), ids.get(4));
    DedupVerdict shortName = decide(stall("13950008008", 4, "海味轩", "思明区曾厝垵"));
    assertThat(shortName.joinedWith()).doesNotContain(ids.get(3), ids.get(4));
  }

  /**
   * Set I's seafood stall: a storm's group under its full sign (渔歌海鲜大排档), and a second under the
   * short name (渔歌海鲜), which two other matters that week made a name of its own, so the storm's
   * filings there stayed under it.
   */
  private UUID[] twoSpellingsTwoGroups(String shortNameAddress) {
    decide(stall("13950011011", 0, "渔歌海鲜", shortNameAddress).grievance("invoice"));
    decide(stall("13950012012", 0, "渔歌海鲜", shortNameAddress).grievance("safety"));
    decide(stall("13950001001", 1, "渔歌海鲜大排档", "思明区曾厝垵"));
    DedupVerdict second = decide(stall("13950002002", 2, "渔歌海鲜排档", "思明区曾厝垵"));
    DedupVerdict third = decide(stall("13950003003", 3, "渔歌海鲜", shortNameAddress));
    assertThat(second.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(third.kind()).as("the short name is a shop's of its own").isEqualTo(Kind.NEW);
    return new UUID[] {second.clusterId(), ids.get(ids.size() - 1)};
  }

  @Test
  @DisplayName("a group under another spelling of the storm's shop becomes one with it")
  void twoSpellingsMadeOne() {
    UUID[] storm = twoSpellingsTwoGroups("思明区曾厝垵");

    DedupVerdict fourth = decide(stall("13950004004", 4, "渔歌海鲜", "思明区曾厝垵"));

    assertThat(fourth.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(fourth.joinedWith())
        .as("the full sign's group joins")
        .contains(storm[1], ids.get(2), ids.get(3));
    assertThat(fourth.clusterSize()).isEqualTo(4);
    DedupVerdict fifth = decide(stall("13950005005", 5, "渔歌海鲜大排档", "思明区曾厝垵"));
    assertThat(fifth.clusterId()).as("one group").isEqualTo(fourth.clusterId());
    assertThat(fifth.clusterSize()).isEqualTo(5);
    assertThat(fifth.escalated()).isTrue();
  }

  @Test
  @DisplayName("not a group under the spelling in another district")
  void twoSpellingsTwoDistricts() {
    UUID[] storm = twoSpellingsTwoGroups("湖里区五缘湾");

    DedupVerdict fourth = decide(stall("13950004004", 4, "渔歌海鲜", "湖里区五缘湾"));

    assertThat(fourth.kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(fourth.clusterId()).isNotEqualTo(storm[0]);
    assertThat(fourth.joinedWith()).containsExactly(storm[1]);
    assertThat(fourth.clusterSize()).isEqualTo(2);
  }
}
