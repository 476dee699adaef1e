package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Migration 0003 on keys an earlier release left behind, in a database of its own beside the test
 * server's: two ACTIVE keys of one realm (possible before the index) end with one, the newer; a
 * PASSIVE key that never recorded when it stopped signing gets a conservative retirableAt; a
 * RETIRED key loses its private half; and a second ACTIVE key is refused from then on.
 */
class KeysMigrationIT {

  private static final Instant T = Instant.parse("2025-06-01T12:00:00Z");
  private static final Duration CONSERVATIVE = Duration.ofSeconds(86_400 + 30 + 60);

  @Test
  void migrateWhenLegacyKeyRowsThenOneActiveRetirablePassiveAndRetiredDestroyed() throws Exception {
    String database = "keys_migration_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = Iam.database();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    try (Connection db = Iam.databaseNamed(database)) {
      migrate(db, "it/changelog/baseline-only.xml");
      exec(
          db,
          "INSERT INTO realm (id, name, display_name, created_at) VALUES ('r', 'r', 'R', ?)",
          T);
      key(db, "older-active", "ACTIVE", T.minusSeconds(7200), "v1.a.b");
      key(db, "newer-active", "ACTIVE", T.minusSeconds(3600), "v1.a.b");
      key(db, "passive", "PASSIVE", T.minusSeconds(10_800), "v1.a.b");
      key(db, "retired", "RETIRED", T.minusSeconds(20_000), "v1.a.b");

      Instant before = Instant.now();
      migrate(db, "db/changelog/master.xml");

      assertEquals("ACTIVE", column(db, "newer-active", "status"));
      assertEquals("PASSIVE", column(db, "older-active", "status"));
      Instant demoted = instant(db, "older-active", "stopped_signing_at");
      assertTrue(!demoted.isBefore(before.minusSeconds(5)), "stopped at the migration");
      assertEquals(demoted.plus(CONSERVATIVE), instant(db, "older-active", "retirable_at"));
      // the passive key stopped when the next key was activated after its own activation
      assertEquals(T.minusSeconds(7200), instant(db, "passive", "stopped_signing_at"));
      assertEquals(T.minusSeconds(7200).plus(CONSERVATIVE), instant(db, "passive", "retirable_at"));
      assertNull(column(db, "retired", "private_key_sealed"));
      assertEquals("v1.a.b", column(db, "passive", "private_key_sealed"));
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> exec(db, "UPDATE signing_key SET status = 'ACTIVE' WHERE kid = 'passive'"));
      assertEquals("23505", refused.getSQLState());
    } finally {
      try (Connection admin = Iam.database();
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  private static void migrate(Connection db, String changelog) throws Exception {
    Liquibase liquibase =
        new Liquibase(
            changelog,
            new ClassLoaderResourceAccessor(),
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(db)));
    liquibase.update("");
  }

  private static void key(
      Connection db, String kid, String status, Instant activated, String sealed)
      throws SQLException {
    exec(
        db,
        "INSERT INTO signing_key (id, realm_id, kid, algorithm, status, public_jwk,"
            + " private_key_sealed, created_at, activated_at) VALUES (?, 'r', ?, 'RS256', ?, '{}',"
            + " ?, ?, ?)",
        UUID.randomUUID().toString(),
        kid,
        status,
        sealed,
        activated.minusSeconds(60),
        activated);
  }

  private static void exec(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        statement.setObject(i + 1, p instanceof Instant instant ? Timestamp.from(instant) : p);
      }
      statement.executeUpdate();
    }
  }

  private static String column(Connection db, String kid, String column) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT " + column + " FROM signing_key WHERE kid = ?")) {
      query.setString(1, kid);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static Instant instant(Connection db, String kid, String column) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT " + column + " FROM signing_key WHERE kid = ?")) {
      query.setString(1, kid);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getTimestamp(1).toInstant();
      }
    }
  }
}
