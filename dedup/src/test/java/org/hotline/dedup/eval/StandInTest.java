package org.hotline.dedup.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.DedupVerdict;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.MerchantAliases;
import org.hotline.dedup.RecentFilings;
import org.hotline.dedup.TestCity;
import org.hotline.dedup.grievance.Taxonomies;
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
    DedupOptions options =
        DedupOptions.defaults()
            .withOneMatter(Taxonomies.xiamen().taxonomy().oneMatter())
            .withKin(Taxonomies.xiamen().taxonomy().kin())
            .withUndated(Taxonomies.xiamen().taxonomy().undated());
    Fingerprinter fingerprinter =
        new Fingerprinter(
            "a stand-in's secret".getBytes(StandardCharsets.UTF_8),
            TestCity.XIAMEN,
            MerchantAliases.inMemory(Fingerprinter.DEFAULT_MAX_ALIASES),
            Taxonomies.xiamen().taxonomy().siteBound());
    RecentFilings recent = new RecentFilings(options, fingerprinter::placeOpening);
    DedupVerdict last = null;
    try (InMemoryDedupIndex index = new InMemoryDedupIndex(options)) {
      for (EvalRecord r : records) {
        DedupVerdict v =
            recent
                .decide(index, fingerprinter.fingerprint(r.record()))
                .toCompletableFuture()
                .join()
                .verdict();
        if (r.recordId().equals("AT0183")) {
          last = v;
        }
      }
    }
    UUID original = byId.get("AT0174").record().id();
    assertThat(last.kind()).isEqualTo(DedupVerdict.Kind.DUPLICATE);
    assertThat(last.duplicateOf()).isEqualTo(original);
    assertThat(last.clusterId()).isNotNull();
    assertThat(last.joinedWith()).contains(original).hasSizeGreaterThan(1);
    Map<UUID, EvalRecord> byUuid = new HashMap<>();
    records.forEach(r -> byUuid.put(r.record().id(), r));
    assertThat(last.joinedWith())
        .as("all of the storm's")
        .allMatch(id -> "S8".equals(byUuid.get(id).stormId()));
  }
}
