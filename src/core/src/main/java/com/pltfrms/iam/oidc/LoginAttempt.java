package com.pltfrms.iam.oidc;

import java.util.List;
import java.util.Map;

/**
 * A started sign-in: the values the browser gets (shown once, never stored) and the authorization
 * request it continues. {@link #toString()} leaves the values out.
 *
 * @param id the attempt's id, for the realm-scoped cookie
 * @param csrf the token the login form must send back with that cookie
 * @param parameters the authorization request's parameters, each with every value sent
 * @param userId the user it waits on, once known, or null
 * @param stage what it waits for once the user is known: {@code password} (a new one, the old was
 *     temporary) or {@code consent}; null before
 */
public record LoginAttempt(
    String id, String csrf, Map<String, List<String>> parameters, String userId, String stage) {

  public static final String PASSWORD = "password";
  public static final String CONSENT = "consent";

  /** Whether the attempt waits on {@code stage}. */
  public boolean awaits(String stage) {
    return userId != null && stage.equals(this.stage);
  }

  public LoginAttempt {
    parameters = Map.copyOf(parameters);
  }

  @Override
  public String toString() {
    return "LoginAttempt[" + parameters.keySet() + "]";
  }
}
