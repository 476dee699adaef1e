package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.com.pltfrms.iam.Iam.Reply;
import java.sql.Connection;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With IAM_DB_MIGRATE=false on an empty database, the server must not claim to be ready until the
 * operator's separate migration step has run; then it must become ready by itself. Not an *IT:
 * ci/test.sh runs it alone against a server started that way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotMigratedCheck {

  @Test
  @Order(1)
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

  /**
   * The operator's separate migration step: the same changelog, applied from outside. The server,
   * which keeps retrying its start-up, becomes ready without a restart.
   */
  @Test
  @Order(2)
  void readyWhenOperatorMigratesSeparatelyThenUpWithoutRestart() throws Exception {
    try (Connection db = Iam.database();
        Liquibase liquibase =
            new Liquibase(
                "db/changelog/master.xml",
                new ClassLoaderResourceAccessor(),
                DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(db)))) {
      liquibase.update("");
    }
    String status = "DOWN";
    for (int attempt = 0; attempt < 60 && !status.equals("UP"); attempt++) {
      Thread.sleep(1000);
      status = Iam.get("/health/ready").string("status");
    }
    assertEquals("UP", status, "ready once the schema exists");
    assertEquals(200, Iam.get("/realms/system/oauth2/jwks").status());
  }
}
