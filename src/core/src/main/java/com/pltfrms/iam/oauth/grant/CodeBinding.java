package com.pltfrms.iam.oauth.grant;

import java.time.Instant;
import java.util.List;

/**
 * What an authorization code is bound to (RFC 6749 §4.1.2, §4.1.3; RFC 7636 §4.4; OIDC Core
 * §3.1.2.1): the token request that redeems it must come from the same client with the same {@code
 * redirect_uri} and a verifier of the challenge, and the tokens it yields carry the rest.
 *
 * @param realmId the realm
 * @param clientId the client's id (its UUID, not its clientId)
 * @param userId the user who authorised it
 * @param sessionId the SSO session it came from, or null
 * @param redirectUri the redirect_uri of the authorization request, exactly as sent
 * @param codeChallenge the S256 PKCE challenge, or null when none was sent
 * @param nonce the request's nonce, or null
 * @param scope the granted scopes, space-separated
 * @param claims the {@code claims} request parameter's JSON, or null
 * @param authTime when the user authenticated
 * @param acr the authentication context class reached, or null
 * @param amr the authentication methods used (RFC 8176)
 */
public record CodeBinding(
    String realmId,
    String clientId,
    String userId,
    String sessionId,
    String redirectUri,
    String codeChallenge,
    String nonce,
    String scope,
    String claims,
    Instant authTime,
    String acr,
    List<String> amr) {

  public CodeBinding {
    amr = amr == null ? List.of() : List.copyOf(amr);
  }
}
