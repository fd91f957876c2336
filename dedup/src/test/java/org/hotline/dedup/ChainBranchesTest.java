package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.hotline.dedup.DedupVerdict.Kind;
import org.hotline.dedup.grievance.Taxonomies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two branches of one chain in two districts, each with its own storm: a hotel's overbooking at
 * each (set AX's 悦海湾 曾厝垵店 and 五缘湾店) is two group complaints, as is each branch's closure with its
 * members' prepaid cards (set AY's 力美健身 万达店 and 莲前店, a fortnight apart), where a chain's false
 * advertising is one.
 */
@DisplayName("a chain's branches in two districts")
class ChainBranchesTest {
  private static final MerchantKeys KEYS = new MerchantKeys(TestCity.XIAMEN);

  @Test
  @DisplayName("a name that ends with its branch's place places the shop there")
  void branchAtTheEnd() {
    assertThat(KEYS.district("悦海湾酒店五缘湾店", null)).isEqualTo(350206);
    assertThat(KEYS.district("厦门悦海湾酒店管理有限公司五缘湾分公司", null)).isEqualTo(350206);
    assertThat(KEYS.district("悦海湾酒店曾厝垵店", null)).isEqualTo(350203);
    assertThat(KEYS.district("鼓浪屿馅饼店", null)).as("a brand named after a place").isZero();
  }

  private static DedupRecord hotel(String phone, String name, String grievance, String at) {
    return TestRecords.complaint()
        .phone(phone)
        .merchant(name)
        .content("国庆期间预订的悦海湾酒店客房，10月1日到店时酒店以房满为由拒绝入住，要求赔偿损失。")
        .amount(null)
        .occurredOn(LocalDate.of(2026, 10, 1))
        .grievance(grievance)
        .at(Instant.parse(at))
        .build();
  }

  private Kind otherBranchJoins(String grievance) {
    Fingerprinter fingerprinter =
        new Fingerprinter(
            TestRecords.SECRET,
            TestCity.XIAMEN,
            MerchantAliases.inMemory(Fingerprinter.DEFAULT_MAX_ALIASES),
            Taxonomies.xiamen().taxonomy().siteBound());
    BlockState state = new BlockState();
    DedupOptions options = DedupOptions.defaults();
    state.decide(
        fingerprinter.fingerprint(
            hotel("13600001111", "悦海湾酒店曾厝垵店", grievance, "2026-10-01T10:00:00Z")),
        options);
    state.decide(
        fingerprinter.fingerprint(
            hotel("13600002222", "悦海湾酒店曾厝垵店", grievance, "2026-10-01T12:00:00Z")),
        options);
    return state
        .decide(
            fingerprinter.fingerprint(
                hotel("13600003333", "悦海湾酒店五缘湾店", grievance, "2026-10-02T10:00:00Z")),
            options)
        .kind();
  }

  @Test
  @DisplayName("a service not performed at one branch is no group complaint of the other's")
  void notPerformedIsTheBranchs() {
    assertThat(otherBranchJoins("not_performed")).isEqualTo(Kind.NEW);
    assertThat(otherBranchJoins("prepaid")).as("a branch's closure, its cards").isEqualTo(Kind.NEW);
    assertThat(otherBranchJoins("false_advertising"))
        .as("control: a chain's false advertising is one storm across its branches")
        .isEqualTo(Kind.CLUSTERED);
  }
}
