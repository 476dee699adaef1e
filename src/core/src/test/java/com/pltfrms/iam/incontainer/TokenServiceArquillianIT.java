package com.pltfrms.iam.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.FailedAttempts;
import com.pltfrms.iam.audit.FailureWindow;
import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.RealmKeys;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.TokenRequest;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token path's use cases in the container: a failed client authentication stays on record when
 * the caller's transaction rolls back, and the verifier the admin API relies on refuses tokens that
 * are stale, mistyped, for someone else, from an unknown issuer or unsigned.
 */
@ExtendWith(ArquillianExtension.class)
class TokenServiceArquillianIT {

  private static final String BASE = "http://iam.test";

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(TokenServiceArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject TokenService tokens;
  @Inject AccessTokenVerifier verifier;
  @Inject RealmDirectory realms;
  @Inject KeyRing keyRing;
  @Inject FailedAttempts failures;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  @Test
  void failedClientAuthenticationWhenCallerRollsBackThenFailureStillCounted() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("ghost:nope".getBytes(StandardCharsets.UTF_8));
    FormParameters form =
        FormParameters.parse("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
    transaction.begin();
    try {
      OAuthProblem problem =
          assertThrows(
              OAuthProblem.class,
              () ->
                  tokens.issue(
                      new TokenRequest(realm, BASE + "/realms/x", basic, form, "127.0.0.1")));
      assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    } finally {
      transaction.rollback();
    }
    assertEquals(
        1,
        failures.open(realm.id()).stream()
            .filter(w -> w.type().equals(AuditEventTypes.CLIENT_AUTH_FAILED))
            .mapToLong(FailureWindow::attempts)
            .sum());
  }

  @Test
  void verifyWhenTokenExpiredMistypedOrForAnotherAudienceThenInvalidToken() throws Exception {
    String issuer = BASE + "/realms/system";
    assertEquals(
        "system", verifier.verify(systemToken(issuer, 300, "at+jwt", issuer), issuer).realmName());
    for (String bad :
        List.of(
            systemToken(issuer, -120, "at+jwt", issuer), // expired beyond the allowed skew
            systemToken(issuer, 300, "JWT", issuer), // not an access token (RFC 9068 §4)
            systemToken(issuer, 300, "at+jwt", "https://elsewhere"), // another audience
            systemToken(BASE + "/realms/nope", 300, "at+jwt", issuer), // unknown issuer
            unsigned(issuer))) {
      OAuthProblem problem = assertThrows(OAuthProblem.class, () -> verifier.verify(bad, issuer));
      assertEquals(OAuthError.INVALID_TOKEN, problem.error());
    }
  }

  /** A token signed with the system realm's real active key, with claims of the test's choosing. */
  private String systemToken(String issuer, long expiresInSeconds, String type, String audience)
      throws Exception {
    RealmKeys.Signer signer =
        keyRing.forRealm(realms.find("system").orElseThrow().id()).signer().orElseThrow();
    JwtClaims claims = new JwtClaims();
    long now = System.currentTimeMillis() / 1000;
    claims.setIssuer(issuer);
    claims.setSubject("iam-admin");
    claims.setAudience(audience);
    claims.setIssuedAt(NumericDate.fromSeconds(now - 3600));
    claims.setExpirationTime(NumericDate.fromSeconds(now + expiresInSeconds));
    claims.setStringListClaim("roles", List.of("admin"));
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setHeader("typ", type);
    jws.setKeyIdHeaderValue(signer.kid());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKey(signer.privateKey());
    jws.setPayload(claims.toJson());
    return jws.getCompactSerialization();
  }

  private static String unsigned(String issuer) throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(issuer);
    claims.setSubject("iam-admin");
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setIssuedAtToNow();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setHeader("typ", "at+jwt");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jws.setPayload(claims.toJson());
    return jws.getCompactSerialization();
  }
}
