package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Grievance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A group of a grievance whose dates say nothing (a closed shop's prepaid cards) takes members for
 * {@link DedupOptions#UNDATED_JOIN_WINDOWS} cluster windows once it has formed: the members of a
 * beauty salon that closed find out one by one and file over three weeks.
 */
@DisplayName("the join window of an undated grievance's group")
class GroupJoinWindowTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  /** Prepaid is one matter a person has with a shop: its dates say nothing of the storm. */
  private static final DedupOptions PREPAID_ONE_MATTER =
      DedupOptions.defaults().withOneMatter(Set.of(Grievance.of("prepaid")));

  private static TestRecords member(String phone, String content, String receivedAt) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant("悦颜美容")
        .content(content)
        .amount(null)
        .occurredOn(null)
        .grievance("prepaid")
        .at(Instant.parse(receivedAt));
  }

  private static final DedupRecord FIRST =
      member("13600001111", "悦颜美容突然关门了，我卡里还有3200元余额，电话打不通，要求退款。", "2026-04-23T02:00:00Z").build();
  private static final DedupRecord SECOND =
      member("13600002222", "来电人反映悦颜美容会所关门，其会员卡余额2100元无法退还，联系不上老板。", "2026-04-24T02:00:00Z")
          .build();
  private static final DedupRecord THIRD =
      member("13600003333", "悦颜美容跑路了，充值5000元还剩4100元，店里东西都搬空了。", "2026-04-25T02:00:00Z").build();

  /** Sixteen days after the third member, seventeen after the group formed. */
  private static DedupRecord late() {
    return member("13600004444", "悦颜美容关门快三周了，我卡里还有2300元，一直没人处理，要求退还余额。", "2026-05-11T02:00:00Z")
        .build();
  }

  private Kind lastOf(DedupOptions options, DedupRecord... records) {
    BlockState state = new BlockState();
    Kind last = null;
    for (DedupRecord r : records) {
      last = state.decide(fingerprinter.fingerprint(r), options).kind();
    }
    return last;
  }

  @Test
  @DisplayName("a member who files two weeks after the others joins their closed shop's group")
  void lateMemberJoins() {
    assertThat(lastOf(PREPAID_ONE_MATTER, FIRST, SECOND, THIRD, late())).isEqualTo(Kind.CLUSTERED);
    assertThat(lastOf(DedupOptions.defaults(), FIRST, SECOND, THIRD, late()))
        .as("control: a grievance whose dates tell storms apart keeps the cluster window")
        .isEqualTo(Kind.NEW);
  }

  /**
   * {@code records} in order through {@link RecentFilings} and a fresh index, as the gateway judges
   * them: a storm's member under another spelling of the shop is decided under the storm's key.
   */
  private Kind lastThroughSpellings(DedupOptions options, DedupRecord... records) {
    RecentFilings memory = new RecentFilings(options, fingerprinter::placeOpening);
    Kind last = null;
    try (InMemoryDedupIndex index = new InMemoryDedupIndex(options)) {
      for (DedupRecord r : records) {
        last =
            memory
                .decide(index, fingerprinter.fingerprint(r))
                .toCompletableFuture()
                .join()
                .verdict()
                .kind();
      }
    }
    return last;
  }

  @Test
  @DisplayName("so does a late member under another spelling of the shop (a caller's 月颜美容)")
  void lateMemberUnderAnotherSpellingJoins() {
    DedupRecord misheard =
        TestRecords.complaint()
            .phone("13600005555")
            .merchant("月颜美容")
            .content("来电人反映月颜美容关门，其会员卡余额1800元无法退还，要求处理。")
            .amount(null)
            .occurredOn(null)
            .grievance("prepaid")
            .at(Instant.parse("2026-05-08T02:00:00Z"))
            .build();
    assertThat(lastThroughSpellings(PREPAID_ONE_MATTER, FIRST, SECOND, THIRD, misheard))
        .isEqualTo(Kind.CLUSTERED);
    assertThat(lastThroughSpellings(DedupOptions.defaults(), FIRST, SECOND, THIRD, misheard))
        .as("control: a grievance whose dates tell storms apart keeps the cluster window")
        .isEqualTo(Kind.NEW);
  }

  @Test
  @DisplayName("one earlier filing two weeks before founds no group: founding keeps the window")
  void noFoundingAcrossWeeks() {
    assertThat(lastOf(PREPAID_ONE_MATTER, FIRST, late())).isEqualTo(Kind.NEW);
    assertThat(
            lastOf(
                PREPAID_ONE_MATTER,
                FIRST,
                member("13600004444", late().content(), "2026-04-26T02:00:00Z").build()))
        .as("control: the same filing within the week founds one")
        .isEqualTo(Kind.CLUSTERED);
  }

  @Test
  @DisplayName("entries are kept as long as a group may take members")
  void retentionCoversTheJoinWindow() {
    DedupOptions shortDuplicates =
        new DedupOptions(
                java.time.Duration.ofDays(10),
                DedupOptions.DEFAULT_CLUSTER_WINDOW,
                DedupOptions.DEFAULT_ESCALATION_THRESHOLD)
            .withOneMatter(Set.of(Grievance.of("prepaid")));
    assertThat(shortDuplicates.retention())
        .isEqualTo(DedupOptions.DEFAULT_CLUSTER_WINDOW.multipliedBy(3));
  }
}
