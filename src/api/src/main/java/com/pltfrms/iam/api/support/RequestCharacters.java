package com.pltfrms.iam.api.support;

import com.pltfrms.iam.shared.PercentEncoding;
import com.pltfrms.iam.shared.UnsafeText;
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
      decoded = PercentEncoding.decode(raw, 0, raw.length(), false);
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
}
