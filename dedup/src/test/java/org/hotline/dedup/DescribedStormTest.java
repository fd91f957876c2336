package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 12345's order that only describes the shop (a place, 一家 and a kind of shop) joins the one storm
 * of its grievance in its district whose spellings name that kind (set BA).
 */
@DisplayName("RecentFilings: a described shop's storm")
class DescribedStormTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final DedupOptions options = DedupOptions.defaults();
  private final InMemoryDedupIndex index = new InMemoryDedupIndex(options);
  private final RecentFilings recent = new RecentFilings(options);
  private int people;

  private RecentFilings.Decided decide(TestRecords r) {
    return recent.decide(index, fingerprinter.fingerprint(r.build())).toCompletableFuture().join();
  }

  /** A member of a gym's closure, under its sign, placed by {@code address}. */
  private TestRecords member(String sign, String address) {
    return filing(sign, address, "来电人反映" + sign + "6月7日突然停业，其办理的年卡3600元无法退款，要求退款。");
  }

  /** 12345's order of another member, the shop only described. */
  private TestRecords order(String described) {
    return filing(
        described,
        null,
        "市民反映：" + described + "于6月7日起突然停业，该市民此前在该健身房办理游泳健身年卡，费用3600元，现无法退款。诉求：督促退费。");
  }

  /** Another person's prepaid filing of the closure of 6 June, an hour after the one before. */
  private TestRecords filing(String merchant, String address, String content) {
    people++;
    return TestRecords.complaint()
        .phone("139500%05d".formatted(people))
        .merchant(merchant)
        .address(address)
        .content(content)
        .amount("3600")
        .occurredOn(LocalDate.of(2026, 6, 7))
        .grievance("prepaid")
        .at(TestRecords.T0.plus(Duration.ofHours(people)));
  }

  @Test
  @DisplayName("joins the storm of its grievance in its district whose name holds its kind")
  void joins() {
    decide(member("力美健身", "湖里区五缘湾乐都汇3楼"));
    RecentFilings.Decided storm = decide(member("力美健身", "湖里区五缘湾"));
    assertThat(storm.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    RecentFilings.Decided described = decide(order("湖里区五缘湾乐都汇商场三楼一家健身房"));
    assertThat(described.verdict().kind()).isEqualTo(Kind.CLUSTERED);
    assertThat(described.verdict().clusterId()).isEqualTo(storm.verdict().clusterId());
  }

  @Test
  @DisplayName("not in another district, not beside one filing, not when two storms name the kind")
  void controls() {
    decide(member("力美健身", "湖里区五缘湾乐都汇3楼"));
    assertThat(decide(order("湖里区五缘湾乐都汇商场三楼一家健身房")).verdict().kind())
        .as("one filing is no storm")
        .isEqualTo(Kind.NEW);
    decide(member("力美健身", "湖里区五缘湾"));
    assertThat(decide(order("集美区侨英路一家健身房")).verdict().kind())
        .as("another district")
        .isEqualTo(Kind.NEW);
    decide(member("动感健身", "湖里区江头"));
    decide(member("动感健身", "湖里区江头北路"));
    assertThat(decide(order("湖里区万达广场一家健身房")).verdict().kind())
        .as("two storms of the kind in the district: which shop is not said")
        .isEqualTo(Kind.NEW);
  }
}
