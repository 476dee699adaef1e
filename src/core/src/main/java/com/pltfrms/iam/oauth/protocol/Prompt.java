package com.pltfrms.iam.oauth.protocol;

import java.util.Optional;

/**
 * The {@code prompt} values this server acts on.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core
 *     §3.1.2.1</a>
 */
public enum Prompt {
  /** Show nothing: answer {@code login_required} or {@code consent_required} instead. */
  NONE("none"),
  /** Authenticate again even when a session exists. */
  LOGIN("login"),
  /** Ask for consent even when it was given before. */
  CONSENT("consent");

  private final String value;

  Prompt(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<Prompt> of(String value) {
    for (Prompt prompt : values()) {
      if (prompt.value.equals(value)) {
        return Optional.of(prompt);
      }
    }
    return Optional.empty();
  }
}
