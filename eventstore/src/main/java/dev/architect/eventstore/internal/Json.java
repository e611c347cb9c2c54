package dev.architect.eventstore.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** JSON checks and the header encoding, on one shared (thread-safe) Jackson mapper. */
public final class Json {
  /** The mapper: strict about trailing tokens. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final TypeReference<TreeMap<String, String>> HEADERS = new TypeReference<>() {};

  private Json() {}

  /** Null if {@code text} is one well-formed JSON value, else the parser's complaint. */
  public static String problem(String text) {
    try {
      if (MAPPER.readTree(text) == null || text.isBlank()) {
        return "no JSON value";
      }
      return null;
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      return e.getOriginalMessage()
          + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr());
    }
  }

  static String encodeHeaders(Map<String, String> headers) {
    if (headers.isEmpty()) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode headers " + headers, e);
    }
  }

  static Map<String, String> decodeHeaders(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(json, HEADERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored headers are not a JSON object of strings: " + json, e);
    }
  }
}
