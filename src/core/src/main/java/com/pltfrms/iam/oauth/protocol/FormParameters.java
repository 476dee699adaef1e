package com.pltfrms.iam.oauth.protocol;

import com.pltfrms.iam.shared.PercentEncoding;
import com.pltfrms.iam.shared.UnsafeText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} body, parsed strictly: UTF-8 only
 * (overlong forms and encoded surrogates are malformed), well-formed percent-encoding, no control
 * character or lone surrogate in a name or value ({@link UnsafeText}), each parameter at most once
 * (RFC 6749 §3.1, §3.2: "Request and response parameters MUST NOT be included more than once").
 * Parameters sent without a value are treated as omitted (§3.1). Every violation is {@code
 * invalid_request}, raised before any value reaches a service.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
public final class FormParameters {

  /** Large enough for every grant we know, small enough that no one can make us buffer much. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  private static final int MAX_PARAMETERS = 64;

  private final Map<String, String> values;

  private FormParameters(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static FormParameters parse(byte[] body) {
    Map<String, String> values = new LinkedHashMap<>();
    parseAll(body)
        .forEach(
            (name, all) -> {
              if (all.size() > 1) {
                throw OAuthProblem.invalidRequest("parameter '" + safe(name) + "' is duplicated");
              }
              String value = all.get(0);
              if (UnsafeText.in(name) || UnsafeText.in(value)) {
                throw OAuthProblem.invalidRequest(
                    "parameter '" + safe(name) + "' holds a control character");
              }
              if (!value.isEmpty()) {
                values.put(name, value);
              }
            });
    return new FormParameters(values);
  }

  /**
   * Every parameter with every value it was sent with, in order, control characters and empty
   * values kept: for the authorization endpoint, whose errors after the client is known go back to
   * the client (RFC 6749 §4.1.2.1), so it judges duplicates and values itself. Malformed encoding,
   * a nameless parameter, too many or too large is still {@code invalid_request}.
   */
  public static Map<String, List<String>> parseAll(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw new OAuthProblem(OAuthError.REQUEST_TOO_LARGE, "request body too large");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    int count = 0;
    int start = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start);
      if (end > start) {
        if (++count > MAX_PARAMETERS) {
          throw OAuthProblem.invalidRequest("too many parameters");
        }
        int eq = indexOf(body, (byte) '=', start);
        int nameEnd = eq >= 0 && eq < end ? eq : end;
        String name = decode(body, start, nameEnd);
        String value = nameEnd < end ? decode(body, nameEnd + 1, end) : "";
        if (name.isEmpty()) {
          throw OAuthProblem.invalidRequest("parameter without a name");
        }
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      start = end + 1;
    }
    return values;
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** A parameter the request must carry; its absence is {@code invalid_request}. */
  public String require(String name) {
    return get(name)
        .orElseThrow(() -> OAuthProblem.invalidRequest("missing parameter '" + name + "'"));
  }

  private static int indexOf(byte[] body, byte b, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == b) {
        return i;
      }
    }
    return body.length;
  }

  private static String decode(byte[] body, int from, int to) {
    try {
      // Latin-1 maps each byte to the char of the same value, which the decoder writes back.
      String raw = new String(body, from, to - from, StandardCharsets.ISO_8859_1);
      return PercentEncoding.decode(raw, 0, raw.length(), true);
    } catch (PercentEncoding.Malformed e) {
      throw OAuthProblem.invalidRequest(
          e.notUtf8() ? "request body is not UTF-8" : "malformed percent-encoding");
    }
  }

  /** A parameter name fit to echo in a description: short, printable ASCII only. */
  private static String safe(String name) {
    String cut = name.length() > 40 ? name.substring(0, 40) : name;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
