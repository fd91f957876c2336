package org.hotline.dedup.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Set AT's phone repair shop (the whole set, in order): members under 极客手机快修, and a person under a
 * misheard 几客手机维修 (AT0174) who files again through 12345 under 极客手机快修 (AT0183). The re-filing joins
 * the group under that spelling: it is the person's duplicate, and brings their matter in.
 */
@DisplayName("a re-filing that joins a group under another spelling")
class StandInTest {
  @Test
  @DisplayName("is its original's duplicate and brings the original into the group")
  void bringsTheMatterIn() throws Exception {
    Map<String, EvalRecord> byId = new HashMap<>();
    List<EvalRecord> records = EvalRecord.load("/eval/independent-at.tsv");
    for (EvalRecord r : records) {
      byId.put(r.recordId(), r);
    }
    Map<UUID, DedupVerdict> verdicts = EvaluationTest.verdicts(records);
    DedupVerdict last = verdicts.get(byId.get("AT0183").record().id());
    UUID original = byId.get("AT0174").record().id();
    assertThat(last.kind()).isEqualTo(DedupVerdict.Kind.DUPLICATE);
    assertThat(last.duplicateOf()).isEqualTo(original);
    assertThat(last.clusterId()).isNotNull();
    assertThat(last.joinedWith()).contains(original);
    // Since counterfeit is a practice (forty-fourth session) the storm's group formed before the
    // re-filing came: it joins that group, with the original as the one member it brings.
    assertThat(
            records.stream()
                .filter(r -> "S8".equals(r.stormId()) && !r.recordId().equals("AT0183"))
                .map(r -> verdicts.get(r.record().id()).clusterId()))
        .as("the group the storm's other members are in")
        .contains(last.clusterId());
    Map<UUID, EvalRecord> byUuid = new HashMap<>();
    records.forEach(r -> byUuid.put(r.record().id(), r));
    assertThat(last.joinedWith())
        .as("all of the storm's")
        .allMatch(id -> "S8".equals(byUuid.get(id).stormId()));
  }
}
