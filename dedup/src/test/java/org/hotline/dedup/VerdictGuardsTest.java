package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Grievance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards a review of the thirty-seventh session's verdict rules asked for, each with the gateway's
 * options and a control: what an undated grievance and the register's words must not fold together
 * (the nameless filing's guard is in RecentFilingsTest).
 */
@DisplayName("guards of the undated and register-word rules")
class VerdictGuardsTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  /** The options the gateway builds from grievances.yaml at HEAD. */
  private static final DedupOptions GATEWAY =
      DedupOptions.defaults()
          .withOneMatter(Set.of(Grievance.of("prepaid")))
          .withKin(
              Set.of(
                  Grievance.of("contract"), Grievance.of("not_performed"), Grievance.of("prepaid")))
          .withUndated(Set.of(Grievance.of("not_performed")));

  /** The same without the undated grievance (the behaviour at de0f13e for this question). */
  private static final DedupOptions NO_UNDATED =
      DedupOptions.defaults()
          .withOneMatter(Set.of(Grievance.of("prepaid")))
          .withKin(
              Set.of(
                  Grievance.of("contract"),
                  Grievance.of("not_performed"),
                  Grievance.of("prepaid")));

  private int agreement(DedupRecord a, DedupRecord b) {
    return MinHash.agreement(
        fingerprinter.fingerprint(a).signatureWords(), 0,
        fingerprinter.fingerprint(b).signatureWords(), 0);
  }

  private Kind decideAll(DedupOptions options, DedupRecord... records) {
    InMemoryDedupIndex index = new InMemoryDedupIndex(options);
    RecentFilings recent = new RecentFilings(options);
    Kind last = null;
    for (DedupRecord r : records) {
      last =
          recent
              .decide(index, fingerprinter.fingerprint(r))
              .toCompletableFuture()
              .join()
              .verdict()
              .kind();
    }
    return last;
  }

  // ---- 5. undated not_performed: two unrelated orders weeks apart --------------------------

  private static TestRecords sofa() {
    return TestRecords.complaint()
        .phone("13600001111")
        .merchant("美家居家具城")
        .content("我8月1日在美家居家具城订了一套真皮沙发，付了全款12800元，说好一个月送货，到现在都没送，打电话一直推。")
        .amount("12800")
        .occurredOn(LocalDate.of(2026, 8, 1))
        .grievance("not_performed")
        .at(java.time.Instant.parse("2026-11-02T02:00:00Z"));
  }

  private static TestRecords wardrobe() {
    return TestRecords.complaint()
        .phone("13600002222")
        .merchant("美家居家具城")
        .content("来电人反映10月28日定制衣柜交了定金3000元，约定11月初上门安装，商家以工厂排期为由拖延至今未安装。")
        .amount("3000")
        .occurredOn(LocalDate.of(2026, 10, 28))
        .grievance("not_performed")
        .at(java.time.Instant.parse("2026-11-04T02:00:00Z"));
  }

  @Test
  @DisplayName(
      "two people's orders paid weeks apart at one shop, in words that share nothing, are no group"
          + " complaint: with the dates far apart the words decide")
  void undatedTwoUnrelatedLateOrders() {
    DedupRecord a = sofa().build();
    DedupRecord b = wardrobe().build();
    assertThat(decideAll(GATEWAY, a, b)).isEqualTo(Kind.NEW);
    assertThat(
            decideAll(
                GATEWAY,
                sofa().build(),
                wardrobe().content("我8月底在美家居家具城订了一套真皮沙发，付了全款，说好一个月送货，到现在都没送，打电话一直推。").build()))
        .as("control: the same sofa storm, told in the same words, paid weeks apart")
        .isEqualTo(Kind.CLUSTERED);
  }

  /** P's call about a sofa (no date, no amount), then P's own web filing about a wardrobe. */
  private DedupVerdict ownInGroup(DedupOptions options) {
    DedupRecord other = sofa().build();
    DedupRecord call =
        TestRecords.complaint()
            .phone("13600009999")
            .merchant("美家居家具城")
            .content("来电人反映在美家居家具城订的沙发一直没送货，要求退款。")
            .amount(null)
            .occurredOn(null)
            .grievance("not_performed")
            .at(java.time.Instant.parse("2026-11-03T02:00:00Z"))
            .build();
    DedupRecord web =
        TestRecords.complaint()
            .phone("13600009999")
            .merchant("美家居家具城")
            .content("我10月28日在美家居家具城定制了衣柜，交了定金3000元，约定11月初上门安装，至今未安装。")
            .amount("3000")
            .occurredOn(LocalDate.of(2026, 10, 28))
            .grievance("not_performed")
            .at(java.time.Instant.parse("2026-11-05T02:00:00Z"))
            .build();
    BlockState state = new BlockState();
    state.decide(fingerprinter.fingerprint(other), options);
    state.decide(fingerprinter.fingerprint(call), options);
    DedupVerdict v = state.decide(fingerprinter.fingerprint(web), options);
    return v;
  }

  @Test
  @DisplayName(
      "a person's second order at the shop of an undated group they are in is no re-filing of"
          + " their first: the index's own rule, words and facts, decides")
  void undatedAnotherOrderOfTheSamePerson() {
    assertThat(ownInGroup(GATEWAY).kind()).isNotEqualTo(Kind.DUPLICATE);
    assertThat(ownInGroup(NO_UNDATED).kind())
        .as("control: with the dates counting, a matter of its own")
        .isNotEqualTo(Kind.DUPLICATE);
  }

  @Test
  @DisplayName("a tea shop's and an e-bike shop's 茶业 and 车业 are two shops, sign or registered name")
  void teaAndEbikeShops() {
    MerchantKeys keys = new MerchantKeys(TestCity.XIAMEN);
    String tea = keys.key("金海湾茶业", null, null, null);
    String bike = keys.key("金海湾车业", null, null, null);
    String regTea = keys.key("厦门金海湾茶业有限公司", null, null, null);
    String regBike = keys.key("厦门金海湾车业有限公司", null, null, null);
    assertThat(tea).isNotEqualTo(bike);
    assertThat(regTea).isNotEqualTo(regBike);

    DedupRecord teaComplaint =
        TestRecords.complaint()
            .phone("13500001111")
            .merchant("金海湾茶业")
            .content("在金海湾茶业买的铁观音礼盒，打开发现茶叶受潮发霉，店家不给退。")
            .amount("680")
            .occurredOn(LocalDate.of(2026, 11, 20))
            .grievance("quality_return")
            .at(java.time.Instant.parse("2026-11-21T02:00:00Z"))
            .build();
    DedupRecord bikeComplaint =
        TestRecords.complaint()
            .phone("13500002222")
            .merchant("金海湾车业")
            .content("来电人反映在金海湾车业买的电动车，骑了三天电池就充不进电，商家拒绝更换。")
            .amount("3280")
            .occurredOn(LocalDate.of(2026, 11, 19))
            .grievance("quality_return")
            .at(java.time.Instant.parse("2026-11-22T02:00:00Z"))
            .build();
    assertThat(decideAll(GATEWAY, teaComplaint, bikeComplaint)).isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName(
      "far-dated filings of an undated grievance at two shops (two districts, two names) under one"
          + " key are no group, and no group of one is made (set AM: 北欧风尚家具 answered cluster_size"
          + " 1 beside 北欧家居馆)")
  void farDatedOtherShopIsNoGroupOfOne() {
    DedupRecord first =
        TestRecords.complaint()
            .phone("13906001111")
            .merchant("北欧家居馆")
            .address("翔安区新店街道")
            .content("双十一在北欧家居馆订了一套沙发，付了全款，说好十天送货，到现在一个月了还没送，客服一直拖。")
            .amount("4800")
            .occurredOn(LocalDate.of(2025, 8, 1))
            .grievance("not_performed")
            .build();
    DedupRecord second =
        TestRecords.complaint()
            .phone("13906002222")
            .merchant("北欧风尚家具")
            .address("海沧区新阳街道")
            .content("双十一在北欧风尚家具订的茶几电视柜，付了全款，商家说10天送货，到现在都没送，说是厂里没货。")
            .amount("2200")
            .occurredOn(LocalDate.of(2025, 9, 20))
            .grievance("not_performed")
            .at(TestRecords.T0.plus(java.time.Duration.ofDays(1)))
            .build();
    Fingerprint a = fingerprinter.fingerprint(first);
    Fingerprint b = fingerprinter.fingerprint(second).withBlockingKey(a.blockingKey());
    InMemoryDedupIndex index = new InMemoryDedupIndex(GATEWAY);
    index.decide(a).toCompletableFuture().join();

    DedupVerdict v = index.decide(b).toCompletableFuture().join();

    assertThat(v.kind()).isEqualTo(Kind.NEW);
    assertThat(v.clusterId()).isNull();
  }
}
