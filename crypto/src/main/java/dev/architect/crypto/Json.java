package dev.architect.crypto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader and a compact writer, for claims and footers.
 *
 * <p>Values map to Java as: object - unmodifiable {@code Map<String, Object>} in document order;
 * array - unmodifiable {@code List<Object>}; string - {@code String}; number - {@code Long} when it
 * is an integer that fits, else {@code BigInteger} for other integers and {@code BigDecimal} for
 * numbers with a fraction or exponent; {@code true}/{@code false} - {@code Boolean}; {@code null} -
 * {@code null}.
 *
 * <p>The reader rejects what RFC 8259 forbids or leaves ambiguous, because two parsers that read one
 * token differently are a security problem: duplicate member names (at any depth), anything but
 * whitespace after the value, lone surrogates (escaped or raw), control characters in strings,
 * leading zeros, {@code NaN}/{@code Infinity}, and nesting deeper than {@link #MAX_DEPTH}. Messages
 * name the offset. Stateless and thread-safe.
 */
final class Json {
  /** Deepest nesting of arrays and objects read; deeper input is rejected, not recursed into. */
  static final int MAX_DEPTH = 64;

  private Json() {}

  /**
   * The value {@code text} holds.
   *
   * @throws IllegalArgumentException if {@code text} is not exactly one JSON value (with optional
   *     surrounding whitespace), naming what is wrong and where
   */
  static Object parse(String text) {
    Reader reader = new Reader(text);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.position < text.length()) {
      throw reader.error("unexpected " + reader.describeNext() + " after the JSON value");
    }
    return value;
  }

  /**
   * The compact JSON text of {@code value}, made of the types {@link #parse} returns (any
   * {@code Map} with string keys, {@code List}, {@code CharSequence}, {@code Boolean}, integral
   * {@code Number}s, {@code BigDecimal}, finite {@code Double}/{@code Float}, and {@code null}).
   *
   * @throws IllegalArgumentException for any other value, a non-finite number or a string holding
   *     a lone surrogate
   */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("json value nests deeper than " + MAX_DEPTH + " levels");
    }
    switch (value) {
      case null -> out.append("null");
      case CharSequence text -> writeString(text.toString(), out);
      case Boolean bool -> out.append(bool.booleanValue());
      case Long number -> out.append(number.longValue());
      case Integer number -> out.append(number.intValue());
      case Short number -> out.append(number.shortValue());
      case Byte number -> out.append(number.byteValue());
      case BigInteger number -> out.append(number);
      case BigDecimal number -> out.append(number.toString());
      case Double number -> writeFloating(number, out);
      case Float number -> writeFloating(number.doubleValue(), out);
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!(entry.getKey() instanceof String name)) {
            throw new IllegalArgumentException("json object keys must be strings, was "
                + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
          }
          if (!first) {
            out.append(',');
          }
          first = false;
          writeString(name, out);
          out.append(':');
          write(entry.getValue(), out, depth + 1);
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(list.get(i), out, depth + 1);
        }
        out.append(']');
      }
      default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
          + " as json (strings, numbers, booleans, null, lists and maps only)");
    }
  }

  private static void writeFloating(double number, StringBuilder out) {
    if (!Double.isFinite(number)) {
      throw new IllegalArgumentException("json numbers must be finite, was " + number);
    }
    out.append(new BigDecimal(Double.toString(number)).stripTrailingZeros().toString());
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("json string has a lone surrogate U+"
                + String.format("%04X", (int) c) + " at index " + i);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static final class Reader {
    private final String text;
    private int position;

    Reader(String text) {
      this.text = text;
    }

    Object value(int depth) {
      if (position >= text.length()) {
        throw error("unexpected end of input, expected a value");
      }
      char c = text.charAt(position);
      return switch (c) {
        case '{' -> object(depth + 1);
        case '[' -> array(depth + 1);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield number();
          }
          throw error("unexpected " + describeNext() + ", expected a value");
        }
      };
    }

    private Map<String, Object> object(int depth) {
      checkDepth(depth);
      position++; // {
      Map<String, Object> members = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        position++;
        return Collections.unmodifiableMap(members);
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("unexpected " + describeNext() + ", expected a member name in quotes");
        }
        int nameStart = position;
        String name = string();
        if (members.containsKey(name)) {
          position = nameStart;
          throw error("duplicate member name \"" + name + "\"");
        }
        skipWhitespace();
        expect(':');
        skipWhitespace();
        members.put(name, value(depth));
        skipWhitespace();
        char next = peek();
        position++;
        if (next == '}') {
          return Collections.unmodifiableMap(members);
        }
        if (next != ',') {
          position--;
          throw error("unexpected " + describeNext() + ", expected ',' or '}'");
        }
      }
    }

    private List<Object> array(int depth) {
      checkDepth(depth);
      position++; // [
      List<Object> elements = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        position++;
        return Collections.unmodifiableList(elements);
      }
      while (true) {
        skipWhitespace();
        elements.add(value(depth));
        skipWhitespace();
        char next = peek();
        position++;
        if (next == ']') {
          return Collections.unmodifiableList(elements);
        }
        if (next != ',') {
          position--;
          throw error("unexpected " + describeNext() + ", expected ',' or ']'");
        }
      }
    }

    private void checkDepth(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("json nests deeper than " + MAX_DEPTH + " levels");
      }
    }

    private String string() {
      position++; // opening quote
      StringBuilder out = new StringBuilder();
      while (true) {
        if (position >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(position);
        if (c == '"') {
          position++;
          return out.toString();
        }
        if (c == '\\') {
          escape(out);
        } else if (c < 0x20) {
          throw error(String.format("control character U+%04X in a string (escape it)", (int) c));
        } else if (Character.isHighSurrogate(c) && position + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(position + 1))) {
          out.append(c).append(text.charAt(position + 1));
          position += 2;
        } else if (Character.isSurrogate(c)) {
          throw error(String.format("lone surrogate U+%04X in a string", (int) c));
        } else {
          out.append(c);
          position++;
        }
      }
    }

    private void escape(StringBuilder out) {
      int start = position;
      position++; // backslash
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position++);
      switch (c) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          char unit = hex4();
          if (Character.isHighSurrogate(unit)) {
            if (position + 1 < text.length() && text.charAt(position) == '\\' && text.charAt(position + 1) == 'u') {
              position += 2;
              char low = hex4();
              if (Character.isLowSurrogate(low)) {
                out.append(unit).append(low);
                return;
              }
            }
            position = start;
            throw error(String.format("lone surrogate \\u%04x (a high surrogate must be followed by"
                + " an escaped low surrogate)", (int) unit));
          }
          if (Character.isLowSurrogate(unit)) {
            position = start;
            throw error(String.format("lone surrogate \\u%04x", (int) unit));
          }
          out.append(unit);
        }
        default -> {
          position = start;
          throw error("invalid escape " + describe(c) + " after a backslash");
        }
      }
    }

    private char hex4() {
      if (position + 4 > text.length()) {
        throw error("incomplete \\u escape");
      }
      int value = 0;
      for (int i = 0; i < 4; i++) {
        int digit = Character.digit(text.charAt(position + i), 16);
        if (digit < 0 || text.charAt(position + i) > 'f') {
          throw error("invalid hex digit " + describe(text.charAt(position + i)) + " in a \\u escape");
        }
        value = value * 16 + digit;
      }
      position += 4;
      return (char) value;
    }

    private Object number() {
      int start = position;
      if (peek() == '-') {
        position++;
      }
      if (peek() == '0') {
        position++;
        if (isDigit(peek())) {
          throw error("leading zero in a number");
        }
      } else if (isDigit(peek())) {
        digits();
      } else {
        throw error("expected a digit after '-'");
      }
      boolean integral = true;
      if (peek() == '.') {
        integral = false;
        position++;
        if (!isDigit(peek())) {
          throw error("expected a digit after the decimal point");
        }
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        integral = false;
        position++;
        if (peek() == '+' || peek() == '-') {
          position++;
        }
        if (!isDigit(peek())) {
          throw error("expected a digit in the exponent");
        }
        digits();
      }
      String literal = text.substring(start, position);
      if (integral) {
        BigInteger value = new BigInteger(literal);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
      }
      try {
        return new BigDecimal(literal);
      } catch (NumberFormatException e) {
        position = start;
        throw error("number " + literal + " is out of range");
      }
    }

    private void digits() {
      while (isDigit(peek())) {
        position++;
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, position)) {
        throw error("unexpected " + describeNext() + ", expected a value");
      }
      position += word.length();
      return value;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("unexpected " + describeNext() + ", expected '" + c + "'");
      }
      position++;
    }

    /** The next character, or 0 at the end (never a valid character at any place it is tested). */
    private char peek() {
      return position < text.length() ? text.charAt(position) : 0;
    }

    void skipWhitespace() {
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        position++;
      }
    }

    String describeNext() {
      return position >= text.length() ? "end of input" : describe(text.charAt(position));
    }

    private static String describe(char c) {
      return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException("invalid json at offset " + position + ": " + message);
    }
  }
}
