package it.com.pltfrms.iam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The hostile values FuzzIT sends, as jqwik arbitraries: each one a value the server must refuse (a
 * control character, a lone surrogate, bytes that are not UTF-8 or not well-formed percent-
 * encoding) embedded in otherwise ordinary text, so that the server cannot pass by looking only at
 * where values start or end.
 */
final class Hostile {

  private Hostile() {}

  /** Bytes that are not UTF-8: overlong forms, encoded surrogates, impossible and cut sequences. */
  static final List<String> NOT_UTF8 =
      List.of(
          "%C0%80", // overlong NUL
          "%C0%AF", // overlong '/'
          "%E0%80%AF", // overlong '/', three bytes
          "%F0%80%80%AF", // overlong '/', four bytes
          "%ED%A0%80", // a high surrogate on its own (CESU-8)
          "%ED%BF%BF", // a low surrogate on its own
          "%ED%A0%BD%ED%B8%80", // a surrogate pair encoded as two surrogates
          "%FF",
          "%FE",
          "%80", // a continuation byte with nothing before it
          "%C3", // a sequence cut short
          "%C3%28",
          "%F8%88%80%80%80", // a five-byte form
          "%F4%90%80%80"); // above U+10FFFF

  /** Percent-encoding that is not well-formed. */
  static final List<String> MALFORMED_PERCENT = List.of("%", "%4", "%zz", "%g0", "%%41", "%2");

  /** Ordinary text around the hostile part: letters, digits and a few non-ASCII letters. */
  static Arbitrary<String> ordinary() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars("-_.\u00e9\u00fc\u65e5")
        .ofMaxLength(6);
  }

  /** A character no value may hold: C0 (TAB, LF, CR included), DEL, C1, a lone surrogate. */
  static Arbitrary<Character> unsafeCharacter() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.just('\u007f'),
        Arbitraries.chars().range('\u0080', '\u009f'),
        Arbitraries.chars().range('\ud800', '\udfff'));
  }

  /** A control character (no surrogate: those have no UTF-8 form to percent-encode). */
  static Arbitrary<Character> controlCharacter() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.just('\u007f'),
        Arbitraries.chars().range('\u0080', '\u009f'));
  }

  /** Ordinary text with one unsafe character in it, as a Java string. */
  static Arbitrary<String> unsafeText() {
    return Combinators.combine(ordinary(), unsafeCharacter(), ordinary())
        .as((before, c, after) -> before + c + after);
  }

  /**
   * A hostile value for a URI (path segment or query component), percent-encoded as a client would
   * send it: an encoded control character, bytes that are not UTF-8, or malformed percent-encoding.
   */
  static Arbitrary<String> encodedForUri() {
    Arbitrary<String> around = ordinary().map(Hostile::percentEncode);
    return Arbitraries.oneOf(
        Combinators.combine(around, controlCharacter().map(c -> percentEncode("" + c)), around)
            .as((a, h, b) -> a + h + b),
        Combinators.combine(around, Arbitraries.of(NOT_UTF8), around).as((a, h, b) -> a + h + b),
        // '-' after the malformed part, so that what follows cannot complete it ("%4" + "1").
        Combinators.combine(around, Arbitraries.of(MALFORMED_PERCENT), around)
            .as((a, h, b) -> a + h + "-" + b));
  }

  /**
   * A hostile path segment as raw bytes of the request line (one char per byte): what {@link
   * #encodedForUri} gives, or a raw control byte or a raw byte above 0x7F. Space, CR and LF are
   * left out: they end the request target rather than being part of it.
   */
  static Arbitrary<String> rawForPath() {
    Arbitrary<Character> raw =
        Arbitraries.oneOf(
            Arbitraries.chars().range('\u0000', '\u0009'),
            Arbitraries.chars().range('\u000b', '\u000c'),
            Arbitraries.chars().range('\u000e', '\u001f'),
            Arbitraries.chars().range('\u007f', '\u00ff'));
    Arbitrary<String> around = ordinary().map(Hostile::percentEncode);
    return Arbitraries.oneOf(
        encodedForUri(), Combinators.combine(around, raw, around).as((a, c, b) -> a + c + b));
  }

  /**
   * A hostile header field value as raw bytes: ordinary text with a control byte that is not
   * horizontal tab (allowed by RFC 9110 §5.5), CR or LF (which end the field rather than being in
   * it).
   */
  static Arbitrary<byte[]> headerValue() {
    Arbitrary<Character> control =
        Arbitraries.oneOf(
            Arbitraries.chars().range('\u0000', '\u0008'),
            Arbitraries.chars().range('\u000b', '\u000c'),
            Arbitraries.chars().range('\u000e', '\u001f'),
            Arbitraries.just('\u007f'));
    Arbitrary<String> around = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6);
    return Combinators.combine(around, control, around)
        .as((a, c, b) -> (a + c + b).getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters, as UTF-8. */
  static String percentEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      out.append(unreserved ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return out.toString();
  }

  /** A JSON string literal holding {@code text}, every non-ASCII or unsafe char escaped. */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
