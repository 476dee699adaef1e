package com.pltfrms.iam.shared;

/**
 * The characters no value a client sends may carry: the C0 controls U+0000 to U+001F (TAB, LF and
 * CR included), DEL U+007F, the C1 controls U+0080 to U+009F, and UTF-16 surrogates that are not
 * part of a pair. PostgreSQL refuses NUL in text outright; the other controls and lone surrogates
 * are stored as something else, break the audit trail's lines and the console's pages, or smuggle
 * line breaks into logs. None of the values the server takes today (names, identifiers, display
 * names, scopes, secrets, instants) has any business holding one, so every form parameter, JSON
 * string, query parameter and path segment is checked against this one definition, once, where it
 * is read.
 *
 * <p>HTTP header fields are bytes, not text, and follow their own rule (RFC 9110 §5.5); see the
 * API's request filter.
 */
public final class UnsafeText {

  private UnsafeText() {}

  /** The index of the first unsafe character of {@code text}, or -1 when there is none. */
  public static int indexIn(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code text} holds any unsafe character. */
  public static boolean in(CharSequence text) {
    return indexIn(text) >= 0;
  }
}
