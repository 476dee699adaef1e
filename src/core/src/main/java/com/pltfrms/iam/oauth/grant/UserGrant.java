package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.protocol.Scope;
import java.time.Instant;
import java.util.List;

/**
 * What the tokens of a user's grant carry, whether they come from the code exchange or a refresh:
 * the session ({@code sid}), when and how the user authenticated, the family, the scopes, the
 * claims request (OIDC Core §5.5) and the nonce (OIDC Core §3.1.3.6; never on refresh, §12.2).
 *
 * @param sessionId the SSO session, or null
 * @param authTime when the user authenticated
 * @param acr the authentication context class reached, or null
 * @param amr the authentication methods used
 * @param familyId the token family
 * @param scope the granted scopes
 * @param claims the claims request's JSON, or null
 * @param nonce the authorization request's nonce, or null
 */
record UserGrant(
    String sessionId,
    Instant authTime,
    String acr,
    List<String> amr,
    String familyId,
    Scope scope,
    String claims,
    String nonce) {}
