package com.pltfrms.iam.oauth.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an ID token says (OIDC Core §2). {@link #toString()} leaves the access token out.
 *
 * @param issuer the realm's issuer
 * @param subject the user's stable id
 * @param clientId the client it is for ({@code aud} and {@code azp})
 * @param authTime when the user last authenticated, or null when unknown
 * @param nonce the authorization request's nonce, or null (never on refresh)
 * @param acr the authentication context class reached, or null
 * @param amr the authentication methods used (RFC 8176 values)
 * @param sid the SSO session's id, or null
 * @param accessToken the access token issued beside it (for {@code at_hash}), or null
 * @param userClaims the user's claims to carry (OIDC Core §5.4); protocol claims are never replaced
 * @param lifetimeSeconds how long it is valid
 */
public record IdTokenContent(
    String issuer,
    String subject,
    String clientId,
    Instant authTime,
    String nonce,
    String acr,
    List<String> amr,
    String sid,
    String accessToken,
    Map<String, Object> userClaims,
    long lifetimeSeconds) {

  public IdTokenContent {
    amr = amr == null ? List.of() : List.copyOf(amr);
    userClaims = userClaims == null ? Map.of() : Map.copyOf(userClaims);
  }

  @Override
  public String toString() {
    return "IdTokenContent[sub=" + subject + ", client=" + clientId + ", sid=" + sid + "]";
  }
}
