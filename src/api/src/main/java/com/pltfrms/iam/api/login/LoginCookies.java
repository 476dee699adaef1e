package com.pltfrms.iam.api.login;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The hosted login's cookies, each scoped to its realm's path ({@code /realms/{realm}/}) and {@code
 * HttpOnly}, {@code Secure} when the server's base URL is HTTPS. The attempt cookie is {@code
 * SameSite=Strict}: only our own login form posts it. The session cookie is {@code SameSite=Lax}:
 * it must come along when another site sends the browser to the authorization endpoint, which is
 * how single sign-on works.
 */
final class LoginCookies {

  static final String ATTEMPT = "iam_attempt";
  static final String SESSION = "iam_session";

  private LoginCookies() {}

  static NewCookie attempt(String realm, String value, Duration lifetime, boolean secure) {
    return cookie(ATTEMPT, realm, value, lifetime, secure, NewCookie.SameSite.STRICT);
  }

  static NewCookie clearAttempt(String realm, boolean secure) {
    return cookie(ATTEMPT, realm, "", Duration.ZERO, secure, NewCookie.SameSite.STRICT);
  }

  static NewCookie session(String realm, String value, Duration lifetime, boolean secure) {
    return cookie(SESSION, realm, value, lifetime, secure, NewCookie.SameSite.LAX);
  }

  private static NewCookie cookie(
      String name,
      String realm,
      String value,
      Duration lifetime,
      boolean secure,
      NewCookie.SameSite sameSite) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/realms/" + realm + "/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(sameSite)
        .maxAge((int) lifetime.toSeconds())
        .build();
  }
}
