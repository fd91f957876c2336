package org.hotline.intake.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hotline.dedup.text.Text;

/**
 * Turns raw bytes into a JSON object, or fails with document-level errors (pointer {@code ""}).
 *
 * <p>Everything PostgreSQL or the rest of the gateway could choke on is refused here, so later
 * stages can trust the tree: invalid UTF-8, NUL, lone surrogates, duplicate keys, deep nesting and
 * numbers that cannot be held. Jackson's own messages are never passed on because they quote the
 * offending input.
 */
final class StrictJsonReader {
  static final int MAX_NUMBER_LENGTH = 1000;
  static final String NUL = "NUL character (U+0000) is not allowed";
  private static final int MAX_ECHOED_KEY = 64;
  private static final char BOM = '\uFEFF';

  /**
   * The longest text a thread keeps for the next body: a single complaint's limit (64 KiB) decodes
   * into at most as many characters; a longer body (a batch's item may be, under the batch's 4 MiB)
   * gets a buffer of its own.
   */
  static final int KEPT_CHARS = 64 * 1024;

  /**
   * Each thread's decoder and the characters it decodes into, reused from body to body: decoding
   * into a new buffer was 3-5% of the bytes a request allocated. Nothing of the text outlives
   * {@link #read}: Jackson reads it into the tree's own strings and is closed before read returns.
   */
  private static final ThreadLocal<Utf8Scratch> SCRATCH = ThreadLocal.withInitial(Utf8Scratch::new);

  private final ObjectMapper mapper;
  private final int maxDepth;

  StrictJsonReader(int maxDepth) {
    this.maxDepth = maxDepth;
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            // Exact numbers: doubles would turn 1e400 into Infinity and 0.1 into
            // 0.1000000000000000055.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            // channel_ref is stored as given: keep 1.50 as 1.50.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
  }

  /** The reading mapper; its node factory builds the normalised documents. */
  ObjectMapper mapper() {
    return mapper;
  }

  ObjectNode read(byte[] body) {
    if (body == null || body.length == 0) {
      throw InvalidRequestException.ofDocument("empty body");
    }
    CharBuffer text = decodeUtf8(body);
    // RFC 8259 lets a parser ignore a byte order mark; some Windows tools still send one.
    if (text.hasRemaining() && text.get(text.position()) == BOM) {
      text.position(text.position() + 1);
    }
    for (int i = text.position(); i < text.limit(); i++) {
      char c = text.get(i);
      if (c == '\u0000') {
        throw InvalidRequestException.ofDocument(NUL);
      }
      if (c == '\\' && i + 1 < text.limit()) {
        if (text.get(i + 1) == 'u' && !asciiAfter(text, i + 2)) {
          throw InvalidRequestException.ofDocument("malformed JSON");
        }
        i++; // the escaped character: an escaped backslash does not open an escape
      }
    }
    JsonNode root = parse(text);
    if (root == null) {
      throw InvalidRequestException.ofDocument("empty body");
    }
    if (!root.isObject()) {
      throw InvalidRequestException.ofDocument("body must be a JSON object");
    }
    List<String> problems = TreeChecks.problems(root);
    if (!problems.isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      problems.forEach(p -> errors.add(new FieldError("", p)));
      throw new InvalidRequestException(errors);
    }
    return (ObjectNode) root;
  }

  /**
   * Whether the four characters at {@code from} (or as many as there are) are ASCII. Jackson's
   * reader of characters takes only the low byte of a {@code \\u} escape's digit, so {@code
   * \\u000ж} read as {@code \\u0006} and the rest of the document was parsed on; its reader of
   * bytes refuses it (a fuzzer found the difference). An ASCII character that is no hex digit is
   * left to Jackson, which refuses it with its place.
   */
  private static boolean asciiAfter(CharBuffer text, int from) {
    for (int i = from; i < Math.min(from + 4, text.limit()); i++) {
      if (text.get(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /**
   * Strict: Java's decoder refuses overlong forms, encoded surrogates and bad continuations. UTF-8
   * never decodes into more characters than it has bytes, so a buffer of {@code body.length}
   * characters always holds the text.
   */
  private static CharBuffer decodeUtf8(byte[] body) {
    Utf8Scratch scratch = SCRATCH.get();
    CharsetDecoder decoder = scratch.decoder.reset();
    CharBuffer out = scratch.buffer(body.length);
    CoderResult result = decoder.decode(ByteBuffer.wrap(body), out, true);
    if (!result.isUnderflow()) {
      checkDecoded(result);
    }
    result = decoder.flush(out);
    if (!result.isUnderflow()) {
      checkDecoded(result);
    }
    return out.flip();
  }

  private static void checkDecoded(CoderResult result) {
    if (result.isError()) {
      throw InvalidRequestException.ofDocument("invalid UTF-8");
    }
    throw new IllegalStateException("UTF-8 decoded into more characters than it had bytes");
  }

  /** A thread's strict UTF-8 decoder and the buffer it decodes into; see {@link #SCRATCH}. */
  private static final class Utf8Scratch {
    final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer kept = CharBuffer.allocate(1024);

    /** An empty buffer of at least {@code chars}: the kept one, grown, unless too long to keep. */
    CharBuffer buffer(int chars) {
      if (chars > KEPT_CHARS) {
        return CharBuffer.allocate(chars);
      }
      if (kept.capacity() < chars) {
        kept = CharBuffer.allocate(Math.max(chars, Math.min(KEPT_CHARS, 2 * kept.capacity())));
      }
      return kept.clear();
    }
  }

  private JsonNode parse(CharBuffer text) {
    int offset = text.arrayOffset() + text.position();
    try (JsonParser parser = mapper.createParser(text.array(), offset, text.remaining())) {
      JsonNode root = readRoot(parser);
      if (root != null && hasTrailingContent(parser)) {
        throw InvalidRequestException.ofDocument("trailing content after the JSON object");
      }
      return root;
    } catch (IOException e) {
      // Only close() can get here; the content was already read.
      throw InvalidRequestException.ofDocument("malformed JSON");
    }
  }

  private JsonNode readRoot(JsonParser parser) {
    try {
      return mapper.readTree(parser);
    } catch (StreamConstraintsException e) {
      throw InvalidRequestException.ofDocument(constraintDetail(e));
    } catch (JsonProcessingException e) {
      // Databind may wrap a streaming limit in a mapping exception.
      if (e.getCause() instanceof StreamConstraintsException limit) {
        throw InvalidRequestException.ofDocument(constraintDetail(limit));
      }
      throw InvalidRequestException.ofDocument(parseDetail(e, parser));
    } catch (IOException e) {
      throw InvalidRequestException.ofDocument("malformed JSON");
    } catch (NumberFormatException | ArithmeticException e) {
      // BigDecimal refuses exponents beyond the int range (1e2147483648).
      throw InvalidRequestException.ofDocument("number too large to hold");
    } catch (RuntimeException e) {
      throw InvalidRequestException.ofDocument("malformed JSON");
    }
  }

  private static boolean hasTrailingContent(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  private String constraintDetail(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      return "nesting deeper than " + maxDepth;
    }
    if (message.startsWith("Number value length")) {
      return "number longer than " + MAX_NUMBER_LENGTH + " characters";
    }
    return "document exceeds parser limits";
  }

  private static String parseDetail(JsonProcessingException e, JsonParser parser) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Duplicate field")) {
      // Jackson records the name before it checks for the duplicate.
      return "duplicate key \"" + echoKey(currentName(parser)) + "\"";
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
    String why = e instanceof JsonEOFException ? ": unexpected end of input" : "";
    return "malformed JSON" + where + why;
  }

  private static String currentName(JsonParser parser) {
    try {
      return parser.currentName();
    } catch (IOException e) {
      return null;
    }
  }

  /** Keys are not values, but bound and escape them so a detail stays one short line. */
  private static String echoKey(String key) {
    if (key == null) {
      return "";
    }
    String shown = key;
    if (Text.codePoints(key) > MAX_ECHOED_KEY) {
      shown = key.substring(0, key.offsetByCodePoints(0, MAX_ECHOED_KEY)) + "…";
    }
    return new String(JsonStringEncoder.getInstance().quoteAsString(shown));
  }
}
