package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A realm as a certified relying-party library sees it (issue 7 point 16): the Nimbus OAuth 2.0 SDK
 * with OpenID Connect extensions knows nothing but the issuer, a client id and, for the web app, a
 * secret. It resolves the provider's metadata from the issuer, builds the authentication request
 * (state, nonce, PKCE S256), parses the response (checking {@code iss}, RFC 9207), redeems the code
 * with {@code client_secret_basic}, {@code client_secret_post} or as a public client, validates the
 * ID token against the JWKS from discovery (signature, issuer, audience, nonce, {@code at_hash})
 * and reads UserInfo. The refusals are checked as the library parses them.
 */
class NimbusRpIT {

  static final String PASSWORD = "Nimbus-rp-pass-6120";
  static final URI WEB_CB = URI.create("https://app.example/cb");
  static final URI SPA_CB = URI.create("https://spa.example/cb");
  static final ClientID WEB = new ClientID("web");
  static final ClientID SPA = new ClientID("spa");

  static String realm;
  static Issuer issuer;
  static OIDCProviderMetadata op;
  static Secret webSecret;
  static String aliceId;

  @BeforeAll
  static void setUp() throws Exception {
    realm = Iam.newRealm("nimbus");
    Reply web =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"web\",\"type\":\"confidential\",\"redirectUris\":[\""
                + WEB_CB
                + "\"]}");
    assertEquals(201, web.status(), web.body());
    webSecret = new Secret(web.string("clientSecret"));
    Reply spa =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"spa\",\"type\":\"public\",\"redirectUris\":[\"" + SPA_CB + "\"]}");
    assertEquals(201, spa.status(), spa.body());
    Reply alice =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"emailVerified\":true,"
                + "\"firstName\":\"Alice\",\"lastName\":\"Liddell\",\"password\":\""
                + PASSWORD
                + "\"}");
    assertEquals(201, alice.status(), alice.body());
    aliceId = alice.string("id");

    // the relying party's only configuration: the issuer
    issuer = new Issuer(Iam.BASE + "/realms/" + realm);
    op = OIDCProviderMetadata.resolve(issuer);
  }

  /** One relying-party login: the request the library built and the browser that signed in. */
  record Flow(
      AuthenticationRequest request, CodeVerifier verifier, HostedLogin browser, URI callback) {

    static Flow start(ClientID client, URI callback, Prompt prompt) {
      CodeVerifier verifier = new CodeVerifier();
      AuthenticationRequest.Builder builder =
          new AuthenticationRequest.Builder(
                  ResponseType.CODE, new Scope("openid", "profile", "email"), client, callback)
              .endpointURI(op.getAuthorizationEndpointURI())
              .state(new State())
              .nonce(new Nonce())
              .codeChallenge(verifier, CodeChallengeMethod.S256);
      if (prompt != null) {
        builder.prompt(prompt);
      }
      return new Flow(builder.build(), verifier, new HostedLogin(realm), callback);
    }

    /** Opens the request in the browser and signs in as alice; the response as Nimbus parses it. */
    AuthenticationResponse signIn() throws Exception {
      Reply page = browser.open(request.toURI());
      return AuthenticationResponseParser.parse(
          browser.signIn(page, "alice", PASSWORD, callback.toString()));
    }

    /** Signs in; the code, after checking that the response belongs to this request. */
    AuthorizationCode code() throws Exception {
      AuthenticationResponse response = signIn();
      assertTrue(
          response.indicatesSuccess(),
          () -> response.toErrorResponse().getErrorObject().toString());
      AuthenticationSuccessResponse success = response.toSuccessResponse();
      assertEquals(request.getState(), success.getState());
      assertEquals(issuer, success.getIssuer(), "RFC 9207 iss");
      assertNull(success.getIDToken(), "code flow: no ID token at the front channel");
      return success.getAuthorizationCode();
    }

    AuthorizationCodeGrant grant(AuthorizationCode code) {
      return new AuthorizationCodeGrant(code, callback, verifier);
    }
  }

  static TokenResponse redeem(TokenRequest request) throws Exception {
    return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
  }

  static OIDCTokens tokens(TokenResponse response) {
    assertTrue(
        response.indicatesSuccess(),
        () -> response.toErrorResponse().getErrorObject().toJSONObject().toString());
    return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
  }

  /** The ID token validated as Nimbus does it, with the keys from discovery's jwks_uri. */
  static IDTokenClaimsSet validated(OIDCTokens tokens, ClientID client, Nonce nonce)
      throws Exception {
    IDTokenValidator validator =
        new IDTokenValidator(issuer, client, JWSAlgorithm.RS256, op.getJWKSetURI().toURL());
    IDTokenClaimsSet claims = validator.validate(tokens.getIDToken(), nonce);
    assertEquals(aliceId, claims.getSubject().getValue());
    assertEquals(
        AccessTokenHash.compute(tokens.getAccessToken(), JWSAlgorithm.RS256),
        claims.getAccessTokenHash(),
        "at_hash");
    assertNotNull(claims.getAuthenticationTime(), "auth_time");
    assertNotNull(claims.getStringClaim("sid"), "sid");
    return claims;
  }

  @Test
  void metadataWhenResolvedFromIssuerThenCodeFlowWithPkceS256AndIssParameter() {
    assertEquals(issuer, op.getIssuer());
    assertTrue(op.getResponseTypes().contains(ResponseType.CODE));
    assertEquals(List.of(CodeChallengeMethod.S256), op.getCodeChallengeMethods());
    assertTrue(op.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
    assertTrue(op.supportsAuthorizationResponseIssuerParam());
    assertTrue(
        op.getTokenEndpointAuthMethods()
            .containsAll(
                List.of(
                    com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                    com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_POST)));
    for (URI endpoint :
        List.of(
            op.getAuthorizationEndpointURI(),
            op.getTokenEndpointURI(),
            op.getUserInfoEndpointURI(),
            op.getJWKSetURI())) {
      assertTrue(endpoint.toString().startsWith(issuer.getValue() + "/"), endpoint.toString());
    }
  }

  @Test
  void flowWhenClientSecretBasicThenValidIdTokenAndUserInfoOfTheUser() throws Exception {
    Flow flow = Flow.start(WEB, WEB_CB, null);
    ClientAuthentication basic = new ClientSecretBasic(WEB, webSecret);
    OIDCTokens tokens =
        tokens(redeem(new TokenRequest(op.getTokenEndpointURI(), basic, flow.grant(flow.code()))));
    IDTokenClaimsSet id = validated(tokens, WEB, flow.request().getNonce());
    assertEquals(WEB.getValue(), id.getStringClaim("azp"));

    HTTPResponse http =
        new UserInfoRequest(
                op.getUserInfoEndpointURI(), (BearerAccessToken) tokens.getAccessToken())
            .toHTTPRequest()
            .send();
    UserInfoResponse response = UserInfoResponse.parse(http);
    assertTrue(response.indicatesSuccess(), http.getBody());
    UserInfo user = response.toSuccessResponse().getUserInfo();
    assertEquals(id.getSubject(), user.getSubject());
    assertEquals("alice", user.getPreferredUsername());
    assertEquals("Alice Liddell", user.getName());
    assertEquals("Alice", user.getGivenName());
    assertEquals("alice@example.com", user.getEmailAddress());
    assertEquals(Boolean.TRUE, user.getEmailVerified());
  }

  @Test
  void flowWhenClientSecretPostThenTokensAndReplayIsInvalidGrant() throws Exception {
    Flow flow = Flow.start(WEB, WEB_CB, null);
    TokenRequest request =
        new TokenRequest(
            op.getTokenEndpointURI(),
            new ClientSecretPost(WEB, webSecret),
            flow.grant(flow.code()));
    validated(tokens(redeem(request)), WEB, flow.request().getNonce());

    TokenResponse replay = redeem(request);
    assertInstanceOf(TokenErrorResponse.class, replay);
    assertEquals("invalid_grant", replay.toErrorResponse().getErrorObject().getCode());
    assertEquals(400, replay.toErrorResponse().getErrorObject().getHTTPStatusCode());
  }

  @Test
  void flowWhenPublicClientThenClientIdAndVerifierOnly() throws Exception {
    Flow flow = Flow.start(SPA, SPA_CB, null);
    TokenRequest request = new TokenRequest(op.getTokenEndpointURI(), SPA, flow.grant(flow.code()));
    assertNull(request.getClientAuthentication(), "no secret is sent");
    IDTokenClaimsSet id = validated(tokens(redeem(request)), SPA, flow.request().getNonce());
    assertTrue(id.getAudience().stream().anyMatch(a -> a.getValue().equals("spa")));
  }

  @Test
  void flowWhenSecondClientInSameBrowserThenCodeWithoutPasswordSameSession() throws Exception {
    Flow first = Flow.start(WEB, WEB_CB, null);
    OIDCTokens webTokens =
        tokens(
            redeem(
                new TokenRequest(
                    op.getTokenEndpointURI(),
                    new ClientSecretBasic(WEB, webSecret),
                    first.grant(first.code()))));
    String sid = validated(webTokens, WEB, first.request().getNonce()).getStringClaim("sid");

    Flow second = Flow.start(SPA, SPA_CB, Prompt.parse("none"));
    Reply answer = first.browser().open(second.request().toURI());
    AuthenticationResponse response =
        AuthenticationResponseParser.parse(HostedLogin.redirect(answer, SPA_CB.toString()));
    assertTrue(response.indicatesSuccess(), "single sign-on, no page");
    OIDCTokens spaTokens =
        tokens(
            redeem(
                new TokenRequest(
                    op.getTokenEndpointURI(),
                    SPA,
                    second.grant(response.toSuccessResponse().getAuthorizationCode()))));
    assertEquals(sid, validated(spaTokens, SPA, second.request().getNonce()).getStringClaim("sid"));
  }

  @Test
  void authorizeWhenPromptNoneWithoutSessionThenLoginRequiredWithStateAndIss() throws Exception {
    Flow flow = Flow.start(WEB, WEB_CB, Prompt.parse("none"));
    Reply answer = flow.browser().open(flow.request().toURI());
    AuthenticationResponse response =
        AuthenticationResponseParser.parse(HostedLogin.redirect(answer, WEB_CB.toString()));
    assertFalse(response.indicatesSuccess());
    AuthenticationErrorResponse error = response.toErrorResponse();
    assertEquals("login_required", error.getErrorObject().getCode());
    assertEquals(flow.request().getState(), error.getState());
    assertEquals(issuer, error.getIssuer());
  }

  @Test
  void tokenWhenCodeUnknownThenInvalidGrantAsNimbusParsesIt() throws Exception {
    Flow flow = Flow.start(WEB, WEB_CB, null);
    TokenResponse response =
        redeem(
            new TokenRequest(
                op.getTokenEndpointURI(),
                new ClientSecretBasic(WEB, webSecret),
                flow.grant(new AuthorizationCode())));
    ErrorObject error = response.toErrorResponse().getErrorObject();
    assertEquals("invalid_grant", error.getCode());
    assertEquals(400, error.getHTTPStatusCode());
  }

  @Test
  void tokenWhenSecretWrongOrVerifierWrongThenInvalidClientOrInvalidGrant() throws Exception {
    Flow flow = Flow.start(WEB, WEB_CB, null);
    AuthorizationCode code = flow.code();
    TokenResponse wrongSecret =
        redeem(
            new TokenRequest(
                op.getTokenEndpointURI(),
                new ClientSecretBasic(WEB, new Secret("not-the-secret")),
                flow.grant(code)));
    ErrorObject error = wrongSecret.toErrorResponse().getErrorObject();
    assertEquals("invalid_client", error.getCode());
    assertEquals(401, error.getHTTPStatusCode());

    TokenResponse wrongVerifier =
        redeem(
            new TokenRequest(
                op.getTokenEndpointURI(),
                new ClientSecretBasic(WEB, webSecret),
                new AuthorizationCodeGrant(code, WEB_CB, new CodeVerifier())));
    assertEquals("invalid_grant", wrongVerifier.toErrorResponse().getErrorObject().getCode());
  }
}
