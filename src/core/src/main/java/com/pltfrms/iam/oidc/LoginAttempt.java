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
 * @param userId the user who proved their password and must now choose a new one, or null
 */
public record LoginAttempt(
    String id, String csrf, Map<String, List<String>> parameters, String userId) {

  public LoginAttempt {
    parameters = Map.copyOf(parameters);
  }

  @Override
  public String toString() {
    return "LoginAttempt[" + parameters.keySet() + "]";
  }
}
