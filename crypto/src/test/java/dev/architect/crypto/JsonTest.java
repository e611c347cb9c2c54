package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
  @Test
  void readsEveryKindOfValue() {
    Object value = Json.parse(" {\"s\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"i\":-12, \"big\":123456789012345678901234567890,"
        + " \"d\":1.5e3, \"t\":true, \"f\":false, \"n\":null, \"a\":[1,[],{}], \"o\":{\"x\":0}} ");
    assertThat(value).isEqualTo(map(
        "s", "a\"b\\c/d\b\f\n\r\té😀",
        "i", -12L,
        "big", new BigInteger("123456789012345678901234567890"),
        "d", new BigDecimal("1.5e3"),
        "t", true,
        "f", false,
        "n", null,
        "a", Arrays.asList(1L, List.of(), Map.of()),
        "o", Map.of("x", 0L)));
    assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(Json.parse("-0")).isEqualTo(0L);
    assertThat(Json.parse("\"\"")).isEqualTo("");
  }

  @Test
  void keepsMemberOrderAndIsUnmodifiable() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) Json.parse("{\"b\":1,\"a\":2,\"c\":3}");
    assertThat(map.keySet()).containsExactly("b", "a", "c");
    assertThatThrownBy(() -> map.put("d", 4L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writesCompactJsonThatReadsBack() {
    Map<String, Object> value = map("s", "q\"\\\n\u0001é😀", "n", null, "l", List.of(1L, true, new BigDecimal("2.50")),
        "o", map("i", 7, "d", 0.1, "f", 1.5f));
    String text = Json.write(value);
    assertThat(text).isEqualTo(
        "{\"s\":\"q\\\"\\\\\\n\\u0001é😀\",\"n\":null,\"l\":[1,true,2.50],\"o\":{\"i\":7,\"d\":0.1,\"f\":1.5}}");
    assertThat(Json.write(Json.parse(text))).isEqualTo(text);
  }

  @Test
  void refusesToWriteWhatIsNotJson() {
    assertThatThrownBy(() -> Json.write(Double.NaN)).hasMessage("json numbers must be finite, was NaN");
    assertThatThrownBy(() -> Json.write("a\ud800")).hasMessage("json string has a lone surrogate U+D800 at index 1");
    assertThatThrownBy(() -> Json.write(new Object())).hasMessageStartingWith("cannot write a java.lang.Object as json");
    assertThatThrownBy(() -> Json.write(Map.of(1, 2))).hasMessage("json object keys must be strings, was java.lang.Integer");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"a\":1,\"a\":2}|invalid json at offset 7: duplicate member name \"a\"",
      "{\"o\":{\"k\":1,\"k\":1}}|invalid json at offset 12: duplicate member name \"k\"",
      "{} x|invalid json at offset 3: unexpected 'x' after the JSON value",
      "{}{}|invalid json at offset 2: unexpected '{' after the JSON value",
      "\"\\ud800\"|invalid json at offset 1: lone surrogate \\ud800 (a high surrogate must be followed by an escaped low surrogate)",
      "\"\\ud800\\u0041\"|invalid json at offset 1: lone surrogate \\ud800 (a high surrogate must be followed by an escaped low surrogate)",
      "\"\\udc00\"|invalid json at offset 1: lone surrogate \\udc00",
      "\"a\u0001\"|invalid json at offset 2: control character U+0001 in a string (escape it)",
      "\"\\x\"|invalid json at offset 1: invalid escape 'x' after a backslash",
      "\"\\u12g4\"|invalid json at offset 3: invalid hex digit 'g' in a \\u escape",
      "\"abc|invalid json at offset 4: unterminated string",
      "01|invalid json at offset 1: leading zero in a number",
      "-|invalid json at offset 1: expected a digit after '-'",
      "1.|invalid json at offset 2: expected a digit after the decimal point",
      "1e|invalid json at offset 2: expected a digit in the exponent",
      ".5|invalid json at offset 0: unexpected '.', expected a value",
      "+1|invalid json at offset 0: unexpected '+', expected a value",
      "NaN|invalid json at offset 0: unexpected 'N', expected a value",
      "Infinity|invalid json at offset 0: unexpected 'I', expected a value",
      "tru|invalid json at offset 0: unexpected 't', expected a value",
      "[1,]|invalid json at offset 3: unexpected ']', expected a value",
      "{\"a\":1,}|invalid json at offset 7: unexpected '}', expected a member name in quotes",
      "{\"a\" 1}|invalid json at offset 5: unexpected '1', expected ':'",
      "{\"a\":1 \"b\":2}|invalid json at offset 7: unexpected '\"', expected ',' or '}'",
      "[1 2]|invalid json at offset 3: unexpected '2', expected ',' or ']'",
      "{'a':1}|invalid json at offset 1: unexpected ''', expected a member name in quotes",
      "``|invalid json at offset 0: unexpected end of input, expected a value",
      "[|invalid json at offset 1: unexpected end of input, expected a value",
  })
  void rejectsWhatRfc8259ForbidsOrLeavesAmbiguous(String text, String message) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void rejectsRawLoneSurrogatesAndVeryDeepNesting() {
    assertThatThrownBy(() -> Json.parse("\"a\ud800b\"")).hasMessage("invalid json at offset 2: lone surrogate U+D800 in a string");
    assertThat(Json.parse("[".repeat(64) + "]".repeat(64))).isInstanceOf(List.class);
    assertThatThrownBy(() -> Json.parse("[".repeat(65) + "]".repeat(65))).hasMessage(
        "invalid json at offset 64: json nests deeper than 64 levels");
    assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).hasMessage(
        "invalid json at offset 64: json nests deeper than 64 levels");
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
