package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Grievance;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.dedup.grievance.GrievanceModel;
import org.hotline.dedup.grievance.GrievanceTaxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link RecentFilings#refiledIn} as the gateway's judgement of a transfer runs it (the index under
 * the transfer's own key first, then the person's earlier transfers under other keys), with the
 * configured classifier.
 */
@DisplayName("a transfer filed again under another spelling of the company")
class TransferRefilingTest {
  private static final String R = "../gateway/src/main/resources/routing/";
  private static GrievanceClassifier classifier;
  private static DedupOptions options;
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  @BeforeAll
  static void load() throws Exception {
    GrievanceTaxonomy taxonomy;
    try (InputStream in = new FileInputStream(R + "grievances.yaml")) {
      taxonomy = GrievanceTaxonomy.read(in, "grievances.yaml");
    }
    GrievanceModel model;
    try (InputStream in = new FileInputStream(R + "grievance-corpus.tsv")) {
      model =
          GrievanceModel.train(
              GrievanceModel.readCorpus(in, "corpus", s -> false), GrievanceModel.DEFAULT_MARGIN);
    }
    classifier = new GrievanceClassifier(taxonomy, model);
    options =
        DedupOptions.defaults()
            .withOneMatter(taxonomy.oneMatter())
            .withKin(taxonomy.kin())
            .withUndated(taxonomy.undated());
  }

  record Outcome(Grievance g1, Grievance g2, int agreement, boolean refiled, Kind oneKey) {}

  /** A web filing under 滴滴出行 on 11-02 (ride of 11-01, 98 yuan), a call under 滴滴 on 11-20. */
  private Outcome run(String web, String call) {
    return run(web, call, null, null);
  }

  /** {@link #run(String, String)} with the call's amount and day of the ride. */
  private Outcome run(String web, String call, String amount, LocalDate day) {
    Grievance g1 = classifier.classify("网约车", web);
    Grievance g2 = classifier.classify("网约车", call);
    DedupRecord first =
        TestRecords.complaint()
            .phone("13700005555")
            .merchant("滴滴出行")
            .content(web)
            .amount("98")
            .occurredOn(LocalDate.of(2026, 11, 1))
            .at(Instant.parse("2026-11-02T02:00:00Z"))
            .build()
            .withGrievance(g1);
    DedupRecord second =
        TestRecords.complaint()
            .phone("13700005555")
            .merchant("滴滴")
            .content(call)
            .amount(amount)
            .occurredOn(day)
            .at(Instant.parse("2026-11-20T02:00:00Z"))
            .build()
            .withGrievance(g2);
    InMemoryDedupIndex index = new InMemoryDedupIndex(options);
    RecentFilings recent = new RecentFilings(options);
    // DedupService.outside: each under its key in the transfers' space
    Fingerprint a = fingerprinter.fingerprint(first);
    a = a.withBlockingKey("t:" + a.blockingKey());
    RecentFilings.Decided firstDecided =
        recent.decideOutside(index, a, "t:", "own", Runnable::run).toCompletableFuture().join();
    assertThat(firstDecided.verdict().kind()).isEqualTo(Kind.NEW);
    Fingerprint b = fingerprinter.fingerprint(second);
    b = b.withBlockingKey("t:" + b.blockingKey());
    DedupVerdict decided =
        recent
            .decideOutside(index, b, "t:", "own", Runnable::run)
            .toCompletableFuture()
            .join()
            .verdict();
    Optional<UUID> original =
        decided.kind() == Kind.DUPLICATE ? Optional.of(decided.duplicateOf()) : Optional.empty();
    // control: both under one key, the index's own rule
    InMemoryDedupIndex one = new InMemoryDedupIndex(options);
    one.decide(fingerprinter.fingerprint(first).withBlockingKey("t:n:滴滴"))
        .toCompletableFuture()
        .join();
    Kind oneKey =
        one.decide(fingerprinter.fingerprint(second).withBlockingKey("t:n:滴滴"))
            .toCompletableFuture()
            .join()
            .kind();
    Outcome o =
        new Outcome(
            g1,
            g2,
            MinHash.agreement(a.signatureWords(), 0, b.signatureWords(), 0),
            original.filter(first.id()::equals).isPresent(),
            oneKey);
    return o;
  }

  private static final String DETOUR = "打网约车从火车站到曾厝垵，司机故意绕路，车费98元，比平时多了一倍，要求退还多收的车费。";

  @Test
  @DisplayName("the same ride, its fare and day given, is its duplicate (set AC: 滴滴出行, then 滴滴)")
  void sameRide() {
    Outcome o =
        run(DETOUR, "来电人反映打网约车司机故意绕路，车费98元比平时多了一倍，诉求退还多收的车费。", "98", LocalDate.of(2026, 11, 1));
    assertThat(o.refiled()).as(o.toString()).isTrue();
  }

  @Test
  @DisplayName("another ride's overcharge, with no fare or day of its own, is another matter")
  void anotherRide() {
    Outcome o = run(DETOUR, "来电人称机场接机单被多收费，诉求退还。");
    assertThat(o.g1()).isEqualTo(o.g2());
    assertThat(o.refiled()).isFalse();
  }

  @Test
  @DisplayName("an insult on another ride is another matter")
  void anInsultOnAnotherRide() {
    Outcome o = run("司机嫌我行李多，一路上骂人，还把我的箱子扔下车，要求平台道歉。", "市民反映：乘车途中因空调温度问题，驾驶员对其进行辱骂，诉求：平台核实处理。");
    assertThat(o.g1()).isEqualTo(o.g2());
    assertThat(o.refiled()).isFalse();
  }
}
