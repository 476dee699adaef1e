package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each failure is written in the vocabulary of the resource it was meant for, whatever raised it:
 * JAX-RS's own 404/405/415, a protocol error, bad input. The 405 keeps its Allow header, and every
 * 401 carries a challenge (RFC 9110 §15.5.2).
 */
class ErrorVocabularyIT {

  static String realm;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("vocab");
  }

  @Test
  void tokenWhenGetThen405WithAllowAsOAuthError() {
    Reply reply = Iam.get("/realms/" + realm + "/oauth2/token");
    reply.assertOAuthError(405, "invalid_request");
    assertTrue(reply.header("Allow").contains("POST"), reply.header("Allow"));
  }

  @Test
  void adminWhenWrongMethodThen405WithAllowAsProblem() {
    Reply reply = Iam.admin("DELETE", "", null);
    assertEquals(405, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
    assertTrue(reply.header("Allow").contains("GET"), reply.header("Allow"));
    assertTrue(reply.header("Allow").contains("POST"), reply.header("Allow"));
  }

  @Test
  void discoveryWhenPostThen405AsOAuthError() {
    Reply reply =
        Iam.send(
            Iam.request("/realms/" + realm + "/.well-known/openid-configuration")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    reply.assertOAuthError(405, "invalid_request");
    assertNotNull(reply.header("Allow"));
  }

  @Test
  void adminWhenWrongMediaTypeThen415Problem() {
    Reply reply =
        Iam.send(
            Iam.request("/admin/realms")
                .header("Authorization", "Bearer " + Iam.adminToken())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertEquals(415, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
  }

  @Test
  void unknownPathThen404Problem() {
    Reply reply = Iam.get("/no/such/endpoint");
    assertEquals(404, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
  }

  @Test
  void unknownPathBelowOAuthThen404ProblemSinceNoResourceMatches() {
    Reply reply = Iam.get("/realms/" + realm + "/oauth2/no-such-endpoint");
    assertEquals(404, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
  }

  @Test
  void jwksWhenRealmUnknownThen404AsOAuthError() {
    Reply reply = Iam.get("/realms/no-such-realm/oauth2/jwks");
    reply.assertOAuthError(404, "invalid_request");
  }

  @Test
  void tokenWhenNoClientAuthenticationThen401WithBasicChallenge() {
    Reply reply = Iam.token(realm, Iam.params("grant_type", "client_credentials"), null);
    reply.assertOAuthError(401, "invalid_client");
    assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"));
  }

  @Test
  void tokenWhenUnknownClientViaPostThen401WithBasicChallenge() {
    Reply reply =
        Iam.token(
            realm,
            Iam.params(
                "grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x"),
            null);
    reply.assertOAuthError(401, "invalid_client");
    assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"));
  }
}
