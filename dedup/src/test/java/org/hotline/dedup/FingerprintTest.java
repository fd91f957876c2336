package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hotline.dedup.grievance.Grievance;
import org.hotline.dedup.text.CreditCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Fingerprint")
class FingerprintTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);

  @Nested
  @DisplayName("bytes")
  class Bytes {
    @Test
    @DisplayName("round-trip every part the index needs")
    void roundTrip() {
      String code = "91350203MA2XN7Q45" + CreditCodes.checkCharacter("91350203MA2XN7Q45");
      Fingerprint fp =
          fingerprinter.fingerprint(
              TestRecords.complaint().idNumber("11010519491231002X").creditCode(code).build());
      Fingerprint back = Fingerprint.fromBytes(fp.toBytes());
      assertThat(back).isEqualTo(fp);
      assertThat(back.id()).isEqualTo(fp.id());
      assertThat(back.blockingKey()).isEqualTo("cc:" + code);
      assertThat(back.receivedAtEpochSecond()).isEqualTo(TestRecords.T0.getEpochSecond());
      assertThat(back.phoneIdentity()).isEqualTo(fp.phoneIdentity()).isNotZero();
      assertThat(back.idNumberIdentity()).isEqualTo(fp.idNumberIdentity()).isNotZero();
      assertThat(back.amountCents()).isEqualTo(128_000);
      assertThat(back.occurredEpochDay()).isEqualTo((int) LocalDate.of(2025, 10, 2).toEpochDay());
      assertThat(back.creditCodeHash()).isEqualTo(fp.creditCodeHash()).isNotZero();
      assertThat(back.signature()).isEqualTo(fp.signature());
      assertThat(back.nameKey()).isEqualTo("n:鹭江海鲜大排档");
      assertThat(back.creditKey()).isEqualTo("cc:" + code);
    }

    @Test
    @DisplayName("round-trip a fingerprint that knows almost nothing")
    void unknowns() {
      Fingerprint fp =
          Fingerprint.builder(UUID.randomUUID(), 1_700_000_000L)
              .signature(new long[MinHash.WORDS])
              .build();
      Fingerprint back = Fingerprint.fromBytes(fp.toBytes());
      assertThat(back).isEqualTo(fp);
      assertThat(back.blockingKey()).isNull();
      assertThat(back.indexable()).isFalse();
      assertThat(back.hasIdentity()).isFalse();
      assertThat(back.amountCents()).isEqualTo(Fingerprint.UNKNOWN_AMOUNT);
      assertThat(back.occurredEpochDay()).isEqualTo(Fingerprint.UNKNOWN_DAY);
    }

    @Test
    @DisplayName("round-trip the grievance")
    void grievance() {
      Fingerprint fp =
          fingerprinter.fingerprint(TestRecords.complaint().grievance("prepaid").build());
      assertThat(Fingerprint.fromBytes(fp.toBytes()).grievance().code()).isEqualTo("prepaid");
    }

    @Test
    @DisplayName("round-trip the merchant's district")
    void district() {
      Fingerprint fp =
          fingerprinter.fingerprint(TestRecords.complaint().address("湖里区金湖路128号").build());
      assertThat(fp.district()).isEqualTo(350206);
      assertThat(Fingerprint.fromBytes(fp.toBytes()).district()).isEqualTo(350206);
      assertThat(fp.withBlockingKey("n:other").district()).isEqualTo(350206);
      Fingerprint bound =
          new Fingerprinter(
                  TestRecords.SECRET,
                  TestCity.XIAMEN,
                  MerchantAliases.inMemory(100),
                  java.util.Set.of(Grievance.of("safety")))
              .fingerprint(
                  TestRecords.complaint().grievance("safety").address("湖里区金湖路128号").build());
      assertThat(Fingerprint.fromBytes(bound.toBytes())).isEqualTo(bound);
      assertThat(Fingerprint.fromBytes(bound.toBytes()).place() & 0xFFF)
          .as("no name tag when bound to one site")
          .isZero();
      assertThat(fp.place() & 0xFFF).isNotZero();
    }

    @Test
    @DisplayName("read versions 1 and 2, stored before grievances and districts, as unknown")
    void olderVersions() {
      Fingerprint fp = fingerprinter.fingerprint(TestRecords.complaint().build());
      byte[] v3 = fp.toBytes();
      assertThat(v3[0]).isEqualTo((byte) 3);
      // Version 2 is version 3 without the trailing district (an int), version 1 also without
      // the grievance string before it (length -1 for none).
      byte[] v2 = Arrays.copyOf(v3, v3.length - 4);
      v2[0] = 2;
      byte[] v1 = Arrays.copyOf(v3, v3.length - 8);
      v1[0] = 1;
      for (byte[] old : List.of(v2, v1)) {
        Fingerprint back = Fingerprint.fromBytes(old);
        assertThat(back.grievance().known()).isFalse();
        assertThat(back.district()).isEqualTo(MerchantKeys.UNKNOWN_DISTRICT);
        assertThat(back).isEqualTo(fp);
      }
      Fingerprint placed =
          fingerprinter.fingerprint(TestRecords.complaint().address("同安区环城西路").build());
      byte[] placedV2 = Arrays.copyOf(placed.toBytes(), placed.toBytes().length - 4);
      placedV2[0] = 2;
      assertThat(Fingerprint.fromBytes(placedV2).district()).isZero();
    }

    @Test
    @DisplayName("refuse what is not a fingerprint")
    void garbage() {
      byte[] bytes = fingerprinter.fingerprint(TestRecords.complaint().build()).toBytes();
      assertThatThrownBy(() -> Fingerprint.fromBytes(Arrays.copyOf(bytes, 20)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Fingerprint.fromBytes(new byte[] {9, 1, 2}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("fingerprinter")
  class Fingerprinting {
    @Test
    @DisplayName("blocks by merchant, else by complainant, else not at all")
    void blockingKeys() {
      assertThat(fingerprinter.fingerprint(TestRecords.complaint().build()).blockingKey())
          .isEqualTo("n:鹭江海鲜大排档");
      Fingerprint byPerson =
          fingerprinter.fingerprint(TestRecords.complaint().merchant(null).build());
      assertThat(byPerson.blockingKey()).startsWith("p:").doesNotContain("13950001234");
      Fingerprint nothing =
          fingerprinter.fingerprint(TestRecords.complaint().merchant(null).phone(null).build());
      assertThat(nothing.blockingKey()).isNull();
      assertThat(nothing.indexable()).isFalse();
    }

    @Test
    @DisplayName("takes the amount and the date from the text when the fields are empty")
    void factsFromText() {
      Fingerprint fp =
          fingerprinter.fingerprint(
              TestRecords.complaint()
                  .content("来电人反映：其10月2日在该店吃饭，螃蟹按两算。涉及金额1280元。")
                  .amount(null)
                  .occurredOn(null)
                  .build());
      assertThat(fp.amountCents()).isEqualTo(128_000);
      assertThat(fp.occurredEpochDay()).isEqualTo((int) LocalDate.of(2025, 10, 2).toEpochDay());
    }

    @Test
    @DisplayName("rounds the amount to cents and ignores a negative one")
    void amounts() {
      assertThat(
              fingerprinter
                  .fingerprint(TestRecords.complaint().amount("12.345").build())
                  .amountCents())
          .isEqualTo(1235);
      assertThat(
              fingerprinter
                  .fingerprint(TestRecords.complaint().amount("-5").content("没有金额").build())
                  .amountCents())
          .isEqualTo(Fingerprint.UNKNOWN_AMOUNT);
    }

    @Test
    @DisplayName("gives the same signature to the same text from other records")
    void sameText() {
      Fingerprint a = fingerprinter.fingerprint(TestRecords.complaint().build());
      Fingerprint b =
          fingerprinter.fingerprint(TestRecords.complaint().phone("13800000000").build());
      assertThat(a.signature()).isEqualTo(b.signature());
    }
  }
}
