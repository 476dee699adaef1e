package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Iam.basic;
import static it.com.pltfrms.iam.Iam.params;
import static it.com.pltfrms.iam.Iam.token;
import static it.com.pltfrms.iam.Iam.tokenRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client-credentials grant end to end (RFC 6749 §4.4, RFC 9068), and the token endpoint's
 * answers to bad input (RFC 6749 §5.2), over HTTP against the running EAR.
 */
class ClientCredentialsIT {

  static String realm;
  static String secret;
  static String issuer;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("cc");
    secret = Iam.newClient(realm, "billing", "[\"read\",\"write\"]", "[\"billing-service\"]");
    issuer = Iam.BASE + "/realms/" + realm;
  }

  static JwtConsumer verifierFor(String realmName) {
    String iss = Iam.BASE + "/realms/" + realmName;
    return new JwtConsumerBuilder()
        .setVerificationKeyResolver(
            new HttpsJwksVerificationKeyResolver(new HttpsJwks(iss + "/oauth2/jwks")))
        .setExpectedIssuer(iss)
        .setExpectedAudience(iss)
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setRequireJwtId()
        .setExpectedType(true, "at+jwt")
        .build();
  }

  @Test
  void tokenWhenBasicAuthThenSignedRfc9068AccessToken() throws Exception {
    Reply reply =
        token(realm, params("grant_type", "client_credentials"), basic("billing", secret));

    assertEquals(200, reply.status());
    assertEquals("no-store", reply.header("Cache-Control"));
    assertEquals("Bearer", reply.string("token_type"));
    assertEquals(300L, ((Number) reply.json().get("expires_in")).longValue());
    assertEquals("read write", reply.string("scope"));
    JwtClaims claims = verifierFor(realm).processToClaims(reply.string("access_token"));
    assertEquals(issuer, claims.getIssuer());
    String clientUuid = Iam.admin("GET", "/" + realm + "/clients/billing", null).string("id");
    assertEquals(clientUuid, claims.getSubject(), "the subject is the client's stable id");
    assertTrue(clientUuid.matches("[0-9a-f-]{36}"));
    assertEquals(List.of(issuer), claims.getAudience());
    assertEquals("billing", claims.getStringClaimValue("client_id"));
    assertEquals("read write", claims.getStringClaimValue("scope"));
    assertEquals(realm, claims.getStringClaimValue("realm"));
    assertEquals(List.of("billing-service"), claims.getStringListClaimValue("roles"));
    assertEquals(300, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    assertNotNull(claims.getJwtId());
  }

  @Test
  void tokenWhenClientSecretPostThenIssued() {
    Reply reply =
        token(
            realm,
            params(
                "grant_type",
                "client_credentials",
                "client_id",
                "billing",
                "client_secret",
                secret),
            null);
    assertEquals(200, reply.status());
  }

  @Test
  void tokenWhenScopeIsSubsetThenOnlyThatScopeGranted() throws Exception {
    Reply reply =
        token(
            realm,
            params("grant_type", "client_credentials", "scope", "read"),
            basic("billing", secret));
    assertEquals(200, reply.status());
    assertEquals("read", reply.string("scope"));
    assertEquals(
        "read",
        verifierFor(realm)
            .processToClaims(reply.string("access_token"))
            .getStringClaimValue("scope"));
  }

  @Test
  void tokenWhenScopeNotAllowedThenInvalidScope() {
    Reply reply =
        token(
            realm,
            params("grant_type", "client_credentials", "scope", "read admin"),
            basic("billing", secret));
    reply.assertOAuthError(400, "invalid_scope");
  }

  @Test
  void tokenWhenScopeMalformedThenInvalidScope() {
    Reply reply =
        token(
            realm,
            params("grant_type", "client_credentials", "scope", "read  write"),
            basic("billing", secret));
    reply.assertOAuthError(400, "invalid_scope");
  }

  @Test
  void tokenWhenUnknownGrantTypeThenUnsupportedGrantType() {
    Reply reply = token(realm, params("grant_type", "implicit"), basic("billing", secret));
    reply.assertOAuthError(400, "unsupported_grant_type");
  }

  @Test
  void tokenWhenGrantTypeMissingThenInvalidRequest() {
    Reply reply = token(realm, params("scope", "read"), basic("billing", secret));
    reply.assertOAuthError(400, "invalid_request");
  }

  @Test
  void tokenWhenParameterDuplicatedThenInvalidRequest() {
    byte[] body =
        "grant_type=client_credentials&scope=read&scope=write".getBytes(StandardCharsets.UTF_8);
    Reply reply =
        tokenRaw(realm, "application/x-www-form-urlencoded", body, basic("billing", secret));
    reply.assertOAuthError(400, "invalid_request");
  }

  @Test
  void tokenWhenWrongContentTypeThenInvalidRequestNot500() {
    byte[] body = "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8);
    Reply reply = tokenRaw(realm, "application/json", body, basic("billing", secret));
    reply.assertOAuthError(415, "invalid_request");

    Reply none =
        tokenRaw(
            realm,
            null,
            "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8),
            basic("billing", secret));
    none.assertOAuthError(415, "invalid_request");
  }

  @Test
  void tokenWhenBodyNotUtf8ThenInvalidRequest() {
    byte[] body = {'g', 'r', 'a', 'n', 't', '_', 't', 'y', 'p', 'e', '=', (byte) 0xFF, (byte) 0xFE};
    Reply raw =
        tokenRaw(realm, "application/x-www-form-urlencoded", body, basic("billing", secret));
    raw.assertOAuthError(400, "invalid_request");

    byte[] encoded =
        "grant_type=client_credentials&scope=%C3%28".getBytes(StandardCharsets.US_ASCII);
    Reply percent =
        tokenRaw(realm, "application/x-www-form-urlencoded", encoded, basic("billing", secret));
    percent.assertOAuthError(400, "invalid_request");
  }

  @Test
  void tokenWhenMalformedPercentEncodingThenInvalidRequest() {
    byte[] body = "grant_type=client_credentials&scope=%zz".getBytes(StandardCharsets.US_ASCII);
    Reply reply =
        tokenRaw(realm, "application/x-www-form-urlencoded", body, basic("billing", secret));
    reply.assertOAuthError(400, "invalid_request");
  }

  @Test
  void tokenWhenBodyHugeThenRefusedWithoutServerError() {
    byte[] body =
        ("grant_type=client_credentials&pad=" + "x".repeat(2_000_000))
            .getBytes(StandardCharsets.US_ASCII);
    Reply reply =
        tokenRaw(realm, "application/x-www-form-urlencoded", body, basic("billing", secret));
    reply.assertOAuthError(413, "invalid_request");
  }

  @Test
  void tokenWhenWrongSecretWithBasicThenInvalidClientWithChallenge() {
    Reply reply =
        token(realm, params("grant_type", "client_credentials"), basic("billing", "wrong"));
    reply.assertOAuthError(401, "invalid_client");
    assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"));
    assertEquals("no-store", reply.header("Cache-Control"));
  }

  @Test
  void tokenWhenWrongSecretWithPostThenInvalidClientWithBasicChallenge() {
    Reply reply =
        token(
            realm,
            params(
                "grant_type",
                "client_credentials",
                "client_id",
                "billing",
                "client_secret",
                "wrong"),
            null);
    reply.assertOAuthError(401, "invalid_client");
    // RFC 9110 §15.5.2: every 401 carries a challenge; Basic is the one this client may use.
    assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"));
  }

  @Test
  void tokenWhenNoClientAuthenticationThenInvalidClient() {
    Reply reply = token(realm, params("grant_type", "client_credentials"), null);
    reply.assertOAuthError(401, "invalid_client");
  }

  @Test
  void tokenWhenUnknownClientThenInvalidClient() {
    Reply reply = token(realm, params("grant_type", "client_credentials"), basic("nobody", secret));
    reply.assertOAuthError(401, "invalid_client");
  }

  @Test
  void tokenWhenBasicAndPostTogetherThenInvalidRequest() {
    Reply reply =
        token(
            realm,
            params("grant_type", "client_credentials", "client_secret", secret),
            basic("billing", secret));
    reply.assertOAuthError(400, "invalid_request");
  }

  @Test
  void tokenWhenMalformedBasicHeaderThenInvalidClient() {
    Reply reply = token(realm, params("grant_type", "client_credentials"), "Basic !!!not-base64");
    reply.assertOAuthError(401, "invalid_client");
  }

  @Test
  void tokenWhenUnknownRealmThen404() {
    Reply reply =
        token(
            "no-such-realm", params("grant_type", "client_credentials"), basic("billing", secret));
    reply.assertOAuthError(404, "invalid_request");
    Reply malformed =
        token("Bad%20Realm", params("grant_type", "client_credentials"), basic("billing", secret));
    assertEquals(404, malformed.status());
  }

  @Test
  void tokenWhenClientDisabledThenInvalidClientAndWhenReenabledThenIssued() {
    String clientSecret = Iam.newClient(realm, "toggled", "[]", "[]");
    assertEquals(
        200, Iam.admin("PATCH", "/" + realm + "/clients/toggled", "{\"enabled\":false}").status());
    Reply disabled =
        token(realm, params("grant_type", "client_credentials"), basic("toggled", clientSecret));
    disabled.assertOAuthError(401, "invalid_client");

    assertEquals(
        200, Iam.admin("PATCH", "/" + realm + "/clients/toggled", "{\"enabled\":true}").status());
    assertEquals(
        200,
        token(realm, params("grant_type", "client_credentials"), basic("toggled", clientSecret))
            .status());
  }

  @Test
  void tokenWhenRealmDisabledThen404() {
    String other = Iam.newRealm("cc-off");
    String clientSecret = Iam.newClient(other, "svc", "[]", "[]");
    assertEquals(200, Iam.admin("PATCH", "/" + other, "{\"enabled\":false}").status());
    Reply reply =
        token(other, params("grant_type", "client_credentials"), basic("svc", clientSecret));
    assertEquals(404, reply.status());
  }

  @Test
  void tokenWhenSecretRotatedThenOldSecretRefusedAndNewAccepted() {
    String old = Iam.newClient(realm, "rotating", "[]", "[]");
    Reply rotated = Iam.admin("POST", "/" + realm + "/clients/rotating/secret", null);
    assertEquals(200, rotated.status());
    String fresh = rotated.string("clientSecret");
    assertFalse(fresh.equals(old));
    assertEquals(
        401,
        token(realm, params("grant_type", "client_credentials"), basic("rotating", old)).status());
    assertEquals(
        200,
        token(realm, params("grant_type", "client_credentials"), basic("rotating", fresh))
            .status());
  }

  @Test
  void tokenWhenClientOfOtherRealmThenInvalidClient() {
    String other = Iam.newRealm("cc-b");
    Reply reply =
        token(other, params("grant_type", "client_credentials"), basic("billing", secret));
    reply.assertOAuthError(401, "invalid_client");
  }

  @Test
  void jwksWhenTokenOfOtherRealmThenDoesNotVerify() {
    String other = Iam.newRealm("cc-c");
    String token = Iam.clientToken(realm, "billing", secret);
    JwtConsumer otherRealmKeysOnly =
        new JwtConsumerBuilder()
            .setVerificationKeyResolver(
                new HttpsJwksVerificationKeyResolver(
                    new HttpsJwks(Iam.BASE + "/realms/" + other + "/oauth2/jwks")))
            .setSkipDefaultAudienceValidation()
            .build();
    assertThrows(InvalidJwtException.class, () -> otherRealmKeysOnly.processToClaims(token));
  }

  @Test
  void discoveryWhenRealmExistsThenListsImplementedEndpointsOnly() {
    for (String path :
        List.of(
            "/realms/" + realm + "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server/realms/" + realm)) {
      Reply reply = Iam.get(path);
      assertEquals(200, reply.status(), path);
      assertEquals(issuer, reply.string("issuer"));
      assertEquals(issuer + "/oauth2/token", reply.string("token_endpoint"));
      assertEquals(issuer + "/oauth2/jwks", reply.string("jwks_uri"));
      assertEquals(
          List.of("authorization_code", "client_credentials", "password", "refresh_token"),
          reply.json().get("grant_types_supported"));
      assertEquals(
          List.of("client_secret_basic", "client_secret_post", "none"),
          reply.json().get("token_endpoint_auth_methods_supported"));
      assertEquals(issuer + "/oauth2/authorize", reply.string("authorization_endpoint"));
      assertEquals(issuer + "/oauth2/introspect", reply.string("introspection_endpoint"));
      assertEquals(issuer + "/oauth2/revoke", reply.string("revocation_endpoint"));
      assertEquals(
          List.of("client_secret_basic", "client_secret_post"),
          reply.json().get("introspection_endpoint_auth_methods_supported"));
      assertEquals(List.of("code"), reply.json().get("response_types_supported"));
      assertEquals(List.of("S256"), reply.json().get("code_challenge_methods_supported"));
      assertEquals(true, reply.json().get("authorization_response_iss_parameter_supported"));
      @SuppressWarnings("unchecked")
      List<String> scopes = (List<String>) reply.json().get("scopes_supported");
      assertTrue(scopes.containsAll(List.of("openid", "profile", "email", "offline_access")), path);
    }
    Reply openid = Iam.get("/realms/" + realm + "/.well-known/openid-configuration");
    assertEquals(List.of("public"), openid.json().get("subject_types_supported"));
    assertEquals(List.of("pwd"), openid.json().get("acr_values_supported"));
    assertEquals(List.of("RS256"), openid.json().get("id_token_signing_alg_values_supported"));
    assertEquals(true, openid.json().get("claims_parameter_supported"));
    assertEquals(false, openid.json().get("request_parameter_supported"));
    assertEquals(false, openid.json().get("request_uri_parameter_supported"));
    assertEquals(List.of("query", "form_post"), openid.json().get("response_modes_supported"));
    assertEquals(issuer + "/oauth2/userinfo", openid.string("userinfo_endpoint"));
    assertNull(openid.json().get("request_object_signing_alg_values_supported"));
    Reply oauth = Iam.get("/.well-known/oauth-authorization-server/realms/" + realm);
    assertNull(
        oauth.json().get("id_token_signing_alg_values_supported"), "an OpenID Connect member");
    assertEquals(404, Iam.get("/realms/nope-nope/.well-known/openid-configuration").status());
  }

  @Test
  void jwksWhenRealmExistsThenPublicKeysOnly() {
    Reply reply = Iam.get("/realms/" + realm + "/oauth2/jwks");
    assertEquals(200, reply.status());
    @SuppressWarnings("unchecked")
    List<java.util.Map<String, Object>> keys =
        (List<java.util.Map<String, Object>>) reply.json().get("keys");
    assertEquals(1, keys.size());
    assertEquals("RSA", keys.get(0).get("kty"));
    assertEquals("RS256", keys.get(0).get("alg"));
    assertNull(keys.get(0).get("d"), "private exponent must never be published");
    assertEquals(404, Iam.get("/realms/nope-nope/oauth2/jwks").status());
  }

  @Test
  void tokenWhenNothingGrantedThenScopeLeftOutOfResponse() {
    String clientSecret = Iam.newClient(realm, "scopeless", "[]", "[]");
    Reply reply =
        token(realm, params("grant_type", "client_credentials"), basic("scopeless", clientSecret));
    assertEquals(200, reply.status());
    assertFalse(reply.json().containsKey("scope"), reply.body());
  }
}
