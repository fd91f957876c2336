package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SeenGroups: a group the index founds with another group's member is that group")
class SeenGroupsTest {
  private final Fingerprinter fingerprinter =
      new Fingerprinter(TestRecords.SECRET, TestCity.XIAMEN);
  private final SeenGroups seen = new SeenGroups(1000, 5);

  private Fingerprint filing(String phone) {
    return fingerprinter.fingerprint(TestRecords.complaint().phone(phone).build());
  }

  private static DedupVerdict grouped(UUID cluster, int size, UUID... with) {
    return new DedupVerdict(Kind.CLUSTERED, null, cluster, size, false, List.of(with));
  }

  @Test
  @DisplayName("its verdicts carry that group, counted in its size, the first and the next")
  void foundedWithAMember() {
    UUID storm = UUID.randomUUID();
    UUID founder = UUID.randomUUID();
    Fingerprint second = filing("13950002002");
    seen.clustered(second, grouped(storm, 2, founder), List.of(), List.of());
    seen.clustered(filing("13950003003"), grouped(storm, 3), List.of(), List.of());

    UUID underAnotherKey = UUID.randomUUID();
    DedupVerdict founded =
        seen.clustered(
            filing("13950004004"), grouped(underAnotherKey, 2, founder), List.of(), List.of());
    DedupVerdict next =
        seen.clustered(filing("13950005005"), grouped(underAnotherKey, 3), List.of(), List.of());

    assertThat(founded.clusterId()).isEqualTo(storm);
    assertThat(founded.clusterSize()).isEqualTo(4);
    assertThat(founded.joinedWith()).containsExactly(founder);
    assertThat(next.clusterId()).isEqualTo(storm);
    assertThat(next.clusterSize()).isEqualTo(5);
    assertThat(next.escalated()).as("five").isTrue();
    assertThat(
            seen.clustered(filing("13950006006"), grouped(storm, 4), List.of(), List.of())
                .clusterSize())
        .as("the storm's own next member counts them")
        .isEqualTo(6);
  }

  @Test
  @DisplayName("not a group founded with a filing in no group, nor one that was there before")
  void controls() {
    UUID storm = UUID.randomUUID();
    UUID member = UUID.randomUUID();
    seen.clustered(filing("13950002002"), grouped(storm, 2, member), List.of(), List.of());
    UUID other = UUID.randomUUID();
    UUID loner = UUID.randomUUID();

    assertThat(
            seen.clustered(filing("13950003003"), grouped(other, 2, loner), List.of(), List.of()))
        .extracting(DedupVerdict::clusterId)
        .isEqualTo(other);
    UUID older = UUID.randomUUID();
    assertThat(
            seen.clustered(filing("13950004004"), grouped(older, 3, member), List.of(), List.of()))
        .extracting(DedupVerdict::clusterId)
        .as("a group of its own already")
        .isEqualTo(older);
  }

  @Test
  @DisplayName("after a rebuild, a group founded with a stored member counts the stored size")
  void afterARebuild() {
    UUID storm = UUID.randomUUID();
    UUID member = UUID.randomUUID();
    seen.restored(member, storm, "n:海味轩", 6);

    DedupVerdict founded =
        seen.clustered(
            filing("13950002002"), grouped(UUID.randomUUID(), 2, member), List.of(), List.of());

    assertThat(founded.clusterId()).isEqualTo(storm);
    assertThat(founded.clusterSize()).isEqualTo(7);
  }

  @Test
  @DisplayName("a group merged into one that was merged in turn is reported as the last")
  void mergedTwice() {
    UUID x = UUID.randomUUID();
    UUID y = UUID.randomUUID();
    UUID z = UUID.randomUUID();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    seen.clustered(filing("13950002002"), grouped(y, 2, a), List.of(), List.of());
    seen.clustered(filing("13950003003"), grouped(x, 2, a), List.of(), List.of()); // x is y
    seen.clustered(filing("13950004004"), grouped(z, 2, b), List.of(), List.of());
    seen.clustered(filing("13950005005"), grouped(y, 2, b), List.of(), List.of()); // y is z

    assertThat(
            seen.clustered(filing("13950006006"), grouped(x, 3), List.of(), List.of()).clusterId())
        .isEqualTo(z);
  }

  @Test
  @DisplayName("a stand-in that joined a group one with another brings its original there")
  void standInIntoAnAlias() {
    UUID z = UUID.randomUUID();
    UUID y = UUID.randomUUID();
    UUID x = UUID.randomUUID();
    UUID a = UUID.randomUUID();
    UUID original = UUID.randomUUID();
    Fingerprint inY = filing("13950003003");
    Fingerprint inX = filing("13950004004");
    seen.clustered(filing("13950002002"), grouped(z, 2, a), List.of(), List.of());
    seen.clustered(inY, grouped(y, 2, a), List.of(), List.of()); // y is z: size 3
    seen.clustered(inX, grouped(x, 2, original), List.of(), List.of());

    SeenGroups.Absorbed absorbed =
        seen.absorb(
            filing("13950005005"),
            original,
            new DedupVerdict(Kind.DUPLICATE, original, y, 3, false, List.of(inY.id(), original)));

    assertThat(absorbed.verdict().clusterId()).isEqualTo(z);
    assertThat(absorbed.verdict().joinedWith()).contains(original, inX.id());
    assertThat(absorbed.verdict().clusterSize())
        .as("the original and its group's other")
        .isEqualTo(5);
    assertThat(absorbed.verdict().escalated()).isTrue();
  }

  @Test
  @DisplayName("a duplicate carrying a group that is one with another carries that one")
  void duplicateCarriesTheAlias() {
    UUID storm = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    UUID a = UUID.randomUUID();
    UUID original = UUID.randomUUID();
    seen.clustered(filing("13950002002"), grouped(storm, 2, a), List.of(), List.of());
    seen.clustered(
        filing("13950003003"), grouped(other, 2, a), List.of(), List.of()); // other is storm

    DedupVerdict carried = seen.carried(DedupVerdict.duplicateOf(original, other, 2));

    assertThat(carried.clusterId()).isEqualTo(storm);
    assertThat(carried.clusterSize()).isEqualTo(3);
    assertThat(carried.duplicateOf()).isEqualTo(original);
    UUID plain = UUID.randomUUID();
    assertThat(seen.carried(DedupVerdict.duplicateOf(original, plain, 2)).clusterId())
        .as("control: a group of its own")
        .isEqualTo(plain);
  }
}
