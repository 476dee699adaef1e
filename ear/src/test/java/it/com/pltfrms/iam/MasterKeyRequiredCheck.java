package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * With an external database (IAM_DB_URL) and no IAM_MASTER_KEY, the server refuses to start: it
 * says why in the log, is never ready, answers 503, writes nothing to the database and generates no
 * key. Not an *IT: ci/test.sh runs it alone against a server started that way.
 */
class MasterKeyRequiredCheck {

  @Test
  void startWhenExternalDatabaseWithoutMasterKeyThenRefusedAndNothingWritten() throws Exception {
    Reply ready = Iam.get("/health/ready");
    assertEquals(503, ready.status());
    assertEquals("DOWN", ready.string("status"));
    Reply token =
        Iam.token("system", Iam.params("grant_type", "client_credentials"), Iam.basic("a", "b"));
    assertEquals(503, token.status());
    assertEquals("temporarily_unavailable", token.string("error"));

    String log = ServerLog.read();
    assertTrue(log.contains("IAM_MASTER_KEY is not: refusing to start"), "the reason, in the log");
    try (Connection db = Iam.database();
        ResultSet tables =
            db.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      assertFalse(tables.next(), "not even Liquibase's tables: nothing was written");
    }
    // ci/test.sh's IAM_DATA_DIR for this stage, emptied before the start
    assertFalse(
        Files.exists(Path.of("target", "it-data-external", "master.key")), "no key generated");
  }
}
