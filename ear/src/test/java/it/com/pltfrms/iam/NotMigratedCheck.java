package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.com.pltfrms.iam.Iam.Reply;
import org.junit.jupiter.api.Test;

/**
 * With IAM_DB_MIGRATE=false on an empty database, the server must not claim to be ready: the
 * operator's separate migration step has not run yet. Not an *IT: ci/test.sh runs it alone against
 * a server started that way.
 */
class NotMigratedCheck {

  @Test
  void readyWhenSchemaMissingAndMigrationOffThenDown() {
    Reply ready = Iam.get("/health/ready");
    assertEquals(503, ready.status());
    assertEquals("DOWN", ready.string("status"));
    assertEquals(200, Iam.get("/health/live").status());
    Reply jwks = Iam.get("/realms/system/oauth2/jwks");
    assertEquals(503, jwks.status());
    assertEquals("temporarily_unavailable", jwks.string("error"));
    assertEquals("5", jwks.header("Retry-After"));
    Reply token =
        Iam.token("system", Iam.params("grant_type", "client_credentials"), Iam.basic("a", "b"));
    assertEquals(503, token.status());
    Reply admin = Iam.adminAs("x", "GET", "", null);
    assertEquals(503, admin.status());
    assertEquals(503L, ((Number) admin.json().get("status")).longValue());
  }
}
