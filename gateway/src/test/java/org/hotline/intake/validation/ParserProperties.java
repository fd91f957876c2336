package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.dedup.text.Text;

/**
 * What {@link ComplaintParser#parse} promises for any bytes at all, checked by the fuzz tests:
 *
 * <ul>
 *   <li>it returns a request or throws {@link InvalidRequestException}, nothing else (any other
 *       throwable propagates and is a finding);
 *   <li>a refusal speaks only the documented vocabulary: every detail is one of the parser's own
 *       sentences, and the only text it takes from the request is a key name (an unknown field's
 *       pointer, a duplicate key), never a value, so no phone, ID number or name reaches an error;
 *   <li>an accepted record's normal form is a fixed point: its canonical JSON, and Jackson's plain
 *       serialisation of it, parse back to the same canonical document with the same content hash;
 *   <li>the same bytes give the same hash.
 * </ul>
 */
public final class ParserProperties {
  /** Every {@link FieldError#detail()} the parser can produce; group 1, if any, is echoed text. */
  private static final List<Pattern> VOCABULARY =
      List.of(
          // Document level (StrictJsonReader, TreeChecks).
          Pattern.compile("empty body"),
          Pattern.compile("invalid UTF-8"),
          Pattern.compile(Pattern.quote(StrictJsonReader.NUL)),
          Pattern.compile("body must be a JSON object"),
          Pattern.compile("trailing content after the JSON object"),
          Pattern.compile("malformed JSON( at line \\d+ column \\d+)?(: unexpected end of input)?"),
          Pattern.compile("nesting deeper than " + ComplaintParser.MAX_DEPTH),
          Pattern.compile(
              "number longer than " + StrictJsonReader.MAX_NUMBER_LENGTH + " characters"),
          Pattern.compile("document exceeds parser limits"),
          Pattern.compile("number too large to hold"),
          Pattern.compile(Pattern.quote(TreeChecks.LONE_SURROGATE)),
          Pattern.compile(Pattern.quote(TreeChecks.TOO_LARGE)),
          Pattern.compile(Pattern.quote(TreeChecks.TOO_PRECISE)),
          Pattern.compile("duplicate key \"(.*)\"", Pattern.DOTALL),
          // Field level (FieldReader, ComplaintParser, Parties).
          Pattern.compile("unknown field"),
          Pattern.compile("is required"),
          Pattern.compile("is required for type (complaint|report)"),
          Pattern.compile("must be a string"),
          Pattern.compile("must be a number"),
          Pattern.compile("must be an object"),
          Pattern.compile("must not be blank"),
          Pattern.compile("must be at most \\d+ characters"),
          Pattern.compile("must not contain control characters"),
          Pattern.compile("must be one of complaint, report, inquiry, suggestion"),
          Pattern.compile("must be an RFC 3339 date-time with offset"),
          Pattern.compile("must not be more than 5 minutes in the future"),
          Pattern.compile("must not be more than \\d+ days in the past"),
          Pattern.compile("must not be negative"),
          Pattern.compile("must be at most 1000000000000"),
          Pattern.compile("must have at most 2 decimal places"),
          Pattern.compile("must be a date \\(yyyy-MM-dd\\) or an RFC 3339 date-time with offset"),
          Pattern.compile("must carry at least one of name, phone, id_number, address"),
          Pattern.compile(
              "of a report must carry at least one of name, credit_code, address, platform"),
          Pattern.compile(
              "is not a valid phone number \\(a mainland number, or one from abroad after its"
                  + " country code: \\+852, \\+886, …\\)"),
          Pattern.compile("is not a valid resident ID number"),
          Pattern.compile("is not a valid unified social credit code"),
          Pattern.compile("must be exactly 6 digits"),
          Pattern.compile("must be between -(90|180) and (90|180)"));

  /** The contract's field names: a pointer may name them whether or not the request did. */
  private static final Set<String> CONTRACT_FIELDS =
      Stream.of(
              ComplaintParser.FIELDS,
              Parties.COMPLAINANT_FIELDS,
              Parties.MERCHANT_FIELDS,
              Parties.LOCATION_FIELDS)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  private static final Pattern MESSAGE = Pattern.compile("invalid request \\((\\d+) errors?\\)");
  private static final int MAX_ECHOED_KEY = 64;
  private static final JsonFactory LENIENT = new JsonFactory();
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final CanonicalJson CANONICAL = new CanonicalJson();

  private ParserProperties() {}

  /**
   * Parses {@code body} and checks every property above.
   *
   * @return the request, or null when it was refused (as it may be)
   */
  public static IntakeRequest parse(ComplaintParser parser, byte[] body) {
    IntakeRequest request;
    try {
      request = parser.parse(body);
    } catch (InvalidRequestException refused) {
      checkRefusal(refused, body);
      return null;
    }
    checkFixedPoint(parser, request);
    assertThat(parser.parse(body).contentHash())
        .as("the same bytes parse to the same hash")
        .isEqualTo(request.contentHash());
    return request;
  }

  private static void checkRefusal(InvalidRequestException e, byte[] body) {
    Matcher message = MESSAGE.matcher(String.valueOf(e.getMessage()));
    assertThat(message.matches()).as("message %s says only how many errors", e).isTrue();
    assertThat(e.errors()).hasSize(Integer.parseInt(message.group(1)));
    Set<String> keys = keysOf(body);
    for (FieldError error : e.errors()) {
      String echoed = echoOf(error.detail());
      if (echoed != null) {
        assertThat(keys.stream().map(ParserProperties::echo).anyMatch(echoed::equals))
            .as("a duplicate-key detail echoes a key of the request, not a value")
            .isTrue();
      }
      checkPointer(error.pointer(), keys);
    }
  }

  /** The echoed text of a vocabulary detail, or null when it echoes none; fails off-vocabulary. */
  private static String echoOf(String detail) {
    for (Pattern p : VOCABULARY) {
      Matcher m = p.matcher(detail);
      if (m.matches()) {
        return m.groupCount() == 1 && p.pattern().startsWith("duplicate") ? m.group(1) : null;
      }
    }
    throw new AssertionError("detail outside the parser's vocabulary: " + detail);
  }

  private static void checkPointer(String pointer, Set<String> keys) {
    if (pointer.isEmpty()) {
      return;
    }
    assertThat(pointer).as("an RFC 6901 pointer").startsWith("/");
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      assertThat(CONTRACT_FIELDS.contains(name) || keys.contains(name))
          .as("a pointer names contract fields and the request's own keys, never values")
          .isTrue();
    }
  }

  /** The key as StrictJsonReader echoes it: bounded, then JSON-escaped. */
  private static String echo(String key) {
    String shown = key;
    if (Text.codePoints(key) > MAX_ECHOED_KEY) {
      shown = key.substring(0, key.offsetByCodePoints(0, MAX_ECHOED_KEY)) + "…";
    }
    return new String(JsonStringEncoder.getInstance().quoteAsString(shown));
  }

  /** Every object key the bytes hold up to the first point a lenient parser gives up. */
  private static Set<String> keysOf(byte[] body) {
    Set<String> keys = new HashSet<>();
    try (JsonParser p = LENIENT.createParser(body)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          keys.add(p.currentName());
        }
      }
    } catch (IOException | RuntimeException stop) {
      // What was read so far is what a detail could have echoed.
    }
    return keys;
  }

  private static void checkFixedPoint(ComplaintParser parser, IntakeRequest request) {
    JsonNode normal = request.normalized();
    String whole = hex(CANONICAL.sha256(normal, null));
    String sent = hex(CANONICAL.sha256(normal, "received_at"));
    assertThat(request.contentHashHex())
        .as("the hash covers the normal form (without a defaulted received_at)")
        .isIn(whole, sent);
    byte[] plain;
    try {
      plain = PLAIN.writeValueAsBytes(normal);
    } catch (IOException e) {
      throw new AssertionError("a normal form serialises", e);
    }
    for (byte[] again : List.of(CANONICAL.bytes(normal), plain)) {
      IntakeRequest reread = parser.parse(again);
      assertThat(hex(CANONICAL.sha256(reread.normalized(), null)))
          .as("the normal form reads back as itself")
          .isEqualTo(whole);
      assertThat(reread.contentHashHex()).as("and hashes as itself").isEqualTo(whole);
    }
  }

  private static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
