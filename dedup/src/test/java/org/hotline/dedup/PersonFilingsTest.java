package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A person's recent filings, held as rows in a ring")
class PersonFilingsTest {
  private static final long WEEK = 7 * 86_400L;
  private static final long NOW = 1_764_900_000L;

  private static RecentFilings.Entry filing(
      long id, long phone, long idNumber, long at, String key) {
    long[] signature = new long[MinHash.WORDS];
    signature[0] = id;
    return new RecentFilings.Entry(
        id, ~id, id, ~id, key, at, phone, idNumber, 3, 1_000, 20_000, 0, "鹭岛海鲜", key, 350203,
        signature, 0);
  }

  /**
   * Every filing of the person in {@code probe}'s keys that a walk compares, newest first (views of
   * the ring: read them before the next add).
   */
  private static List<RecentFilings.Entry> walk(PersonFilings filings, RecentFilings.Entry probe) {
    List<RecentFilings.Entry> seen = new ArrayList<>();
    filings.newestMatch(
        probe,
        (now, earlier) -> {
          seen.add(earlier);
          return false;
        });
    return seen;
  }

  private static List<Long> visited(PersonFilings filings, RecentFilings.Entry probe) {
    return walk(filings, probe).stream().map(RecentFilings.Entry::idHigh).toList();
  }

  private static UUID any(PersonFilings filings, RecentFilings.Entry probe) {
    return filings.newestMatch(probe, (now, earlier) -> true);
  }

  @Test
  @DisplayName("finds a filing under its phone or its ID number, and the newest match of both")
  void underEitherKey() {
    PersonFilings filings = new PersonFilings(100, 16, WEEK);
    filings.add(filing(1, 11, 0, NOW, "n:鹭岛海鲜"));
    filings.add(filing(2, 11, 22, NOW + 60, "n:鹭岛海鲜"));
    filings.add(filing(3, 0, 22, NOW + 120, "n:鹭岛海鲜"));

    assertThat(visited(filings, filing(9, 11, 0, NOW + 600, "n:x"))).containsExactly(2L, 1L);
    assertThat(visited(filings, filing(9, 0, 22, NOW + 600, "n:x"))).containsExactly(3L, 2L);
    assertThat(any(filings, filing(9, 11, 22, NOW + 600, "n:x")))
        .as("the newer of the two keys' matches")
        .isEqualTo(new UUID(3, ~3L));
    assertThat(any(filings, filing(9, 33, 44, NOW + 600, "n:x"))).isNull();
  }

  @Test
  @DisplayName("gives back every column it was given, the name kept once when it is the key's")
  void rows() {
    PersonFilings filings = new PersonFilings(100, 16, WEEK);
    RecentFilings.Entry named = filing(1, 11, 0, NOW, "n:鹭岛海鲜");
    filings.add(named);
    RecentFilings.Entry back = walk(filings, filing(9, 11, 0, NOW, "n:x")).get(0);
    assertThat(back.name()).isEqualTo("鹭岛海鲜");
    assertThat(back.blockingKey()).isEqualTo("n:鹭岛海鲜");
    assertThat(
            List.of(
                back.received(),
                back.phone(),
                back.idNumber(),
                back.amount(),
                (long) back.grievance(),
                (long) back.day(),
                (long) back.district()))
        .containsExactly(NOW, 11L, 0L, 1_000L, 3L, 20_000L, 350203L);
    assertThat(MinHash.agreement(back.signature(), back.signatureOffset(), named.signature(), 0))
        .isEqualTo(MinHash.SLOTS);
  }

  @Test
  @DisplayName("holds the newest filings up to its capacity, a chunk of the ring at a time")
  void bounded() {
    int capacity = 2 * PersonFilings.CHUNK + 1_000; // the last chunk partly used
    PersonFilings filings = new PersonFilings(capacity, 16, WEEK);
    int added = capacity + 5_000; // round the ring once, and on past its first chunk
    for (int i = 1; i <= added; i++) {
      filings.add(filing(i, 1_000_000 + i, 0, NOW + i, "n:鹭岛海鲜"));
    }
    int oldestHeld = added - capacity + 1;
    assertThat(filings.size()).isEqualTo(capacity);
    assertThat(filings.people()).isEqualTo(capacity);
    assertThat(any(filings, filing(0, 1_000_000 + oldestHeld - 1, 0, NOW, "n:x")))
        .as("the newest of those gone")
        .isNull();
    assertThat(any(filings, filing(0, 1_000_000 + oldestHeld, 0, NOW, "n:x")))
        .as("the oldest held")
        .isEqualTo(new UUID(oldestHeld, ~(long) oldestHeld));
    assertThat(any(filings, filing(0, 1_000_000 + added, 0, NOW, "n:x")))
        .as("the newest, in the first chunk again")
        .isEqualTo(new UUID(added, ~(long) added));
    for (int i = oldestHeld; i <= added; i++) {
      // Each filing that left took its key out of the index: every one held is still found.
      assertThat(any(filings, filing(0, 1_000_000 + i, 0, NOW, "n:x"))).isNotNull();
    }
  }

  @Test
  @DisplayName("forgets a record, and keeps one copy of a filing added twice")
  void forgetsAndReplaces() {
    PersonFilings filings = new PersonFilings(100, 16, WEEK);
    filings.add(filing(1, 11, 22, NOW, "n:鹭岛海鲜"));
    filings.add(filing(2, 11, 22, NOW + 60, "n:鹭岛海鲜"));
    filings.add(filing(2, 11, 22, NOW + 60, "n:鹭岛海鲜")); // a batch retried
    assertThat(visited(filings, filing(9, 11, 0, NOW, "n:x"))).containsExactly(2L, 1L);

    filings.forget(new UUID(2, ~2L), new long[] {11, ~22L});
    assertThat(visited(filings, filing(9, 0, 22, NOW, "n:x"))).containsExactly(1L);
    filings.forget(new UUID(1, ~1L), new long[] {11, ~22L});
    assertThat(filings.people()).isZero();
  }

  @Test
  @DisplayName("compares the newest of a person's filings within the window, and no more")
  void newestWithinTheWindow() {
    PersonFilings filings = new PersonFilings(100, 3, WEEK);
    filings.add(filing(1, 11, 0, NOW - 30 * 86_400L, "n:a")); // a month before: out of the window
    for (int i = 2; i <= 6; i++) {
      filings.add(filing(i, 11, 0, NOW + i, "n:a"));
    }
    assertThat(visited(filings, filing(9, 11, 0, NOW, "n:x"))).containsExactly(6L, 5L, 4L);
  }
}
