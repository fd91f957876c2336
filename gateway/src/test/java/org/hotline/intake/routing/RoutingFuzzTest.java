package org.hotline.intake.routing;

import static org.hotline.intake.support.FuzzText.maybe;
import static org.hotline.intake.support.FuzzText.text;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotline.intake.support.FuzzText;
import org.junit.jupiter.api.DisplayName;

/**
 * Routing under Jazzer, on inputs the parser would never pass as well as those it would: control
 * characters, lone surrogates, codes of any length. {@code ./mvnw -Pfuzz verify} fuzzes it; a plain
 * build replays {@code RoutingFuzzTestInputs/anyInput/} as regression tests.
 */
@DisplayName("routing under the fuzzer")
class RoutingFuzzTest {
  private static final Routing XIAMEN = Routing.xiamen();

  @FuzzTest(maxDuration = "20s")
  @DisplayName(
      "any merchant fields, category and text get a valid route whose reason names no input")
  void anyInput(FuzzedDataProvider data) {
    RoutingInput in =
        new RoutingInput(
            text(data, FuzzText.TYPES),
            maybe(data, FuzzText.CATEGORIES),
            maybe(data, FuzzText.DIVISION_CODES),
            maybe(data, FuzzText.ADDRESSES),
            maybe(data, FuzzText.PLATFORMS),
            maybe(data, FuzzText.MERCHANT_NAMES),
            maybe(data, FuzzText.CONTENTS));
    RouteProperties.route(XIAMEN, in);
  }
}
