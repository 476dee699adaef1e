package com.pltfrms.iam.session;

import java.util.Objects;

/**
 * A session just started, with the cookie value the browser is to hold. The value exists only here,
 * once; the database keeps its hash.
 *
 * @param session the session
 * @param cookie the opaque cookie value (256 random bits, base64url)
 */
public record NewSession(SessionSnapshot session, String cookie) {

  public NewSession {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(cookie, "cookie");
  }

  @Override
  public String toString() {
    return "NewSession[id=" + session.id() + "]";
  }
}
