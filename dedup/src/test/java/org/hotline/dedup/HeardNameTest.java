package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Set BU's summer storms: the call centre writes a name it only heard and marks it （音）: 先果园 for the
 * mango seller 鲜果缘, 朗朗水世界 for the water park 浪浪水世界. Every character of such a name may stand for
 * another that sounds alike.
 */
@DisplayName("a shop's name written by ear")
class HeardNameTest {
  @Test
  @DisplayName("is marked （音） after it or inside its brackets")
  void marked() {
    assertThat(MerchantKeys.heard("先果园（音）")).isTrue();
    assertThat(MerchantKeys.heard("来电人反映在湖里区一家玉器店（翠玉园，音）购物")).isTrue();
    assertThat(MerchantKeys.heard("阿瑞海鲜(音)")).isTrue();
    assertThat(MerchantKeys.heard("音乐餐厅")).isFalse();
    assertThat(MerchantKeys.heard("店里音响声音太大")).isFalse();
    assertThat(MerchantKeys.heard(null)).isFalse();
  }

  @Test
  @DisplayName("spells a name whose every character sounds alike, left-out characters aside")
  void alike() {
    assertThat(RecentFilings.heardAlike("先果园", "鲜果缘水果")).isTrue();
    assertThat(RecentFilings.heardAlike("朗朗水世界", "浪浪水世界")).isTrue();
    assertThat(RecentFilings.spellingsAlike("先果园", "鲜果缘水果")).as("not by the usual rule").isFalse();
    assertThat(RecentFilings.heardAlike("兰花游泳", "浪花游泳")).as("兰 is not 浪").isFalse();
    assertThat(RecentFilings.heardAlike("先果", "鲜果缘")).as("two characters").isFalse();
  }

  private static TestRecords stall(String phone, int hours, String name) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant(name)
        .address("思明区八市")
        .content("在八市" + name + "买芒果，价签写12.8元一斤，结账按38元一斤收，要求退还差价。")
        .amount(null)
        .occurredOn(LocalDate.of(2025, 7, 12))
        .grievance("price")
        .at(TestRecords.T0.plus(Duration.ofHours(hours)));
  }

  private static Kind heardCaller(boolean marked) {
    Fingerprinter fingerprinter = new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
    DedupOptions options = DedupOptions.defaults();
    InMemoryDedupIndex index = new InMemoryDedupIndex(options);
    RecentFilings recent = new RecentFilings(options);
    for (TestRecords r :
        new TestRecords[] {stall("13950001001", 0, "鲜果缘水果店"), stall("13950002002", 1, "鲜果缘水果店")}) {
      recent.decide(index, fingerprinter.fingerprint(r.build())).toCompletableFuture().join();
    }
    TestRecords caller =
        stall("13950003003", 2, marked ? "先果园（音）" : "先果园")
            .content("来电人反映在八市一水果店（来电人称店名“先果园”）购买芒果，标价与结算价格不符，要求处理。");
    return recent
        .decide(index, fingerprinter.fingerprint(caller.build()))
        .toCompletableFuture()
        .join()
        .verdict()
        .kind();
  }

  @Test
  @DisplayName("a caller's heard name joins the storm under its sign; unmarked, it does not")
  void joinsTheStorm() {
    assertThat(heardCaller(true)).isEqualTo(Kind.CLUSTERED);
    assertThat(heardCaller(false)).isNotEqualTo(Kind.CLUSTERED);
  }
}
