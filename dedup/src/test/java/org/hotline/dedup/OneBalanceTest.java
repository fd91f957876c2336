package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Taxonomies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Set BR's swimming school that did not open after the Spring Festival: the parent's call gives
 * what was paid in (3600 yuan for 48 lessons), 12345's work order what is left (2700 for the 36 not
 * given), under the school's shorter name. A prepaid balance is one matter a person has with a shop
 * at a time, and its amounts do not part its filings, also where the text does not say which amount
 * is what is left.
 */
@DisplayName("a prepaid balance filed again with what is left")
class OneBalanceTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  private Kind refiled(DedupOptions options, String leftYuan) {
    InMemoryDedupIndex index = new InMemoryDedupIndex(options);
    RecentFilings recent = new RecentFilings(options);
    TestRecords call =
        TestRecords.complaint()
            .phone("15299225097")
            .merchant("浪花儿童游泳馆")
            .address("海沧区嵩屿街道海虹路5号")
            .content(
                "来电人反映：孩子在海沧区海虹路浪花儿童游泳馆报名游泳课，预付3600元（48节），上了12节。节后游泳馆没有开门，老板称资金困难暂停营业。要求退还剩余费用。")
            .amount("3600")
            .occurredOn(LocalDate.of(2026, 2, 28))
            .grievance("prepaid")
            .at(TestRecords.T0);
    TestRecords order =
        TestRecords.complaint()
            .phone("15299225097")
            .merchant("浪花游泳")
            .address("海沧区海虹路5号")
            .content("市民反映：其子在海沧区海虹路5号浪花游泳培训，" + leftYuan + "元的课时未上，该馆春节后一直未营业。诉求：协调退还课时费。")
            .amount(leftYuan)
            .occurredOn(null)
            .grievance("prepaid")
            .at(TestRecords.T0.plus(Duration.ofDays(4)));
    recent.decide(index, fingerprinter.fingerprint(call.build())).toCompletableFuture().join();
    return recent
        .decide(index, fingerprinter.fingerprint(order.build()))
        .toCompletableFuture()
        .join()
        .verdict()
        .kind();
  }

  @Test
  @DisplayName("under another spelling of the shop, what is left is the same balance")
  void whatIsLeft() {
    DedupOptions prepaidOneMatter =
        DedupOptions.defaults().withOneMatter(Taxonomies.xiamen().taxonomy().oneMatter());
    assertThat(refiled(prepaidOneMatter, "2700")).isEqualTo(Kind.DUPLICATE);
    assertThat(refiled(DedupOptions.defaults(), "2700"))
        .as("control: a grievance a person may have many of with a shop")
        .isNotEqualTo(Kind.DUPLICATE);
  }
}
