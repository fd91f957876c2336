package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A re-filing of a group member's matter carries the group; it is no member of its own. */
@DisplayName("a duplicate of a group's member")
class DuplicateCarriesGroupTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  private static DedupRecord filing(String phone, String content, String at) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant("鹭江海鲜大排档")
        .content(content)
        .amount("300")
        .occurredOn(LocalDate.of(2026, 10, 2))
        .grievance("weights")
        .at(Instant.parse(at))
        .build();
  }

  private static final DedupRecord FIRST =
      filing("13600001111", "10月2日在鹭江海鲜大排档买螃蟹，复秤少了三两，多收300元。", "2026-10-02T10:00:00Z");
  private static final DedupRecord SECOND =
      filing("13600002222", "来电人反映10月2日在鹭江海鲜大排档购买海鲜缺斤少两，多收约300元。", "2026-10-02T12:00:00Z");
  private static final DedupRecord AGAIN =
      filing("13600001111", "我10月2日在鹭江海鲜大排档买的螃蟹缺了三两，要求退还多收的300元。", "2026-10-03T10:00:00Z");
  private static final DedupRecord THIRD =
      filing("13600003333", "鹭江海鲜大排档称重不足，10月2日买的海鲜少了好几两，多收300元。", "2026-10-03T12:00:00Z");

  private final BlockState state = new BlockState();

  private DedupVerdict decide(DedupRecord r) {
    return state.decide(fingerprinter.fingerprint(r), DedupOptions.defaults());
  }

  @Test
  @DisplayName("carries its original's group and size, and the group does not count it")
  void carriesTheGroup() {
    DedupVerdict first = decide(FIRST);
    DedupVerdict second = decide(SECOND);
    assertThat(first.kind()).isEqualTo(Kind.NEW);
    assertThat(second.kind()).isEqualTo(Kind.CLUSTERED);
    DedupVerdict again = decide(AGAIN);
    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.clusterId()).isEqualTo(second.clusterId());
    assertThat(again.clusterSize()).isEqualTo(2);
    DedupVerdict third = decide(THIRD);
    assertThat(third.clusterId()).isEqualTo(second.clusterId());
    assertThat(third.clusterSize()).as("the duplicate not counted").isEqualTo(3);
  }

  @Test
  @DisplayName("a re-filing of a matter in no group carries none")
  void noGroup() {
    decide(FIRST);
    DedupVerdict again = decide(AGAIN);
    assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(again.clusterId()).isNull();
  }
}
