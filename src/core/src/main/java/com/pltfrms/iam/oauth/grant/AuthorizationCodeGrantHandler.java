package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.consent.ConsentService;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Pkce;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization code grant at the token endpoint (RFC 6749 §4.1.3, OIDC Core §3.1.3). The
 * client authenticates as its type requires (a public one by {@code client_id} alone); the code is
 * redeemed once ({@link AuthorizationCodes}); it must have been issued to this client, for this
 * {@code redirect_uri} exactly (OIDC Core §3.1.3.2), and the {@code code_verifier} must match its
 * S256 challenge, a verifier without a challenge or a challenge without a verifier being refused
 * too (RFC 7636 §4.6; RFC 9700 §2.1.1 against downgrades). Every refusal is {@code invalid_grant};
 * a redeemed code whose request then fails has its family revoked, as a replay has. The answer is
 * an access token for the user and, for {@code openid}, an ID token signed by the same key; and,
 * when the client is registered for the {@code refresh_token} grant, the family's first refresh
 * token ({@link RefreshTokens}; an offline one when {@code offline_access} was granted, OIDC Core
 * §11).
 */
@ApplicationScoped
public class AuthorizationCodeGrantHandler implements GrantHandler<CodeRequest> {

  public static final String GRANT_TYPE = GrantType.AUTHORIZATION_CODE.value();

  private AuthorizationCodes codes;
  private RefreshTokens refreshTokens;
  private UserTokens userTokens;
  private UserService users;
  private Event<AuditEvent> audit;

  protected AuthorizationCodeGrantHandler() {}

  @Inject
  public AuthorizationCodeGrantHandler(
      AuthorizationCodes codes,
      RefreshTokens refreshTokens,
      UserTokens userTokens,
      UserService users,
      Event<AuditEvent> audit) {
    this.codes = codes;
    this.refreshTokens = refreshTokens;
    this.userTokens = userTokens;
    this.users = users;
    this.audit = audit;
  }

  @Override
  public String grantType() {
    return GRANT_TYPE;
  }

  @Override
  public CodeRequest parse(FormParameters form) {
    return CodeRequest.parse(form);
  }

  @Override
  public TokenResponse handle(GrantContext context, CodeRequest request) {
    ClientSnapshot client = context.client();
    Grants.requireRegistered(client, GrantType.AUTHORIZATION_CODE);
    CodeRedemption redemption = codes.redeem(context.realm().id(), request.code());
    if (redemption instanceof CodeRedemption.Replayed replayed) {
      refused(context, "code replayed; its tokens are revoked", replayed.familyId());
      throw new OAuthProblem(OAuthError.INVALID_GRANT, "the code was used before");
    }
    if (!(redemption instanceof CodeRedemption.Redeemed redeemed)) {
      throw new OAuthProblem(OAuthError.INVALID_GRANT, "the code is not valid");
    }
    CodeBinding binding = redeemed.binding();
    String mismatch = mismatch(client, binding, request);
    if (mismatch != null) {
      codes.revokeFamily(redeemed.familyId(), "exchange-refused");
      refused(context, mismatch, redeemed.familyId());
      throw new OAuthProblem(OAuthError.INVALID_GRANT, mismatch);
    }
    UserSnapshot user =
        users
            .findEnabled(context.realm().id(), binding.userId())
            .orElseThrow(
                () -> new OAuthProblem(OAuthError.INVALID_GRANT, "the user cannot sign in"));
    Scope scope = Scope.parse(binding.scope());
    String refreshToken = null;
    Map<String, String> details = new LinkedHashMap<>();
    if (client.allows(GrantType.REFRESH_TOKEN)) {
      RefreshTokens.Issued refresh =
          refreshTokens.issueFirst(
              context.realm(),
              client,
              new RefreshBinding(
                  binding.realmId(),
                  redeemed.familyId(),
                  client.id(),
                  user.id(),
                  binding.sessionId(),
                  binding.scope(),
                  binding.authTime(),
                  binding.acr(),
                  binding.amr(),
                  scope.tokens().contains(ConsentService.OFFLINE_ACCESS)));
      refreshToken = refresh.token();
      details.put("refreshToken", refresh.id());
    }
    return userTokens.issue(
        context,
        user,
        new UserGrant(
            binding.sessionId(),
            binding.authTime(),
            binding.acr(),
            binding.amr(),
            redeemed.familyId(),
            scope,
            binding.claims(),
            binding.nonce()),
        GRANT_TYPE,
        refreshToken,
        details);
  }

  /** Why the redeemed code does not fit this request, or null when it does. */
  static String mismatch(ClientSnapshot client, CodeBinding binding, CodeRequest request) {
    if (!binding.clientId().equals(client.id())) {
      return "the code was issued to another client";
    }
    if (!binding.redirectUri().equals(request.redirectUri())) {
      return "redirect_uri differs from the authorization request's";
    }
    if (binding.codeChallenge() == null) {
      return request.codeVerifier() == null ? null : "code_verifier sent without a challenge";
    }
    if (request.codeVerifier() == null) {
      return "code_verifier is missing (PKCE)";
    }
    return Pkce.verifies(binding.codeChallenge(), request.codeVerifier())
        ? null
        : "code_verifier does not match the challenge";
  }

  private void refused(GrantContext context, String why, String familyId) {
    audit.fire(
        new AuditEvent(
            context.realm().id(),
            context.realm().name(),
            AuditEventTypes.TOKEN_FAMILY_REVOKED,
            Actor.client(context.client().id(), context.client().clientId()),
            familyId,
            true,
            Map.of("grantType", GRANT_TYPE, "reason", why)));
  }
}
