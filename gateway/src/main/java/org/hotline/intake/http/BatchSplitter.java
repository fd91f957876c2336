package org.hotline.intake.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a batch body, a JSON array, into the raw bytes of each item, so that every item gets the
 * same strict parse (duplicate keys, encoding, depth) as a record posted alone.
 */
final class BatchSplitter {
  /** The contract's limit. */
  static final int MAX_ITEMS = 500;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build();

  private BatchSplitter() {}

  static List<byte[]> split(byte[] body) {
    List<byte[]> items = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw invalid("the body must be a JSON array of records");
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw invalid("the array is not closed");
        }
        if (items.size() == MAX_ITEMS) {
          throw invalid("at most " + MAX_ITEMS + " records per batch");
        }
        int start = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getByteOffset();
        items.add(Arrays.copyOfRange(body, start, end));
      }
      if (p.nextToken() != null) {
        throw invalid("content after the array");
      }
    } catch (IOException e) {
      throw invalid("malformed JSON array");
    }
    return items;
  }

  private static ApiException invalid(String detail) {
    return ApiException.invalid(
        detail, new JsonArray().add(new JsonObject().put("pointer", "").put("detail", detail)));
  }
}
