package com.pltfrms.iam.oauth.token;

import java.util.List;

/**
 * The facts of an access token whose signature, issuer, audience and lifetime checked out. They are
 * what the token claimed when it was issued: whoever decides access must still check the
 * principal's live state.
 *
 * @param realmName the realm that issued it
 * @param subject the principal's stable id
 * @param clientId the client it was issued to
 * @param audience who it is for
 * @param roles the roles it carried
 * @param scope the granted scope, or null
 * @param jti its id
 * @param familyId its token family ({@code fid}), or null for a token outside any family
 * @param issuedAt its {@code iat}, epoch seconds
 * @param expiresAt its {@code exp}, epoch seconds
 * @param sessionId its SSO session ({@code sid}), or null
 */
public record VerifiedToken(
    String realmName,
    String subject,
    String clientId,
    List<String> audience,
    List<String> roles,
    String scope,
    String jti,
    String familyId,
    long issuedAt,
    long expiresAt,
    String sessionId) {

  /** A token outside any family. */
  public VerifiedToken(
      String realmName,
      String subject,
      String clientId,
      List<String> audience,
      List<String> roles,
      String scope,
      String jti) {
    this(realmName, subject, clientId, audience, roles, scope, jti, null, 0, 0, null);
  }
}
