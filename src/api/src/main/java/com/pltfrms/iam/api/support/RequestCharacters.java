package com.pltfrms.iam.api.support;

import com.pltfrms.iam.shared.UnsafeText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a request may carry in its target and header fields, checked on the raw request before
 * JAX-RS decodes anything (it decodes leniently: {@code %C0%80} becomes a replacement character,
 * {@code %zz} stays as it is).
 *
 * <ul>
 *   <li>Path and query: printable ASCII only (RFC 3986 §2), well-formed percent-encoding, which
 *       decodes to strict UTF-8 (no overlong form, no encoded surrogate, RFC 3629 §3) holding no
 *       {@link UnsafeText} character.
 *   <li>Header fields: names are tokens (RFC 9110 §5.1); values hold no control character but
 *       horizontal tab, which RFC 9110 §5.5 allows between words. Octets above 0x7F are {@code
 *       obs-text}, opaque data that §5.5 tells recipients to keep, so they are not read as C1
 *       controls: a header value is bytes, not text, and none of the headers the server reads is
 *       text.
 *   <li>The fields JAX-RS parses itself are well-formed ({@link TypedHeaders}).
 * </ul>
 *
 * Each check answers a description of the problem (safe to show: it never echoes the value), or
 * empty when there is none.
 */
final class RequestCharacters {

  private RequestCharacters() {}

  /** Checks the raw path (or the raw query) of the request target. */
  static Optional<String> checkTarget(String part, String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    boolean encoded = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return Optional.of("the " + part + " holds a character outside printable ASCII");
      }
      encoded |= c == '%';
    }
    if (!encoded) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = percentDecode(raw);
    } catch (IllegalArgumentException e) {
      return Optional.of("the " + part + " is not well-formed percent-encoded UTF-8");
    }
    return UnsafeText.in(decoded)
        ? Optional.of("the " + part + " holds a control character or a lone surrogate")
        : Optional.empty();
  }

  /** Checks one header field. */
  static Optional<String> checkHeader(String name, String value) {
    if (name == null || !TypedHeaders.isToken(name)) {
      return Optional.of("a header field name is not a token");
    }
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return Optional.of("header field '" + name + "' holds a control character");
      }
    }
    return TypedHeaders.check(name, value);
  }

  private static String percentDecode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("truncated percent-encoding");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed percent-encoding");
        }
        bytes.write((hi << 4) | lo);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8", e);
    }
  }
}
