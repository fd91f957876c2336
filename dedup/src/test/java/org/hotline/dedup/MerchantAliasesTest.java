package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.dedup.text.CreditCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MerchantAliases")
class MerchantAliasesTest {
  private static final String CODE =
      "cc:91350203MA2XN7Q45" + CreditCodes.checkCharacter("91350203MA2XN7Q45");
  private final MerchantAliases aliases = MerchantAliases.inMemory(1000);

  @Test
  @DisplayName("a credit code seen first becomes the key of the names seen with it")
  void creditCodeFirst() {
    assertThat(aliases.canonical(CODE, "n:鹭江海鲜大排档")).isEqualTo(CODE);
    assertThat(aliases.canonical(null, "n:鹭江海鲜大排档")).isEqualTo(CODE);
    assertThat(aliases.canonical(CODE, "n:鹭味餐饮管理")).isEqualTo(CODE);
    assertThat(aliases.canonical(null, "n:鹭味餐饮管理")).isEqualTo(CODE);
  }

  @Test
  @DisplayName("a name seen first keeps its block when the credit code turns up")
  void nameFirst() {
    assertThat(aliases.canonical(null, "n:鹭江海鲜大排档")).isEqualTo("n:鹭江海鲜大排档");
    assertThat(aliases.canonical(CODE, "n:鹭江海鲜大排档")).isEqualTo("n:鹭江海鲜大排档");
    assertThat(aliases.canonical(CODE, null)).isEqualTo("n:鹭江海鲜大排档");
  }

  @Test
  @DisplayName("when a code and a name already lead to two blocks, the name's block wins")
  void conflict() {
    aliases.canonical(CODE, "n:鹭味餐饮管理"); // registered name with the code
    aliases.canonical(null, "n:鹭江海鲜大排档"); // shop name alone
    assertThat(aliases.canonical(CODE, "n:鹭江海鲜大排档")).isEqualTo("n:鹭江海鲜大排档");
    assertThat(aliases.canonical(CODE, null)).isEqualTo("n:鹭江海鲜大排档");
  }

  @Test
  @DisplayName("are learned again from stored fingerprints after a restart")
  void learn() {
    Fingerprinter before = new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
    Fingerprint first =
        before.fingerprint(TestRecords.complaint().creditCode(CODE.substring(3)).build());
    Fingerprinter after = new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
    after.learn(Fingerprint.fromBytes(first.toBytes()));
    Fingerprint nameOnly =
        after.fingerprint(TestRecords.complaint().merchant("厦门鹭江海鲜大排档有限公司").build());
    assertThat(nameOnly.blockingKey()).isEqualTo(first.blockingKey()).isEqualTo(CODE);
  }

  @Test
  @DisplayName("stay within their bound")
  void bounded() {
    MerchantAliases small = MerchantAliases.inMemory(100);
    for (int i = 0; i < 1000; i++) {
      small.canonical(null, "n:shop" + i);
    }
    assertThat(small.size()).isLessThanOrEqualTo(100);
  }
}
