package dev.architect.eventstore.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * The strict Jackson mapper behind {@code EventCodec} and snapshots.
 *
 * <p>Strict on purpose: a stored event or snapshot must never be misread. A property missing from the
 * JSON (as in data written before a field was added, and not upcast) or a null for a primitive fails
 * instead of silently becoming 0 or null; unknown properties and trailing tokens fail too. Floats in
 * untyped trees (what upcasters see) are {@link java.math.BigDecimal}s, so amounts keep their digits.
 */
public final class AggregatesJson {
  /** The mapper; thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

  private AggregatesJson() {}

  /** Why JSON could not be read: malformed, or well-formed but not the expected shape. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean malformed;

    Failure(boolean malformed, String message, Throwable cause) {
      super(message, cause);
      this.malformed = malformed;
    }

    /** True if the bytes are not well-formed JSON; false if they do not fit the target type. */
    public boolean malformed() {
      return malformed;
    }
  }

  /** {@code value} as JSON bytes. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " to JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** {@code json} read as a {@code type}. */
  public static <T> T read(byte[] json, Class<T> type) throws Failure {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** {@code json} read as a JSON object: a mutable map of maps, lists, strings, numbers, booleans and nulls. */
  public static LinkedHashMap<String, Object> readObject(byte[] json) throws Failure {
    try {
      LinkedHashMap<String, Object> map = MAPPER.readValue(json, OBJECT);
      if (map == null) {
        throw new Failure(false, "the JSON value is null, not an object", null);
      }
      return map;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** A JSON object tree (as made by {@link #readObject}) converted to a {@code type}. */
  public static <T> T convert(Object tree, Class<T> type) throws Failure {
    try {
      return MAPPER.convertValue(tree, type);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof IOException io ? io : e;
      String message = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
      throw new Failure(false, message, e);
    }
  }

  private static Failure failure(IOException e) {
    String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    boolean malformed = e instanceof StreamReadException;
    if (malformed && e instanceof JsonProcessingException j && j.getLocation() != null) {
      reason += " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
    }
    return new Failure(malformed, reason, e);
  }
}
