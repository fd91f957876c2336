package org.hotline.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.Fingerprint;
import org.hotline.dedup.Fingerprinter;
import org.hotline.dedup.InMemoryDedupIndex;
import org.hotline.dedup.grievance.GrievanceClassifier;
import org.hotline.dedup.text.Text;
import org.hotline.intake.routing.RouteProperties;
import org.hotline.intake.routing.Routing;
import org.hotline.intake.routing.RoutingInput;
import org.hotline.intake.validation.Complainant;
import org.hotline.intake.validation.ComplaintParser;
import org.hotline.intake.validation.IntakeRequest;
import org.hotline.intake.validation.Merchant;
import org.hotline.intake.validation.ParserProperties;
import org.hotline.intake.verdict.DedupBootstrap;
import org.hotline.intake.verdict.DedupService;
import org.junit.jupiter.api.DisplayName;

/**
 * The pure part of the intake pipeline under Jazzer: parse → validate → normalise → grievance and
 * fingerprint → dedup decision → route, on contract-shaped bodies with fuzzed values. {@code ./mvnw
 * -Pfuzz verify} fuzzes it; a plain build replays {@code PipelineFuzzTestInputs/complaint/}.
 */
@DisplayName("the intake pipeline under the fuzzer")
class PipelineFuzzTest {
  /** 2026-10-02 10:00 in Xiamen. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-10-02T02:00:00Z"), ZoneOffset.ofHours(8));

  private static final Routing XIAMEN = Routing.xiamen();
  private static final ComplaintParser PARSER = new ComplaintParser(CLOCK, XIAMEN.phoneNumbers());
  private static final GrievanceClassifier GRIEVANCES = grievances();
  private static final byte[] SECRET =
      "fuzz-identity-secret-32-bytes!!!".getBytes(StandardCharsets.UTF_8);
  private static final UUID ID = new UUID(0x0123456789abcdefL, 0x0fedcba987654321L);

  @FuzzTest(maxDuration = "45s")
  @DisplayName("a valid record is judged without error, keeps no personal data and gets a route")
  void complaint(FuzzedDataProvider data) {
    IntakeRequest request = ParserProperties.parse(PARSER, ComplaintBodies.from(data));
    if (request == null) {
      return;
    }
    InMemoryDedupIndex index = new InMemoryDedupIndex(DedupOptions.defaults());
    DedupService dedup =
        new DedupService(new Fingerprinter(SECRET, XIAMEN.cityProfile()), GRIEVANCES, index);
    DedupService.Judgement judged = judge(dedup, request);
    checkFingerprint(judged.fingerprint(), request);
    assertThat(judged.grievance())
        .as("the grievance is read from category and text alone")
        .isEqualTo(GRIEVANCES.classify(request.category(), request.content()));
    dedup.retract(judged);
    assertThat(index.size()).as("a retracted judgement leaves nothing behind").isZero();
    RouteProperties.route(XIAMEN, RoutingInput.from(request));
  }

  /** With the in-memory index and aliases, judging completes before it returns. */
  private static DedupService.Judgement judge(DedupService dedup, IntakeRequest request) {
    Future<DedupService.Judgement> judged = dedup.judge(ID, request);
    assertThat(judged.isComplete()).as("an in-memory judgement is immediate").isTrue();
    if (judged.failed()) {
      throw new AssertionError("judging a valid record failed", judged.cause());
    }
    assertThat(judged.result().verdict()).isNotNull();
    return judged.result();
  }

  private static void checkFingerprint(Fingerprint fp, IntakeRequest request) {
    assertThat(fp.id()).isEqualTo(ID);
    assertThat(fp.receivedAtEpochSecond()).isEqualTo(request.receivedAt().toEpochSecond());
    Fingerprint stored = Fingerprint.fromBytes(fp.toBytes());
    assertThat(stored).as("the stored form reads back as the same fingerprint").isEqualTo(fp);
    assertThat(stored.grievance()).isEqualTo(fp.grievance());
    Complainant c = request.complainant();
    if (c != null && (c.phone() != null || c.idNumber() != null)) {
      assertThat(fp.hasIdentity()).as("a phone or ID number gives an identity").isTrue();
      assertThat(fp.blockingKey()).as("and so a block").isNotNull();
    }
    String kept = new String(fp.toBytes(), StandardCharsets.UTF_8);
    for (String identifier : identifiers(request)) {
      assertThat(kept)
          .as("the fingerprint keeps phones and ID numbers hashed")
          .doesNotContain(identifier);
    }
  }

  /**
   * The complainant's phone and ID number, unless the merchant's own fields carry the same digits
   * (a shop named after its hotline): merchant keys are built from those, legitimately.
   */
  private static List<String> identifiers(IntakeRequest request) {
    List<String> found = new ArrayList<>();
    Complainant c = request.complainant();
    if (c == null) {
      return found;
    }
    Merchant m = request.merchant();
    String merchant =
        m == null
            ? ""
            : Text.toHalfWidth(
                Stream.of(m.name(), m.creditCode(), m.address(), m.platform())
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("\n")));
    Stream.of(c.phone(), c.idNumber())
        .filter(v -> v != null && !merchant.contains(v))
        .forEach(found::add);
    return found;
  }

  private static GrievanceClassifier grievances() {
    try {
      return DedupBootstrap.grievances();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
