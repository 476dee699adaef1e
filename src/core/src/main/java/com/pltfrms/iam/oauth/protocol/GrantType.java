package com.pltfrms.iam.oauth.protocol;

import java.util.Optional;

/**
 * The {@code grant_type} values a client may be registered for, named as RFC 7591 §2 {@code
 * grant_types} names them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2</a>
 */
public enum GrantType {
  /** RFC 6749 §4.1, with PKCE (RFC 7636). */
  AUTHORIZATION_CODE("authorization_code"),
  /** RFC 6749 §6. */
  REFRESH_TOKEN("refresh_token"),
  /** RFC 6749 §4.4. */
  CLIENT_CREDENTIALS("client_credentials"),
  /** RFC 6749 §4.3; legacy, RFC 9700 §2.4 says it MUST NOT be used: off unless registered. */
  PASSWORD("password");

  private final String value;

  GrantType(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<GrantType> fromValue(String value) {
    for (GrantType type : values()) {
      if (type.value.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
