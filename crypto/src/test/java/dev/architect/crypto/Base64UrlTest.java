package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each decoding test runs over both decoders: they must accept and reject exactly the same text. */
class Base64UrlTest {
  enum Decoder {
    CONSTANT_TIME(Base64Url::decode),
    TABLE(Base64Url::decodePublic);

    private final Function<CharSequence, byte[]> decode;

    Decoder(Function<CharSequence, byte[]> decode) {
      this.decode = decode;
    }

    byte[] decode(CharSequence text) {
      return decode.apply(text);
    }
  }

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @ParameterizedTest
  @EnumSource(Decoder.class)
  void encodesAsTheJdkDoesWithoutPaddingAndDecodesBack(Decoder decoder) {
    Random random = new Random(8);
    for (int length = 0; length < 200; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String encoded = Base64Url.encode(bytes);
      assertThat(encoded).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      assertThat(decoder.decode(encoded)).isEqualTo(bytes);
    }
  }

  @ParameterizedTest
  @EnumSource(Decoder.class)
  void rfc4648Examples(Decoder decoder) {
    assertThat(Base64Url.encode("".getBytes())).isEmpty();
    assertThat(Base64Url.encode("f".getBytes())).isEqualTo("Zg");
    assertThat(Base64Url.encode("fo".getBytes())).isEqualTo("Zm8");
    assertThat(Base64Url.encode("foo".getBytes())).isEqualTo("Zm9v");
    assertThat(Base64Url.encode("foobar".getBytes())).isEqualTo("Zm9vYmFy");
    assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
    assertThat(decoder.decode("-_8")).containsExactly(0xfb, 0xff);
  }

  /**
   * Every string of up to three characters of the alphabet: decoding accepts exactly the canonical
   * ones (those that encoding gives back unchanged), where the JDK accepts them all.
   */
  @ParameterizedTest
  @EnumSource(Decoder.class)
  void acceptsExactlyTheCanonicalStringsOfUpToThreeCharacters(Decoder decoder) {
    int accepted = 0;
    int rejected = 0;
    for (int length = 1; length <= 3; length++) {
      int count = 1 << (6 * length);
      for (int n = 0; n < count; n++) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < length; k++) {
          text.append(ALPHABET.charAt((n >>> (6 * k)) & 63));
        }
        String s = text.toString();
        boolean canonical;
        try {
          canonical = Base64Url.encode(Base64.getUrlDecoder().decode(s)).equals(s);
        } catch (IllegalArgumentException e) {
          canonical = false;   // one character: no bytes
        }
        if (canonical) {
          assertThat(decoder.decode(s)).as(s).isEqualTo(Base64.getUrlDecoder().decode(s));
          accepted++;
        } else {
          assertThatThrownBy(() -> decoder.decode(s)).as(s).isInstanceOf(IllegalArgumentException.class);
          rejected++;
        }
      }
    }
    assertThat(accepted).isEqualTo(256 + 65536);     // every 1- and 2-byte value once
    assertThat(rejected).isEqualTo(64 + (4096 - 256) + (262144 - 65536));
  }

  @ParameterizedTest
  @EnumSource(Decoder.class)
  void rejectsWhatTheJdkAccepts(Decoder decoder) {
    assertThat(Base64.getUrlDecoder().decode("Zh")).isEqualTo(Base64.getUrlDecoder().decode("Zg"));
    assertThat(Base64.getUrlDecoder().decode("Zg==")).isEqualTo(Base64.getUrlDecoder().decode("Zg"));

    assertThatThrownBy(() -> decoder.decode("Zh")).hasMessage(
        "base64url text is not canonical: its last character (index 1) has non-zero unused bits");
    assertThatThrownBy(() -> decoder.decode("Zm9")).hasMessage(
        "base64url text is not canonical: its last character (index 2) has non-zero unused bits");
    assertThatThrownBy(() -> decoder.decode("Zg==")).hasMessage(
        "base64url text has '=' (padding is not allowed) at index 2, which is not in the alphabet A-Z a-z 0-9 - _");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Zm+v|'+' at index 2",
      "Zm/v|'/' at index 2",
      "Zm9v Zg|U+0020 at index 4",
      "Zm9v\tZg|U+0009 at index 4",
      "Zm9véA|U+00E9 at index 4",
      // 'A' + 256: a character the arithmetic mapping would take for 'A' without the check above 127
      "Zm9vŁA|U+0141 at index 4",
      "Zm9v\u0000Z|U+0000 at index 4",
  })
  void rejectsCharactersOutsideTheAlphabet(String text, String where) {
    for (Decoder decoder : Decoder.values()) {
      assertThatThrownBy(() -> decoder.decode(text)).as(decoder.name()).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("base64url text has " + where + ", which is not in the alphabet A-Z a-z 0-9 - _");
    }
  }

  @ParameterizedTest
  @EnumSource(Decoder.class)
  void rejectsLengthsOfTheForm4nPlus1(Decoder decoder) {
    assertThatThrownBy(() -> decoder.decode("A")).hasMessage(
        "base64url text cannot have length 1 (4n+1 characters encode no whole number of bytes)");
    assertThatThrownBy(() -> decoder.decode("Zm9vY")).hasMessage(
        "base64url text cannot have length 5 (4n+1 characters encode no whole number of bytes)");
  }

  @ParameterizedTest
  @EnumSource(Decoder.class)
  void everyCharacterBelow65536OutsideTheAlphabetIsRejected(Decoder decoder) {
    for (int c = 0; c < 65536; c++) {
      String text = "AA" + (char) c + "A";
      if (ALPHABET.indexOf(c) >= 0) {
        assertThat(decoder.decode(text)).hasSize(3);
      } else {
        assertThatThrownBy(() -> decoder.decode(text)).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }
}
