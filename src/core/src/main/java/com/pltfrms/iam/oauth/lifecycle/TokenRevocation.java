package com.pltfrms.iam.oauth.lifecycle;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.grant.AuthorizationCodes;
import com.pltfrms.iam.oauth.grant.RefreshTokenRepository.StoredRefresh;
import com.pltfrms.iam.oauth.grant.RefreshTokens;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenIssuer;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.RevokedAccessTokens;
import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Token revocation (RFC 7009). A refresh token is revoked with its whole family: the grant ends,
 * and with it every access token issued from the same code (§2.1: "the authorization server SHOULD
 * also invalidate all access tokens based on the same authorization grant"). An access token is put
 * on the deny list until its {@code exp} ({@link RevokedAccessTokens}); its grant lives on, as §2.1
 * allows. Only the client a token was issued to revokes it; for any other token (unknown, expired,
 * revoked before, another client's, another realm's) the answer is the same success (§2.2), so
 * nothing is learnt from it. A JWT of ours that is no access token (an ID token) is {@code
 * unsupported_token_type} (§2.2.1).
 */
@ApplicationScoped
public class TokenRevocation {

  private AccessTokenVerifier verifier;
  private RefreshTokens refreshTokens;
  private AuthorizationCodes codes;
  private RevokedAccessTokens revoked;
  private Event<AuditEvent> audit;

  protected TokenRevocation() {}

  @Inject
  public TokenRevocation(
      AccessTokenVerifier verifier,
      RefreshTokens refreshTokens,
      AuthorizationCodes codes,
      RevokedAccessTokens revoked,
      Event<AuditEvent> audit) {
    this.verifier = verifier;
    this.refreshTokens = refreshTokens;
    this.codes = codes;
    this.revoked = revoked;
    this.audit = audit;
  }

  /** Revokes {@code presented} if it is {@code caller}'s; returns normally in every other case. */
  public void revoke(
      RealmSnapshot realm, String issuer, ClientSnapshot caller, PresentedToken presented) {
    if (presented.looksLikeJwt()) {
      String type = presented.jwtType();
      if (type != null && !type.equals(AccessTokenIssuer.TYPE)) {
        throw new OAuthProblem(
            OAuthError.UNSUPPORTED_TOKEN_TYPE, "only access and refresh tokens are revoked");
      }
      accessToken(realm, issuer, caller, presented.token());
    } else {
      refreshToken(realm, caller, presented.token());
    }
  }

  private void accessToken(
      RealmSnapshot realm, String issuer, ClientSnapshot caller, String token) {
    VerifiedToken verified;
    try {
      verified = verifier.verify(token, issuer);
    } catch (OAuthProblem e) {
      return; // invalid, expired or revoked already (§2.2)
    }
    if (!verified.realmName().equals(realm.name())
        || !verified.clientId().equals(caller.clientId())) {
      return;
    }
    revoked.revoke(realm.id(), verified.jti(), Instant.ofEpochSecond(verified.expiresAt()));
    audit.fire(
        new AuditEvent(
            realm.id(),
            realm.name(),
            AuditEventTypes.ACCESS_TOKEN_REVOKED,
            Actor.client(caller.id(), caller.clientId()),
            verified.jti(),
            true,
            Map.of("subject", verified.subject())));
  }

  private void refreshToken(RealmSnapshot realm, ClientSnapshot caller, String token) {
    Optional<StoredRefresh> found = refreshTokens.find(realm.id(), token);
    if (found.isEmpty()
        || found.get().familyRevoked()
        || !found.get().binding().clientId().equals(caller.id())) {
      return;
    }
    String familyId = found.get().binding().familyId();
    codes.revokeFamily(familyId, "revoked");
    audit.fire(
        new AuditEvent(
            realm.id(),
            realm.name(),
            AuditEventTypes.TOKEN_FAMILY_REVOKED,
            Actor.client(caller.id(), caller.clientId()),
            familyId,
            true,
            Map.of("reason", "refresh token revoked (RFC 7009)")));
  }
}
