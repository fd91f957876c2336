package org.hotline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.dedup.RecentFilings.Uses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RecentFilings.Uses: what was kept under one merchant key, changed in place")
class KeyUsesTest {
  private static final long DAY = 86_400;
  private static final long WINDOW = 30 * DAY;
  private static final long T0 = 1_760_000_000L;

  @Test
  @DisplayName("every grievance added is found again, across the slots' doublings")
  void grievancesAcrossDoublings() {
    // Filings 40 days apart: never two within the window, so only the grievance's own slot counts.
    Uses uses = new Uses(T0, 1, 11);
    for (int g = 12; g <= 20; g++) {
      uses.add(T0 + (g - 11) * 40 * DAY, g, g);
    }
    for (int g = 11; g <= 20; g++) {
      long at = T0 + (g - 11) * 40 * DAY;
      assertThat(uses.established(g, at + DAY, WINDOW)).as("grievance %d", g).isTrue();
      assertThat(uses.established(99, at + DAY, WINDOW)).as("another grievance at %d", g).isFalse();
    }
  }

  @Test
  @DisplayName("a grievance's time is its latest filing, and an earlier one does not move it back")
  void latestTimeKept() {
    Uses uses = new Uses(T0, 1, 11);
    uses.add(T0 + 60 * DAY, 2, 12);
    uses.add(T0 + 100 * DAY, 3, 11);
    uses.add(T0 + 50 * DAY, 4, 11);

    assertThat(uses.established(11, T0 + 120 * DAY, WINDOW)).isTrue();
    assertThat(uses.established(11, T0 + 131 * DAY, WINDOW)).isFalse();
  }

  @Test
  @DisplayName(
      "two filings of any grievance within the window establish the key; the same twice does not")
  void twoOfAnyGrievance() {
    Uses uses = new Uses(T0, 1, 11);
    uses.add(T0, 1, 12); // the same filing remembered again (a batch retried)
    assertThat(uses.established(13, T0 + DAY, WINDOW)).isFalse();

    uses.add(T0 + DAY, 2, 12);
    assertThat(uses.established(13, T0 + 2 * DAY, WINDOW)).isTrue();
    // The older of the two must fall within the window too.
    assertThat(uses.established(13, T0 + 31 * DAY, WINDOW)).isFalse();
  }

  @Test
  @DisplayName("an unread grievance's filing establishes the key for any grievance")
  void unreadCounts() {
    Uses uses = new Uses(T0, 1, 0);
    assertThat(uses.established(13, T0 + DAY, WINDOW)).isTrue();
    assertThat(uses.established(13, T0 + 31 * DAY, WINDOW)).isFalse();
  }
}
