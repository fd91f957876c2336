package org.hotline.intake.validation;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.DisplayName;

/**
 * The strict parser under Jazzer, on raw bytes: {@link ParserProperties} says what must hold.
 * {@code ./mvnw -Pfuzz verify} fuzzes it; a plain build replays {@code
 * ComplaintParserFuzzTestInputs/ anyBody/} (hand-written seeds and every input that ever found a
 * bug) as regression tests.
 */
@DisplayName("the parser under the fuzzer")
class ComplaintParserFuzzTest {
  private static final ComplaintParser PARSER = Complaints.parser();

  @FuzzTest(maxDuration = "35s")
  @DictionaryEntries({
    "\"source_id\"",
    "\"type\"",
    "\"complaint\"",
    "\"report\"",
    "\"inquiry\"",
    "\"received_at\"",
    "\"complainant\"",
    "\"merchant\"",
    "\"name\"",
    "\"phone\"",
    "\"id_number\"",
    "\"address\"",
    "\"credit_code\"",
    "\"division_code\"",
    "\"platform\"",
    "\"location\"",
    "\"lat\"",
    "\"lon\"",
    "\"category\"",
    "\"content\"",
    "\"amount\"",
    "\"occurred_at\"",
    "\"channel_ref\"",
    "\"2026-10-02T09:30:00+08:00\"",
    "\"13812345678\"",
    "\"11010519491231002x\"",
    "\\ud800",
    "\\u0000",
    "1e400",
    "0.001",
    "null",
    "\uFEFF"
  })
  @DisplayName("any bytes: a request that reads back as itself, or a refusal in the parser's words")
  void anyBody(byte[] body) {
    ParserProperties.parse(PARSER, body);
  }
}
