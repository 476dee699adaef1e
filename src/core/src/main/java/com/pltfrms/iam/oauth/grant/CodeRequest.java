package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Pkce;

/**
 * An authorization-code token request's own parameters (RFC 6749 §4.1.3, RFC 7636 §4.5): {@code
 * code} and {@code redirect_uri} required (every authorization request of ours carries one), {@code
 * code_verifier} when PKCE was used. {@link #toString()} leaves the code and verifier out.
 */
public record CodeRequest(String code, String redirectUri, String codeVerifier) {

  static final int MAX_CODE = 128;
  static final int MAX_REDIRECT_URI = 2048;

  public static CodeRequest parse(FormParameters form) {
    String code = form.require("code");
    String redirectUri = form.require("redirect_uri");
    String verifier = form.get("code_verifier").orElse(null);
    if (code.length() > MAX_CODE || redirectUri.length() > MAX_REDIRECT_URI) {
      throw OAuthProblem.invalidRequest("code or redirect_uri too long");
    }
    if (verifier != null && !Pkce.wellFormed(verifier)) {
      throw OAuthProblem.invalidRequest(
          "code_verifier must be 43 to 128 unreserved characters (RFC 7636 §4.1)");
    }
    return new CodeRequest(code, redirectUri, verifier);
  }

  @Override
  public String toString() {
    return "CodeRequest[redirectUri=" + redirectUri + "]";
  }
}
