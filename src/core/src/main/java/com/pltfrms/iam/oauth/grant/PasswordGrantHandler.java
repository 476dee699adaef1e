package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.access.AccessPrincipal;
import com.pltfrms.iam.access.EffectiveAccessService;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.PasswordLogin;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.oauth.protocol.TokenResponse;
import com.pltfrms.iam.oauth.token.AccessTokenIssuer;
import com.pltfrms.iam.oauth.token.IssuedToken;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The resource-owner password credentials grant, kept for legacy clients only: RFC 9700 §2.4 says
 * it "MUST NOT be used", because the client sees the user's password and no second factor fits in.
 * Off unless a client lists {@code password} in its {@code grantTypes} (any other client is {@code
 * unauthorized_client}). The user is checked by {@link PasswordLogin}, as the login page will check
 * them: an unknown user, a disabled user and a wrong password are the same {@code invalid_grant}; a
 * temporary password is {@code invalid_grant} "password must be changed" once given correctly. The
 * token is the user's: {@code sub} the user's stable id, with their effective roles, client roles
 * and permissions from the same access decision as every token. The requested scope must be within
 * the client's allowed scopes (all of them when none is asked for). No refresh token yet.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.3">RFC 6749 §4.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.4">RFC 9700 §2.4</a>
 */
@ApplicationScoped
public class PasswordGrantHandler implements GrantHandler<PasswordRequest> {

  public static final String GRANT_TYPE = GrantType.PASSWORD.value();

  /** One description for every failure, so that it tells nothing about which one it was. */
  static final String INVALID_CREDENTIALS = "invalid username or password";

  private AccessTokenIssuer issuer;
  private Event<AuditEvent> audit;
  private EffectiveAccessService access;
  private PasswordLogin login;

  protected PasswordGrantHandler() {}

  @Inject
  public PasswordGrantHandler(
      AccessTokenIssuer issuer,
      Event<AuditEvent> audit,
      EffectiveAccessService access,
      PasswordLogin login) {
    this.issuer = issuer;
    this.audit = audit;
    this.access = access;
    this.login = login;
  }

  @Override
  public String grantType() {
    return GRANT_TYPE;
  }

  @Override
  public PasswordRequest parse(FormParameters form) {
    return PasswordRequest.parse(form);
  }

  @Override
  public TokenResponse handle(GrantContext context, PasswordRequest request) {
    ClientSnapshot client = context.client();
    Grants.requireRegistered(client, GrantType.PASSWORD);
    Scope granted = Grants.granted(client, request.scope());
    PasswordLogin.Result result =
        login.login(
            context.realm(),
            request.username(),
            request.password(),
            new PasswordLogin.Attempt(client.clientId(), GRANT_TYPE, context.clientAddress()));
    switch (result.status()) {
      case INVALID -> throw new OAuthProblem(OAuthError.INVALID_GRANT, INVALID_CREDENTIALS);
      case PASSWORD_CHANGE_REQUIRED ->
          throw new OAuthProblem(OAuthError.INVALID_GRANT, "password must be changed");
      case SUCCESS -> {
        // issued below
      }
    }
    IssuedToken token =
        issuer.issue(
            context.realm(),
            context.issuer(),
            result.userId(),
            client.clientId(),
            granted,
            ClientCredentialsGrantHandler.claims(
                access.of(AccessPrincipal.user(context.realm().id(), result.userId()))),
            client.accessTokenLifetime(context.realm().accessTokenLifetimeSeconds()));
    audit.fire(
        new AuditEvent(
            context.realm().id(),
            context.realm().name(),
            AuditEventTypes.TOKEN_ISSUED,
            Actor.user(result.userId(), result.username()),
            client.clientId(),
            true,
            Map.of("grantType", GRANT_TYPE, "scope", granted.value(), "jti", token.jti())));
    return new TokenResponse(token.value(), "Bearer", token.expiresIn(), granted);
  }
}
