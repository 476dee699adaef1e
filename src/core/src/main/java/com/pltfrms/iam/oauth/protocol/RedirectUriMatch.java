package com.pltfrms.iam.oauth.protocol;

import java.util.Optional;

/**
 * How a requested redirect URI is compared with a registered one: as strings, exactly (RFC 6749
 * §3.1.2.3, RFC 9700 §4.1.3: no normalisation, no wildcard, no prefix). The one allowance is RFC
 * 8252 §7.3: a native app's loopback IP redirect URI ({@code http://127.0.0.1} or {@code
 * http://[::1]}) matches with any port, since the app picks a free one at run time; everything
 * after the port must still be identical.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 §7.3</a>
 */
final class RedirectUriMatch {

  private static final String[] LOOPBACK = {"http://127.0.0.1", "http://[::1]"};

  private RedirectUriMatch() {}

  static boolean matches(String registered, String requested) {
    if (registered == null || requested == null) {
      return false;
    }
    if (registered.equals(requested)) {
      return true;
    }
    Optional<String> loopback = withoutPort(registered);
    return loopback.isPresent() && loopback.equals(withoutPort(requested));
  }

  /** A loopback IP URI with its port removed, or empty when {@code uri} is not one. */
  private static Optional<String> withoutPort(String uri) {
    for (String origin : LOOPBACK) {
      if (!uri.startsWith(origin)) {
        continue;
      }
      String rest = uri.substring(origin.length());
      if (rest.startsWith(":")) {
        int end = 1;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
          end++;
        }
        String port = rest.substring(1, end);
        if (port.isEmpty() || port.length() > 5 || Integer.parseInt(port) > 65535) {
          return Optional.empty();
        }
        rest = rest.substring(end);
      }
      // the authority must end here: "http://127.0.0.1.evil.example/" and "…@evil.example" fail
      if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?")) {
        return Optional.of(origin + rest);
      }
      return Optional.empty();
    }
    return Optional.empty();
  }
}
