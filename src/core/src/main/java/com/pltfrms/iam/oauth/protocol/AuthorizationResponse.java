package com.pltfrms.iam.oauth.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What goes back to a client's redirect URI, success or error: the parameters, in order, and how
 * they travel (query, RFC 6749 §4.1.2; or an auto-submitted form, OAuth 2.0 Form Post Response Mode
 * §2). Every response carries {@code iss} (RFC 9207 §2).
 *
 * @param redirectUri the validated redirect URI, exactly as the request sent it
 * @param mode how the parameters travel
 * @param parameters the response parameters, in the order they are sent
 */
public record AuthorizationResponse(
    String redirectUri, ResponseMode mode, Map<String, String> parameters) {

  public AuthorizationResponse {
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(mode, "mode");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The successful response of the code flow (RFC 6749 §4.1.2): code, state, iss. */
  public static AuthorizationResponse code(
      AuthorizationRequest request, String code, String issuer) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("code", code);
    if (request.state() != null) {
      parameters.put("state", request.state());
    }
    parameters.put("iss", issuer);
    return new AuthorizationResponse(request.redirectUri(), request.responseMode(), parameters);
  }

  /**
   * The redirect target for {@link ResponseMode#QUERY}: the redirect URI with the parameters added
   * to its query, {@code application/x-www-form-urlencoded} (RFC 6749 §4.1.2), keeping the query it
   * has (§3.1.2).
   *
   * @throws IllegalStateException for a form-post response
   */
  public String location() {
    if (mode != ResponseMode.QUERY) {
      throw new IllegalStateException("not a query-mode redirect");
    }
    String query =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return redirectUri + (redirectUri.contains("?") ? "&" : "?") + query;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "AuthorizationResponse[" + mode + ", " + parameters.keySet() + "]";
  }
}
