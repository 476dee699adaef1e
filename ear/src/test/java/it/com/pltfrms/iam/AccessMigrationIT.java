package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Migration 0006 on data an earlier release left behind, in a database of its own: every realm gets
 * the built-in roles (the system realm also admin), and the space-separated role words of clients
 * and users become direct realm-role mappings, unknown words becoming realm roles.
 */
class AccessMigrationIT {

  private static final Timestamp T = Timestamp.from(Instant.parse("2025-06-01T12:00:00Z"));

  @Test
  void migrateWhenRoleWordsThenMappingsAndBuiltInRoles() throws Exception {
    String database = "access_migration_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = Iam.database();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    try (Connection db = Iam.databaseNamed(database)) {
      migrate(db, "it/changelog/before-access.xml");
      exec(
          db,
          "INSERT INTO realm (id, name, display_name, created_at) VALUES ('s', 'system', 'S', ?)",
          T);
      exec(
          db,
          "INSERT INTO realm (id, name, display_name, created_at) VALUES ('r', 'acme', 'A', ?)",
          T);
      exec(
          db,
          "INSERT INTO oauth_client (id, realm_id, client_id, client_type, roles, created_at)"
              + " VALUES ('c1', 's', 'iam-admin', 'SERVICE', 'admin', ?),"
              + " ('c2', 'r', 'billing', 'SERVICE', 'ops billing:read', ?),"
              + " ('c3', 'r', 'quiet', 'SERVICE', '', ?)",
          T,
          T,
          T);
      exec(
          db,
          "INSERT INTO app_user (id, realm_id, username, roles, created_at)"
              + " VALUES ('u1', 's', 'admin', 'admin', ?), ('u2', 'r', 'alice', 'ops auditor', ?)",
          T,
          T);

      migrate(db, "db/changelog/master.xml");

      assertEquals(
          List.of(
              "admin",
              "manage-clients",
              "manage-groups",
              "manage-users",
              "realm-admin",
              "view-audit",
              "view-users"),
          strings(db, "SELECT name FROM iam_role WHERE realm_id = 's' ORDER BY name"));
      assertEquals(
          List.of(
              "auditor",
              "billing:read",
              "manage-clients",
              "manage-groups",
              "manage-users",
              "ops",
              "realm-admin",
              "view-audit",
              "view-users"),
          strings(db, "SELECT name FROM iam_role WHERE realm_id = 'r' ORDER BY name"));
      assertEquals(List.of("admin"), mapped(db, "client_role", "client_id", "c1"));
      assertEquals(List.of("billing:read", "ops"), mapped(db, "client_role", "client_id", "c2"));
      assertEquals(List.of(), mapped(db, "client_role", "client_id", "c3"));
      assertEquals(List.of("admin"), mapped(db, "user_role", "user_id", "u1"));
      assertEquals(List.of("auditor", "ops"), mapped(db, "user_role", "user_id", "u2"));

      // a realm created afterwards gets its built-in roles from the trigger
      exec(
          db,
          "INSERT INTO realm (id, name, display_name, created_at) VALUES ('n', 'new', 'N', ?)",
          T);
      assertEquals(
          List.of("6"), strings(db, "SELECT count(*)::text FROM iam_role WHERE realm_id = 'n'"));
    }
  }

  private static List<String> mapped(Connection db, String table, String column, String id)
      throws SQLException {
    return strings(
        db,
        "SELECT r.name FROM "
            + table
            + " m JOIN iam_role r ON r.id = m.role_id WHERE m."
            + column
            + " = '"
            + id
            + "' ORDER BY r.name");
  }

  private static void migrate(Connection db, String changelog) throws Exception {
    new Liquibase(
            changelog,
            new ClassLoaderResourceAccessor(),
            DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(db)))
        .update("");
  }

  private static void exec(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  private static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
