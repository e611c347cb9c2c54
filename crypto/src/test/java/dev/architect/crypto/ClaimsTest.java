package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsTest {
  @Test
  void registeredClaimsAreTypedAndOthersAreJsonValues() {
    Claims claims = Claims.builder()
        .issuer("auth.example.com")
        .subject("user-42")
        .audience("api")
        .tokenId("abc")
        .expiration(Instant.parse("2039-01-01T00:00:00Z"))
        .notBefore(Instant.parse("2038-04-01T00:00:00Z"))
        .issuedAt(Instant.parse("2038-03-17T00:00:00.5Z"))
        .claim("roles", List.of("reader", "writer"))
        .claim("n", 3)
        .claim("ratio", 0.25)
        .claim("nested", Map.of("ok", true))
        .claim("nothing", null)
        .build();

    assertThat(claims.issuer()).contains("auth.example.com");
    assertThat(claims.subject()).contains("user-42");
    assertThat(claims.audience()).contains("api");
    assertThat(claims.tokenId()).contains("abc");
    assertThat(claims.expiration()).contains(Instant.parse("2039-01-01T00:00:00Z"));
    assertThat(claims.notBefore()).contains(Instant.parse("2038-04-01T00:00:00Z"));
    assertThat(claims.issuedAt()).contains(Instant.parse("2038-03-17T00:00:00.5Z"));
    assertThat(claims.get("n")).isEqualTo(3L);
    assertThat(claims.get("ratio")).isEqualTo(new BigDecimal("0.25"));
    assertThat(claims.contains("nothing")).isTrue();
    assertThat(claims.get("nothing")).isNull();
    assertThat(claims.contains("absent")).isFalse();
    assertThat(claims.toJson()).isEqualTo("{\"iss\":\"auth.example.com\",\"sub\":\"user-42\",\"aud\":\"api\",\"jti\":\"abc\","
        + "\"exp\":\"2039-01-01T00:00:00Z\",\"nbf\":\"2038-04-01T00:00:00Z\",\"iat\":\"2038-03-17T00:00:00.500Z\","
        + "\"roles\":[\"reader\",\"writer\"],\"n\":3,\"ratio\":0.25,\"nested\":{\"ok\":true},\"nothing\":null}");
    assertThat(Claims.fromJson(claims.toJson())).isEqualTo(claims);
    assertThat(claims.names()).startsWith("iss", "sub", "aud");
  }

  @Test
  void isACopyAndImmutable() {
    List<Object> roles = new ArrayList<>(List.of("reader"));
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("roles", roles);
    Claims claims = Claims.of(source);
    roles.add("admin");
    source.put("other", 1);

    assertThat(claims.toJson()).isEqualTo("{\"roles\":[\"reader\"]}");
    assertThatThrownBy(() -> claims.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> copy = (List<Object>) claims.get("roles");
    assertThatThrownBy(() -> copy.add("admin")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(claims.toBuilder().subject("s").build().toJson()).isEqualTo("{\"roles\":[\"reader\"],\"sub\":\"s\"}");
    assertThat(claims.toJson()).isEqualTo("{\"roles\":[\"reader\"]}");
  }

  @Test
  void settingAClaimAgainReplacesItInPlaceAndRemoveDropsIt() {
    Claims claims = Claims.builder().subject("a").claim("x", 1).subject("b").remove("x").build();
    assertThat(claims.toJson()).isEqualTo("{\"sub\":\"b\"}");
    assertThat(Claims.builder().build()).isSameAs(Claims.empty());
    assertThat(Claims.empty().toJson()).isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2022-01-01T00:00:00+00:00", "2022-01-01T00:00:00Z", "2022-01-01T01:30:00+01:30", "2021-12-31T19:00:00-05:00",
      "2022-01-01T00:00:00.000Z", "2021-12-31T23:59:59.9999999999Z"})
  void readsRfc3339DateTimesAsInstants(String text) {
    Instant instant = Claims.fromJson("{\"exp\":\"" + text + "\"}").expiration().orElseThrow();
    assertThat(instant).isBetween(Instant.parse("2021-12-31T23:59:59.999999999Z"), Instant.parse("2022-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2022-01-01t00:00:00Z", "2022-01-01T00:00:00z", "2022-01-01 00:00:00Z", "2022-01-01T00:00:00",
      "2022-01-01T00:00Z", "2022-1-01T00:00:00Z", "2022-13-01T00:00:00Z", "2022-02-30T00:00:00Z",
      "2022-01-01T24:00:00Z", "2022-01-01T00:00:00+0000", "2022-01-01T00:00:00.Z", "1640995200", ""})
  void rejectsOtherTimeFormats(String text) {
    assertThatThrownBy(() -> Claims.fromJson("{\"nbf\":\"" + text + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("claim nbf must be an RFC 3339 date-time (like 2039-01-01T00:00:00Z), was \"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"exp\":1640995200}|claim exp must be an RFC 3339 date-time string, was a number",
      "{\"iat\":null}|claim iat must be an RFC 3339 date-time string, was null",
      "{\"iss\":42}|claim iss must be a string, was a number",
      "{\"sub\":[\"a\"]}|claim sub must be a string, was an array",
      "{\"aud\":true}|claim aud must be a string, was a boolean",
      "{\"jti\":{}}|claim jti must be a string, was an object",
      "[]|claims must be a json object, was an array",
      "\"x\"|claims must be a json object, was a string",
      "{\"a\":1,\"a\":1}|invalid json at offset 7: duplicate member name \"a\"",
  })
  void rejectsClaimsOfTheWrongType(String json, String message) {
    assertThatThrownBy(() -> Claims.fromJson(json)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void theBuilderChecksValuesToo() {
    assertThatThrownBy(() -> Claims.builder().claim("exp", "tomorrow")).hasMessage(
        "claim exp must be an RFC 3339 date-time (like 2039-01-01T00:00:00Z), was \"tomorrow\"");
    assertThatThrownBy(() -> Claims.builder().claim("x", new Object())).hasMessage(
        "claim x must be a json value (string, number, boolean, null, list or map), was a java.lang.Object");
    assertThatThrownBy(() -> Claims.builder().claim("x", Map.of(1, 2))).hasMessage(
        "claim x has an object key that is not a string: 1");
    assertThatThrownBy(() -> Claims.builder().claim("x", Double.POSITIVE_INFINITY)).hasMessage(
        "json numbers must be finite, was Infinity");
    assertThatThrownBy(() -> Claims.builder().expiration(Instant.parse("+10000-01-01T00:00:00Z"))).hasMessage(
        "claim exp must be between years 0000 and 9999, was +10000-01-01T00:00:00Z");
    assertThatThrownBy(() -> Claims.builder().claim("x", "\ud800")).hasMessage(
        "json string has a lone surrogate U+D800 at index 0");
  }
}
