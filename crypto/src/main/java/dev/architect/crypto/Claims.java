package dev.architect.crypto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claims of a token: a JSON object whose registered claims are typed.
 *
 * <p>The registered claims of PASETO are strings: {@code iss}, {@code sub}, {@code aud}, {@code jti}
 * hold any string, and {@code exp}, {@code nbf}, {@code iat} an RFC 3339 date-time with an uppercase
 * {@code T} and {@code Z} ({@code "2039-01-01T00:00:00+00:00"}); a value of another type is rejected
 * wherever claims are made. Other claims hold any JSON value, seen from Java as {@code String},
 * {@code Long} (or {@code BigInteger}, {@code BigDecimal}), {@code Boolean}, {@code null},
 * {@code List<Object>} and {@code Map<String, Object>}.
 *
 * <pre>{@code
 * Claims claims = Claims.builder()
 *     .subject("user-42")
 *     .expiration(Instant.parse("2039-01-01T00:00:00Z"))
 *     .claim("roles", List.of("reader"))
 *     .build();
 * claims.toJson();  // {"sub":"user-42","exp":"2039-01-01T00:00:00Z","roles":["reader"]}
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #equals} compares the claims as maps.
 */
public final class Claims {
  /** {@code iss}, the issuer: a string. */
  public static final String ISSUER = "iss";
  /** {@code sub}, the subject: a string. */
  public static final String SUBJECT = "sub";
  /** {@code aud}, the audience: a string. */
  public static final String AUDIENCE = "aud";
  /** {@code exp}, the expiration: an RFC 3339 date-time string. */
  public static final String EXPIRATION = "exp";
  /** {@code nbf}, not before: an RFC 3339 date-time string. */
  public static final String NOT_BEFORE = "nbf";
  /** {@code iat}, issued at: an RFC 3339 date-time string. */
  public static final String ISSUED_AT = "iat";
  /** {@code jti}, the token identifier: a string. */
  public static final String TOKEN_ID = "jti";

  private static final Set<String> STRING_CLAIMS = Set.of(ISSUER, SUBJECT, AUDIENCE, TOKEN_ID);
  private static final Set<String> TIME_CLAIMS = Set.of(EXPIRATION, NOT_BEFORE, ISSUED_AT);

  // RFC 3339 section 5.6, with the uppercase T and Z PASETO requires. Ranges are checked by java.time.
  private static final Pattern DATE_TIME = Pattern.compile(
      "([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})");
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final Claims EMPTY = new Claims(Map.of());

  private final Map<String, Object> claims;

  private Claims(Map<String, Object> claims) {
    this.claims = claims;
  }

  /** A builder for new claims. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** No claims: {@code {}}. */
  public static Claims empty() {
    return EMPTY;
  }

  /**
   * The claims of a JSON object, read strictly (RFC 8259: no duplicate names at any depth, nothing
   * after the object, no lone surrogates).
   *
   * @throws IllegalArgumentException if {@code json} is not a JSON object or a registered claim has
   *     the wrong type, saying what and where
   */
  public static Claims fromJson(String json) {
    Objects.requireNonNull(json, "json");
    Object value = Json.parse(json);
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("claims must be a json object, was " + describeJson(value));
    }
    return of(map);
  }

  /**
   * Claims holding a copy of {@code claims}.
   *
   * @throws IllegalArgumentException if a key is not a string, a value is not a JSON value (see the
   *     class comment; an {@code Instant} is accepted and written as an RFC 3339 string), or a
   *     registered claim has the wrong type
   */
  public static Claims of(Map<?, ?> claims) {
    Objects.requireNonNull(claims, "claims");
    Builder builder = builder();
    for (Map.Entry<?, ?> entry : claims.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        throw new IllegalArgumentException("claim names must be strings, was " + entry.getKey());
      }
      builder.claim(name, entry.getValue());
    }
    return builder.build();
  }

  /** The issuer, {@code iss}. */
  public Optional<String> issuer() {
    return Optional.ofNullable((String) claims.get(ISSUER));
  }

  /** The subject, {@code sub}. */
  public Optional<String> subject() {
    return Optional.ofNullable((String) claims.get(SUBJECT));
  }

  /** The audience, {@code aud}. */
  public Optional<String> audience() {
    return Optional.ofNullable((String) claims.get(AUDIENCE));
  }

  /** The token identifier, {@code jti}. */
  public Optional<String> tokenId() {
    return Optional.ofNullable((String) claims.get(TOKEN_ID));
  }

  /** The expiration, {@code exp}. */
  public Optional<Instant> expiration() {
    return time(EXPIRATION);
  }

  /** The start of validity, {@code nbf}. */
  public Optional<Instant> notBefore() {
    return time(NOT_BEFORE);
  }

  /** The time of issue, {@code iat}. */
  public Optional<Instant> issuedAt() {
    return time(ISSUED_AT);
  }

  private Optional<Instant> time(String name) {
    String text = (String) claims.get(name);
    return text == null ? Optional.empty() : Optional.of(parseTime(name, text));
  }

  /** Whether the claim {@code name} is present (possibly with the value {@code null}). */
  public boolean contains(String name) {
    return claims.containsKey(Objects.requireNonNull(name, "name"));
  }

  /**
   * The value of the claim {@code name} as read from JSON, or {@code null} when absent (or JSON
   * {@code null}: see {@link #contains}).
   */
  public Object get(String name) {
    return claims.get(Objects.requireNonNull(name, "name"));
  }

  /** The names of the claims, in order. */
  public Set<String> names() {
    return claims.keySet();
  }

  /** The claims as an unmodifiable map, in order; nested objects and arrays are unmodifiable too. */
  public Map<String, Object> asMap() {
    return claims;
  }

  /** The claims as compact JSON, in order. */
  public String toJson() {
    return Json.write(claims);
  }

  /** A builder holding these claims, to derive new claims from them. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(claims));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Claims that && claims.equals(that.claims);
  }

  @Override
  public int hashCode() {
    return claims.hashCode();
  }

  /** The claims as JSON. */
  @Override
  public String toString() {
    return toJson();
  }

  /**
   * The instant an RFC 3339 date-time string denotes (uppercase {@code T} and {@code Z}; fractional
   * seconds beyond nanoseconds are truncated).
   *
   * @throws IllegalArgumentException if it is not one, naming the claim
   */
  static Instant parseTime(String name, String text) {
    Matcher matcher = DATE_TIME.matcher(text);
    if (matcher.matches()) {
      String fraction = matcher.group(2) == null ? ""
          : "." + matcher.group(2).substring(0, Math.min(9, matcher.group(2).length()));
      try {
        return OffsetDateTime.parse(matcher.group(1) + fraction + matcher.group(3),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        // falls through: the fields are out of range (month 13, hour 25, ...)
      }
    }
    throw new IllegalArgumentException("claim " + name + " must be an RFC 3339 date-time"
        + " (like 2039-01-01T00:00:00Z), was \"" + text + "\"");
  }

  /** {@code instant} as an RFC 3339 string in UTC, fractional seconds only when not zero. */
  static String formatTime(String name, Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException("claim " + name + " must be between years 0000 and 9999, was "
          + instant);
    }
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String describeJson(Object value) {
    return switch (value) {
      case null -> "null";
      case String s -> "a string";
      case List<?> list -> "an array";
      case Boolean b -> "a boolean";
      case Map<?, ?> map -> "an object";
      default -> "a number";
    };
  }

  /**
   * Builds {@link Claims}: setters for the registered claims and {@link #claim} for any other.
   * Setting a claim again replaces it (keeping its place). Not thread-safe; {@link #build()} returns
   * an immutable snapshot and the builder may go on.
   */
  public static final class Builder {
    private final Map<String, Object> claims;

    private Builder(Map<String, Object> claims) {
      this.claims = claims;
    }

    /** Sets the issuer, {@code iss}. */
    public Builder issuer(String issuer) {
      return claim(ISSUER, Objects.requireNonNull(issuer, "issuer"));
    }

    /** Sets the subject, {@code sub}. */
    public Builder subject(String subject) {
      return claim(SUBJECT, Objects.requireNonNull(subject, "subject"));
    }

    /** Sets the audience, {@code aud}. */
    public Builder audience(String audience) {
      return claim(AUDIENCE, Objects.requireNonNull(audience, "audience"));
    }

    /** Sets the token identifier, {@code jti}. */
    public Builder tokenId(String tokenId) {
      return claim(TOKEN_ID, Objects.requireNonNull(tokenId, "tokenId"));
    }

    /**
     * Sets the expiration, {@code exp} (whole seconds are recommended).
     *
     * @throws IllegalArgumentException if {@code expiration} is outside the years 0000-9999
     */
    public Builder expiration(Instant expiration) {
      return claim(EXPIRATION, Objects.requireNonNull(expiration, "expiration"));
    }

    /**
     * Sets the start of validity, {@code nbf}.
     *
     * @throws IllegalArgumentException if {@code notBefore} is outside the years 0000-9999
     */
    public Builder notBefore(Instant notBefore) {
      return claim(NOT_BEFORE, Objects.requireNonNull(notBefore, "notBefore"));
    }

    /**
     * Sets the time of issue, {@code iat}.
     *
     * @throws IllegalArgumentException if {@code issuedAt} is outside the years 0000-9999
     */
    public Builder issuedAt(Instant issuedAt) {
      return claim(ISSUED_AT, Objects.requireNonNull(issuedAt, "issuedAt"));
    }

    /**
     * Sets the claim {@code name} to a copy of {@code value}, a JSON value (see {@link Claims}); an
     * {@code Instant} is written as an RFC 3339 string.
     *
     * @throws IllegalArgumentException if {@code value} is not a JSON value, or {@code name} is a
     *     registered claim and {@code value} has the wrong type for it
     */
    public Builder claim(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Object copy = copy(name, value, 0);
      if (STRING_CLAIMS.contains(name) && !(copy instanceof String)) {
        throw new IllegalArgumentException("claim " + name + " must be a string, was " + describeJson(copy));
      }
      if (TIME_CLAIMS.contains(name)) {
        if (!(copy instanceof String text)) {
          throw new IllegalArgumentException("claim " + name + " must be an RFC 3339 date-time string, was "
              + describeJson(copy));
        }
        parseTime(name, text);
      }
      claims.put(name, copy);
      return this;
    }

    /** Removes the claim {@code name}, if present. */
    public Builder remove(String name) {
      claims.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** Whether the claim {@code name} is set. */
    public boolean contains(String name) {
      return claims.containsKey(Objects.requireNonNull(name, "name"));
    }

    /** The claims set so far. */
    public Claims build() {
      return claims.isEmpty() ? EMPTY : new Claims(Collections.unmodifiableMap(new LinkedHashMap<>(claims)));
    }

    private static Object copy(String name, Object value, int depth) {
      if (depth > Json.MAX_DEPTH) {
        throw new IllegalArgumentException("claim " + name + " nests deeper than " + Json.MAX_DEPTH + " levels");
      }
      return switch (value) {
        case null -> null;
        case String text -> {
          Json.write(text); // rejects lone surrogates
          yield text;
        }
        case Boolean bool -> bool;
        case Long number -> number;
        case Integer number -> number.longValue();
        case Short number -> number.longValue();
        case Byte number -> number.longValue();
        case BigInteger number -> number.bitLength() < 64 ? (Object) number.longValue() : number;
        case BigDecimal number -> number;
        case Double number -> new BigDecimal(Json.write(number));
        case Float number -> new BigDecimal(Json.write(number));
        case Instant instant -> formatTime(name, instant);
        case Map<?, ?> map -> {
          Map<String, Object> members = new LinkedHashMap<>();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
              throw new IllegalArgumentException("claim " + name + " has an object key that is not a string: "
                  + entry.getKey());
            }
            members.put(key, copy(name, entry.getValue(), depth + 1));
          }
          yield Collections.unmodifiableMap(members);
        }
        case List<?> list -> {
          List<Object> elements = new ArrayList<>(list.size());
          for (Object element : list) {
            elements.add(copy(name, element, depth + 1));
          }
          yield Collections.unmodifiableList(elements);
        }
        default -> throw new IllegalArgumentException("claim " + name + " must be a json value (string, number,"
            + " boolean, null, list or map), was a " + value.getClass().getName());
      };
    }
  }
}
