package org.hotline.loadtest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.intake.routing.Route;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.validation.InvalidRequestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The synthetic corpus")
class CorpusTest {
  private static final int N = 4000;

  static List<Filing> take(Scenario s, long seed, int n) {
    Corpus c = new Corpus(s, seed);
    List<Filing> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(c.next((double) i / n));
    }
    return out;
  }

  @Nested
  @DisplayName("sizes its merchant pool to its length")
  class Pool {
    /** Filings that are members of a group complaint, by the corpus's own ground truth. */
    private int grouped(Corpus c, int n) {
      int grouped = 0;
      for (int i = 0; i < n; i++) {
        if (c.next((double) i / n).truth().group() != null) {
          grouped++;
        }
      }
      return grouped;
    }

    @Test
    @DisplayName("the default pool up to 1,200 filings, a larger one beyond, capped")
    void poolSize() {
      assertThat(Corpus.shopsPerTrade(1_000)).isEqualTo(40);
      assertThat(Corpus.shopsPerTrade(1_200)).isEqualTo(40);
      assertThat(Corpus.shopsPerTrade(12_000)).isEqualTo(400);
      assertThat(Corpus.shopsPerTrade(1_000_000)).isEqualTo(33_333);
      assertThat(Corpus.shopsPerTrade(1_000_000_000)).isEqualTo(Corpus.MAX_SHOPS_PER_TRADE);
    }

    @Test
    @DisplayName(
        "a long corpus spreads over more shops, so that not every shop's complainants become a"
            + " group complaint")
    void longCorpusSpreads() {
      int n = 60_000;
      int fixed = grouped(new Corpus(Scenario.STEADY, 5), n);
      int sized = grouped(Corpus.sized(Scenario.STEADY, 5, n), n);
      // Measured: 57,912 of 60,000 with the default pool of 600 shops, 18,166 with 20,000 shops.
      assertThat(fixed).as("default pool").isGreaterThan(n * 9 / 10);
      assertThat(sized).as("sized pool").isLessThan(n / 3);
    }
  }

  @Nested
  @DisplayName("is reproducible")
  class Seeds {
    @Test
    void theSameSeedGivesTheSameFilings() {
      assertThat(take(Scenario.GOLDEN_WEEK, 7, 2000))
          .isEqualTo(take(Scenario.GOLDEN_WEEK, 7, 2000));
    }

    @Test
    void anotherSeedGivesOtherFilings() {
      List<Filing> a = take(Scenario.GOLDEN_WEEK, 7, 200);
      List<Filing> b = take(Scenario.GOLDEN_WEEK, 8, 200);
      assertThat(a.stream().map(Filing::body).toList())
          .doesNotContainAnyElementsOf(b.stream().map(Filing::body).toList());
    }

    @Test
    @DisplayName(
        "another seed shares no source_id, so runs against one database are all new records")
    void anotherSeedSharesNoSourceId() {
      List<String> a = take(Scenario.STEADY, 12, 2000).stream().map(Filing::sourceId).toList();
      List<String> b = take(Scenario.STEADY, 13, 2000).stream().map(Filing::sourceId).toList();
      assertThat(a).doesNotContainAnyElementsOf(b);
    }
  }

  @Nested
  @DisplayName("passes the gateway's own checks")
  class Gateway {
    private final Routing routing = Routing.xiamen();
    private final ComplaintParser parser =
        new ComplaintParser(Clock.systemUTC(), routing.phoneNumbers());

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyBodyIsValidAndRoutesWhereTheTruthSays(Scenario s) throws Exception {
      Map<String, Integer> wrong = new HashMap<>();
      for (Filing f : take(s, 42, N)) {
        IntakeRequest req;
        try {
          req = parser.parse(f.body().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidRequestException e) {
          throw new AssertionError(f.body() + " → " + e.getMessage(), e);
        }
        Route r = routing.route(RoutingInput.from(req));
        Truth t = f.truth();
        String expected = t.transferTo() != null ? Route.TRANSFER : t.district();
        if (!expected.equals(r.queue())
            || t.transferTo() != null && !t.transferTo().equals(r.transferTo())) {
          wrong.merge(
              expected + "≠" + r.queue() + " " + r.reason() + " " + req.merchant(),
              1,
              Integer::sum);
        }
      }
      assertThat(wrong).isEmpty();
    }
  }

  @Nested
  @DisplayName("has the Golden Week mix")
  class GoldenWeek {
    private final List<Filing> filings = take(Scenario.GOLDEN_WEEK, 3, 20_000);

    @Test
    void channelsAreMixedAboutFortyFiveFortyFifteen() {
      Map<String, Long> n = new HashMap<>();
      filings.forEach(f -> n.merge(f.channel(), 1L, Long::sum));
      assertThat(n.get("phone") / 20_000.0).isBetween(0.40, 0.50);
      assertThat(n.get("web") / 20_000.0).isBetween(0.35, 0.45);
      assertThat(n.get("12345") / 20_000.0).isBetween(0.11, 0.19);
    }

    @Test
    void fifteenToTwentyPercentAreReFilingsMostlyThroughAnotherChannel() {
      Set<String> seen = new HashSet<>();
      Map<String, String> lastChannel = new HashMap<>();
      int dups = 0;
      int crossChannel = 0;
      int retries = 0;
      for (Filing f : filings) {
        if (f.truth().isRetry()) {
          retries++;
          assertThat(f.body()).isEqualTo(filings.get((int) f.truth().retryOf()).body());
          continue;
        }
        String m = f.truth().matter();
        if (!seen.add(m)) {
          dups++;
          if (!f.channel().equals(lastChannel.get(m))) {
            crossChannel++;
          }
        }
        lastChannel.put(m, f.channel());
      }
      assertThat(dups / 20_000.0).isBetween(0.14, 0.21);
      assertThat(crossChannel).isGreaterThan(dups * 3 / 4);
      assertThat(retries / 20_000.0).isBetween(0.01, 0.03);
    }

    @Test
    void samePersonAndMerchantWithAnotherGrievanceIsAnotherMatter() {
      Map<String, Set<String>> grievances = new HashMap<>();
      for (Filing f : filings) {
        String m = f.truth().matter();
        String personShop = m.substring(0, m.lastIndexOf('-'));
        grievances.computeIfAbsent(personShop, k -> new HashSet<>()).add(f.truth().grievance());
      }
      assertThat(grievances.values().stream().filter(g -> g.size() > 1).count()).isGreaterThan(300);
    }

    @Test
    void groupComplaintsGatherManyPeopleAtOneMerchantWithOneGrievance() {
      Map<String, Set<String>> people = new HashMap<>();
      for (Filing f : filings) {
        if (f.truth().group() != null) {
          people.computeIfAbsent(f.truth().group(), k -> new HashSet<>()).add(f.truth().person());
        }
      }
      assertThat(people.values().stream().filter(p -> p.size() >= 50).count())
          .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theScenicAreasSurge() {
      long scenic =
          filings.stream()
              .filter(
                  f ->
                      f.body().contains("中山路")
                          || f.body().contains("曾厝垵")
                          || f.body().contains("鼓浪屿"))
              .count();
      assertThat(scenic / 20_000.0).isGreaterThan(0.35);
    }

    @Test
    void theRateHasMeanOneAndPeaksMorningAndEvening() {
      int steps = 70_000;
      double sum = 0;
      for (int i = 0; i < steps; i++) {
        sum += Corpus.goldenWeekRate((i + 0.5) / steps);
      }
      assertThat(sum / steps).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
      double day = 1.0 / 7;
      double at = day * 3;
      assertThat(Corpus.goldenWeekRate(at + day * 10 / 24))
          .isGreaterThan(3 * Corpus.goldenWeekRate(at + day * 3 / 24));
      assertThat(Corpus.goldenWeekRate(at + day * 20 / 24))
          .isGreaterThan(3 * Corpus.goldenWeekRate(at + day * 15 / 24));
    }
  }

  @Nested
  @DisplayName("storms")
  class Storm {
    @Test
    void hundredsOfPeopleHitOneMerchantWithOneGrievanceInsideTheWindow() {
      List<Filing> filings = take(Scenario.STORM, 5, 5000);
      Map<String, Set<String>> people = new HashMap<>();
      for (Filing f : filings) {
        if (f.truth().group() != null) {
          people.computeIfAbsent(f.truth().group(), k -> new HashSet<>()).add(f.truth().person());
        }
      }
      int biggest = people.values().stream().mapToInt(Set::size).max().orElse(0);
      assertThat(biggest).isGreaterThan(500);
      double sum = 0;
      for (int i = 0; i < 10_000; i++) {
        sum += Corpus.stormRate((i + 0.5) / 10_000);
      }
      assertThat(sum / 10_000).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @Test
  void writesOneJsonLinePerFilingWithItsTruth() throws Exception {
    StringWriter out = new StringWriter();
    Corpus.writeJsonl(take(Scenario.STEADY, 1, 50), out);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(50);
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var node = mapper.readTree(lines[0]);
    assertThat(node.get("body").get("source_id").asText())
        .isEqualTo(node.get("source_id").asText());
    assertThat(node.get("truth").get("retry_of").asLong()).isEqualTo(-1);
  }

  @Nested
  @DisplayName("is dated in the Golden Week the gateway reads its dates in")
  class Dates {
    @Test
    @DisplayName("the latest Golden Week that has ended: this year from 8 October, else last year")
    void yearFor() {
      assertThat(Corpus.yearFor(java.time.LocalDate.of(2026, 12, 1))).isEqualTo(2026);
      assertThat(Corpus.yearFor(java.time.LocalDate.of(2026, 10, 8))).isEqualTo(2026);
      assertThat(Corpus.yearFor(java.time.LocalDate.of(2026, 10, 7))).isEqualTo(2025);
      assertThat(Corpus.yearFor(java.time.LocalDate.of(2027, 3, 1))).isEqualTo(2026);
    }

    @Test
    @DisplayName("every occurred_at and every dated id is in the corpus's year")
    void everyDateInTheYear() {
      Corpus c = new Corpus(Scenario.GOLDEN_WEEK, 5, 2031);
      int dated = 0;
      for (int i = 0; i < 2000; i++) {
        Filing f = c.next(i / 2000.0);
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("\"occurred_at\":\"(\\d{4})-").matcher(f.body());
        if (m.find()) {
          assertThat(m.group(1)).isEqualTo("2031");
          dated++;
        }
        if (f.channel().equals("phone")) {
          assertThat(f.sourceId()).startsWith("TEL2031");
        }
      }
      assertThat(dated).isPositive();
    }
  }
}
