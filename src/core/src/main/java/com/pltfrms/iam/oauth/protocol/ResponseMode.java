package com.pltfrms.iam.oauth.protocol;

import java.util.Optional;

/**
 * How the authorization response travels back to the client: in the redirect URI's query (the
 * default for {@code response_type=code}) or as an auto-submitted HTML form.
 *
 * @see <a href="https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes">
 *     OAuth 2.0 Multiple Response Type Encoding Practices §2.1</a>
 * @see <a href="https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html">OAuth 2.0 Form
 *     Post Response Mode</a>
 */
public enum ResponseMode {
  QUERY("query"),
  FORM_POST("form_post");

  private final String value;

  ResponseMode(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<ResponseMode> of(String value) {
    for (ResponseMode mode : values()) {
      if (mode.value.equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
