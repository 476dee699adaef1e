package com.pltfrms.iam.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit migration on a database that has rows: in a schema of its own, the landed baseline is
 * applied, audit rows are written and sealed as the landed code wrote them (some left unsealed,
 * some months old), then the rest of the changelog runs. The rows move into the partitioned table
 * unchanged, as canonical form version 1, their chains still recompute, the heads are derived, and
 * the append-only triggers hold on the new table.
 */
@ExtendWith(ArquillianExtension.class)
class AuditUpgradeArquillianIT {

  /** The changesets of 0001-baseline.sql, the landed schema. */
  private static final int BASELINE_CHANGESETS = 5;

  private static final String COLUMNS =
      "id, realm_id, realm_name, event_type, occurred_at, actor, target, outcome, details,"
          + " chain_seq, prev_hash, hash";

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditUpgradeArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject Rows rows;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  private static void migrate(Connection db, String schema, Integer changesets) throws Exception {
    ClassLoader loader = AuditUpgradeArquillianIT.class.getClassLoader();
    Scope.child(
        Map.of(Scope.Attr.classLoader.name(), loader),
        () -> {
          Database database =
              DatabaseFactory.getInstance()
                  .findCorrectDatabaseImplementation(new JdbcConnection(db));
          database.setDefaultSchemaName(schema);
          database.setLiquibaseSchemaName(schema);
          Liquibase liquibase =
              new Liquibase(
                  "db/changelog/master.xml", new ClassLoaderResourceAccessor(loader), database);
          if (changesets == null) {
            liquibase.update("");
          } else {
            liquibase.update(changesets, "");
          }
        });
    db.setAutoCommit(true); // Liquibase leaves it off
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Writes a sealed row as the landed code did; returns its hash. */
  private static String landedRow(
      Connection db, String realmId, long seq, String previous, Instant at) throws SQLException {
    long id = Rows.next(db, "SELECT nextval('audit_event_id_seq')");
    Map<String, String> members =
        Map.of(
            "id",
            Long.toString(id),
            "realmId",
            realmId,
            "realmName",
            "landed",
            "type",
            "CLIENT_CREATED",
            "occurredAt",
            at.toString(),
            "actor",
            "admin",
            "target",
            "c" + seq,
            "outcome",
            "SUCCESS",
            "details",
            "{\"n\":\"" + seq + "\"}");
    String hash = DocumentedChain.hash(previous, members);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO audit_event ("
                + COLUMNS
                + ") VALUES (?, ?, 'landed', 'CLIENT_CREATED',"
                + " ?, 'admin', ?, 'SUCCESS', ?, ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setString(2, realmId);
      insert.setObject(3, at.atOffset(ZoneOffset.UTC));
      insert.setString(4, "c" + seq);
      insert.setString(5, "{\"n\":\"" + seq + "\"}");
      insert.setLong(6, seq);
      insert.setString(7, previous);
      insert.setString(8, hash);
      insert.executeUpdate();
    }
    return hash;
  }

  private static List<String> snapshot(Connection db) throws SQLException {
    List<String> all = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM audit_event ORDER BY id")) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= 12; c++) {
          row.append(rs.getString(c)).append('|');
        }
        all.add(row.toString());
      }
    }
    return all;
  }

  @Test
  void migrationWhenLandedTableHasRowsThenTheyMoveUnchangedAndTheirChainsStillHold()
      throws Exception {
    String schema = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
    String sealedRealm = UUID.randomUUID().toString();
    String pendingRealm = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Connection db = rows.outsideThePool()) {
      execute(db, "CREATE SCHEMA " + schema);
      try {
        execute(db, "SET search_path TO " + schema);
        migrate(db, schema, BASELINE_CHANGESETS);
        String previous = DocumentedChain.GENESIS;
        List<Instant> times = List.of(now.minus(400, ChronoUnit.DAYS), now.minusSeconds(60), now);
        for (int seq = 1; seq <= 3; seq++) {
          previous = landedRow(db, sealedRealm, seq, previous, times.get(seq - 1));
        }
        String head = previous;
        landedRow(db, pendingRealm, 1, DocumentedChain.GENESIS, now);
        Rows.update(
            db,
            "INSERT INTO audit_event (realm_id, realm_name, event_type, occurred_at, actor,"
                + " outcome, details) VALUES (?, 'landed', 'TOKEN_ISSUED', ?, 'svc', 'SUCCESS',"
                + " '{}')",
            pendingRealm,
            now.atOffset(ZoneOffset.UTC));
        List<String> before = snapshot(db);
        long lastId = Rows.next(db, "SELECT max(id) FROM audit_event");

        migrate(db, schema, null);

        assertEquals(before, snapshot(db), "every row, every column, unchanged");
        assertEquals(
            1,
            Rows.next(
                db,
                "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND c.relname = 'audit_event'",
                schema));
        assertEquals(
            5,
            Rows.next(
                db,
                "SELECT count(*) FROM audit_event WHERE form_version = 1 AND actor_type IS NULL"
                    + " AND actor_id IS NULL"));
        assertEquals(
            1,
            Rows.next(
                db,
                "SELECT count(*) FROM audit_chain_head WHERE realm_id = ? AND seq = 3 AND hash = ?",
                sealedRealm,
                head));
        String recomputed = DocumentedChain.GENESIS;
        for (long seq = 1; seq <= 3; seq++) {
          long id =
              Rows.next(
                  db,
                  "SELECT id FROM audit_event WHERE realm_id = ? AND chain_seq = ?",
                  sealedRealm,
                  seq);
          recomputed = DocumentedChain.hash(recomputed, DocumentedChain.members(db, id));
        }
        assertEquals(head, recomputed, "the chain recomputes from the moved rows");
        assertTrue(
            Rows.next(
                    db,
                    "INSERT INTO audit_event (realm_id, realm_name, event_type, occurred_at,"
                        + " outcome, details) VALUES ('r', 'n', 'T', now(), 'SUCCESS', '{}')"
                        + " RETURNING id")
                > lastId,
            "ids continue where they were");
        SQLException refused =
            assertThrows(
                SQLException.class,
                () ->
                    Rows.update(
                        db, "UPDATE audit_event SET realm_name = 'x' WHERE hash IS NOT NULL"));
        assertEquals("P0001", refused.getSQLState());
        refused = assertThrows(SQLException.class, () -> execute(db, "TRUNCATE audit_event"));
        assertEquals("P0001", refused.getSQLState());
      } finally {
        execute(db, "SET search_path TO public");
        execute(db, "DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
