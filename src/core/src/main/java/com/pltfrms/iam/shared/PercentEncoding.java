package com.pltfrms.iam.shared;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding (RFC 3986 §2.1) of text that must be UTF-8: a malformed escape or bytes
 * that are not well-formed UTF-8 (overlong forms and encoded surrogates included) are refused, not
 * replaced. The form reader and the request-target check both decode through here.
 */
public final class PercentEncoding {

  private PercentEncoding() {}

  /** Why a value could not be decoded; the message is safe to show. */
  public static final class Malformed extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final boolean notUtf8;

    Malformed(String message, boolean notUtf8) {
      super(message);
      this.notUtf8 = notUtf8;
    }

    /** True when the escapes were well formed but the bytes were not UTF-8. */
    public boolean notUtf8() {
      return notUtf8;
    }
  }

  /**
   * Decodes {@code from} to {@code to} of {@code text} (chars or bytes below 0x80 of the original),
   * turning {@code +} into a space when {@code plusIsSpace} (application/x-www-form-urlencoded).
   */
  public static String decode(CharSequence text, int from, int to, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= to) {
          throw new Malformed("malformed percent-encoding", false);
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new Malformed("malformed percent-encoding", false);
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
      throw new Malformed("not UTF-8", true);
    }
  }
}
