package com.pltfrms.iam.oauth.grant;

import java.time.Instant;
import java.util.List;

/**
 * What a refresh token is bound to (RFC 6749 §6: "the refresh token was issued to the authenticated
 * client"; RFC 9700 §4.14.2): the client, the user, the SSO session (unless it is offline), the
 * scopes granted, when and how the user authenticated; and the token family it rotates in.
 *
 * @param realmId the realm
 * @param familyId the token family: every token descended from one authorization code
 * @param clientId the client's id (its UUID, not its clientId)
 * @param userId the user
 * @param sessionId the SSO session, or null
 * @param scope the granted scopes, space-separated
 * @param authTime when the user authenticated
 * @param acr the authentication context class reached, or null
 * @param amr the authentication methods used (RFC 8176)
 * @param offline whether it is an offline token (OIDC Core §11), not bound to the session
 */
public record RefreshBinding(
    String realmId,
    String familyId,
    String clientId,
    String userId,
    String sessionId,
    String scope,
    Instant authTime,
    String acr,
    List<String> amr,
    boolean offline) {

  public RefreshBinding {
    amr = amr == null ? List.of() : List.copyOf(amr);
  }

  /** The same grant with fewer scopes (a narrowing refresh, RFC 6749 §6). */
  public RefreshBinding withScope(String narrowed) {
    return new RefreshBinding(
        realmId, familyId, clientId, userId, sessionId, narrowed, authTime, acr, amr, offline);
  }
}
