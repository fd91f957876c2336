package org.hotline.intake.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;

/**
 * Intake's strict reading ({@link StrictJsonReader}: valid UTF-8, no NUL, no key twice, nothing
 * after the document, bounded depth and numbers) for the gateway's other JSON bodies, the operator
 * endpoints' small ones. Thread-safe.
 */
public final class JsonBodies {
  private static final StrictJsonReader READER = new StrictJsonReader(ComplaintParser.MAX_DEPTH);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private JsonBodies() {}

  /**
   * The body's object, its members as Jackson reads them (maps, lists, strings, exact numbers).
   *
   * @throws InvalidRequestException when the body is not one JSON object by intake's rules
   */
  public static Map<String, Object> object(byte[] body) {
    return READER.mapper().convertValue(READER.read(body), MAP);
  }
}
