package com.pltfrms.iam.oauth.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An authorization request that fails, and how the user agent learns of it. Until the client and
 * its redirect URI are established the error is shown to the user as a page and never redirected
 * (RFC 6749 §4.1.2.1: "MUST NOT automatically redirect the user-agent to the invalid redirection
 * URI"); afterwards it goes back to the client's redirect URI with {@code error}, {@code
 * error_description}, {@code state} (when the request carried one) and {@code iss} (RFC 9207 §2),
 * by query or form post as the request's response mode says.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207#section-2">RFC 9207 §2</a>
 */
public final class AuthorizationProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final OAuthError error;
  private final String redirectUri;
  private final ResponseMode responseMode;
  private final String state;
  private final String issuer;

  private AuthorizationProblem(
      OAuthError error,
      String description,
      String redirectUri,
      ResponseMode responseMode,
      String state,
      String issuer) {
    super(description, null, false, false);
    this.error = Objects.requireNonNull(error, "error");
    this.redirectUri = redirectUri;
    this.responseMode = responseMode;
    this.state = state;
    this.issuer = issuer;
  }

  /** An error shown to the user: the client or redirect URI cannot be trusted with it. */
  public static AuthorizationProblem page(OAuthError error, String description) {
    return new AuthorizationProblem(error, description, null, null, null, null);
  }

  /** An error sent to the client's (validated) redirect URI. */
  public static AuthorizationProblem redirect(
      OAuthError error,
      String description,
      String redirectUri,
      ResponseMode responseMode,
      String state,
      String issuer) {
    return new AuthorizationProblem(
        error,
        description,
        Objects.requireNonNull(redirectUri, "redirectUri"),
        Objects.requireNonNull(responseMode, "responseMode"),
        state,
        Objects.requireNonNull(issuer, "issuer"));
  }

  public OAuthError error() {
    return error;
  }

  /** For developers; never holds a secret, and is HTML-escaped wherever it is shown. */
  public String description() {
    return getMessage();
  }

  /** True when the error must be rendered as a page rather than redirected. */
  public boolean showAsPage() {
    return redirectUri == null;
  }

  /** The validated redirect URI, or null for a page. */
  public String redirectUri() {
    return redirectUri;
  }

  /** How to send the error back, or null for a page. */
  public ResponseMode responseMode() {
    return responseMode;
  }

  /** The request's {@code state}, or null when it had none (or one that could not be echoed). */
  public String state() {
    return state;
  }

  /**
   * The parameters of the error response, in order: {@code error}, {@code error_description},
   * {@code state} when there is one, {@code iss}. Empty for a page.
   */
  public Map<String, String> responseParameters() {
    if (showAsPage()) {
      return Map.of();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("error", error.code());
    parameters.put("error_description", description());
    if (state != null) {
      parameters.put("state", state);
    }
    parameters.put("iss", issuer);
    return Collections.unmodifiableMap(parameters);
  }

  /**
   * The response to send to the client's redirect URI.
   *
   * @throws IllegalStateException for a page
   */
  public AuthorizationResponse response() {
    if (showAsPage()) {
      throw new IllegalStateException("a page, not a redirect");
    }
    return new AuthorizationResponse(redirectUri, responseMode, responseParameters());
  }

  /**
   * The redirect target for {@link ResponseMode#QUERY}.
   *
   * @throws IllegalStateException for a page or a form-post response
   */
  public String location() {
    return response().location();
  }

  @Override
  public String toString() {
    return "AuthorizationProblem[" + error.code() + (showAsPage() ? ", page" : ", redirect") + "]";
  }
}
