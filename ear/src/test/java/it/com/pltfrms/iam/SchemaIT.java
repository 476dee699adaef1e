package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Liquibase ran the changelog once, from one place, although the EAR has several modules: each
 * changeset is recorded exactly once and the lock was released.
 */
class SchemaIT {

  @Test
  void changelogWhenServerStartedThenEveryChangesetAppliedOnceAndLockReleased() throws Exception {
    try (Connection db = Iam.database();
        Statement s = db.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), count(DISTINCT id || author || filename) FROM databasechangelog")) {
        assertTrue(rs.next());
        assertTrue(rs.getInt(1) >= 5, "the baseline changesets are recorded");
        assertEquals(rs.getInt(1), rs.getInt(2), "no changeset recorded twice");
      }
      try (ResultSet rs = s.executeQuery("SELECT bool_or(locked) FROM databasechangeloglock")) {
        assertTrue(rs.next());
        assertFalse(rs.getBoolean(1), "the migration lock is released");
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM realm WHERE name = 'system'")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1), "one system realm, however many modules started");
      }
    }
  }
}
