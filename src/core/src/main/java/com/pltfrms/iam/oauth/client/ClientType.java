package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of client this is, and so which grants it may be registered for. {@code SERVICE}: a
 * confidential client acting for itself through the client-credentials grant. {@code CONFIDENTIAL}
 * (web apps, holding a secret: {@code client_secret_basic} or {@code client_secret_post}) and
 * {@code PUBLIC} (SPAs, native apps and CLIs: no secret, PKCE always) log users in through the
 * authorization-code grant (RFC 6749 §2.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.1">RFC 6749 §2.1</a>
 */
public enum ClientType {
  SERVICE(EnumSet.of(GrantType.CLIENT_CREDENTIALS), EnumSet.of(GrantType.CLIENT_CREDENTIALS)),
  CONFIDENTIAL(
      EnumSet.of(
          GrantType.AUTHORIZATION_CODE,
          GrantType.REFRESH_TOKEN,
          GrantType.CLIENT_CREDENTIALS,
          GrantType.PASSWORD),
      EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)),
  PUBLIC(
      EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.PASSWORD),
      EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));

  private final Set<GrantType> allowed;
  private final Set<GrantType> defaults;

  ClientType(Set<GrantType> allowed, Set<GrantType> defaults) {
    this.allowed = Set.copyOf(allowed);
    this.defaults = Set.copyOf(defaults);
  }

  public static ClientType parse(String value) {
    if (value == null) {
      return SERVICE;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApplicationProblem.invalid("type must be one of service, confidential, public", "type");
    }
  }

  /** The grants a client of this type may be registered for. */
  public Set<GrantType> allowedGrants() {
    return allowed;
  }

  /** The grants a new client of this type gets when the registration names none. */
  public Set<GrantType> defaultGrants() {
    return defaults;
  }

  /** Whether clients of this type authenticate with a secret (public clients hold none). */
  public boolean hasSecret() {
    return this != PUBLIC;
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
