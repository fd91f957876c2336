package org.hotline.dedup.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The verdict codec")
class VerdictCodecTest {
  @Test
  @DisplayName("carries a group verdict with its earlier members unchanged")
  void groupVerdictRoundTrips() {
    DedupVerdict verdict =
        new DedupVerdict(
            Kind.CLUSTERED,
            null,
            UUID.randomUUID(),
            5,
            true,
            List.of(UUID.randomUUID(), UUID.randomUUID()));

    assertThat(VerdictCodec.decode(VerdictCodec.encode(verdict))).isEqualTo(verdict);
  }

  @Test
  @DisplayName("carries new and duplicate verdicts unchanged")
  void otherVerdictsRoundTrip() {
    DedupVerdict duplicate =
        new DedupVerdict(Kind.DUPLICATE, UUID.randomUUID(), null, 0, false, List.of());

    assertThat(VerdictCodec.decode(VerdictCodec.encode(DedupVerdict.fresh())))
        .isEqualTo(DedupVerdict.fresh());
    assertThat(VerdictCodec.decode(VerdictCodec.encode(duplicate))).isEqualTo(duplicate);
  }
}
