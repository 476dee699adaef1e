package com.pltfrms.iam.runtime;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSecrets;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.CacheNotice;
import com.pltfrms.iam.shared.SystemAdmin;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The operator's way back in when no administrator of the system realm is left (deleted, disabled,
 * secrets lost): creates a new admin service client straight in the database and prints its secret
 * to this terminal only, never to a log. In the manner of Keycloak's {@code bootstrap-admin}.
 *
 * <p>Run it where the server's database is reachable, with the server's own {@code IAM_DB_URL},
 * {@code IAM_DB_USER} and {@code IAM_DB_PASSWORD} (without {@code IAM_DB_URL}: the zero-setup
 * server's embedded database, which runs while the server does, found through {@code IAM_DATA_DIR}
 * and {@code IAM_EMBEDDED_DB_PORT}). The server need not restart: the command tells running nodes
 * through the cache-notice channel. The creation is an audit event of the system realm, by the
 * actor {@code system/recovery}. The README shows the command line.
 *
 * <p>Exit codes: 0 created; 2 bad arguments or the client id exists; 3 the database is unreachable
 * or not an IAM database.
 */
public final class RecoverAdmin {

  static final String DEFAULT_CLIENT_ID = "recovery-admin";
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");
  private static final Actor RECOVERY = Actor.system("recovery");

  private RecoverAdmin() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Does the work; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String clientId = DEFAULT_CLIENT_ID;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--client-id") && i + 1 < args.length) {
        clientId = args[++i];
      } else {
        err.println("usage: RecoverAdmin [--client-id NAME]   (default " + DEFAULT_CLIENT_ID + ")");
        return 2;
      }
    }
    if (!CLIENT_ID.matcher(clientId).matches()) {
      err.println(
          "--client-id must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', '~', ':', '-'");
      return 2;
    }
    String secret = ClientSecrets.generate();
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      String realmId = systemRealmId(db);
      if (realmId == null) {
        err.println("No system realm in this database: is it the IAM server's, and migrated?");
        return 3;
      }
      lock(db, "administrators:" + realmId);
      lock(db, "client:" + realmId + ":" + clientId);
      if (exists(db, realmId, clientId)) {
        db.rollback();
        err.println(
            "A client '" + clientId + "' exists in the system realm; choose another --client-id");
        return 2;
      }
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      insertClient(db, realmId, clientId, ClientSecrets.hash(secret), now);
      com.pltfrms.iam.audit.AuditWriter.insert(
          db,
          new AuditEvent(
              realmId,
              RealmName.SYSTEM,
              AuditEventTypes.CLIENT_CREATED,
              RECOVERY,
              clientId,
              true,
              Map.of("type", ClientType.SERVICE.value(), "via", "recovery command")),
          now);
      notifyNodes(db, realmId, clientId);
      db.commit();
    } catch (SQLException e) {
      err.println("Cannot reach the database: " + e.getMessage());
      return 3;
    }
    out.println("Created the system admin client '" + clientId + "'. Its secret (shown once):");
    out.println(secret);
    out.println(
        "Get a token with: curl -u '"
            + clientId
            + ":<secret>' -d grant_type=client_credentials"
            + " {base}/realms/system/oauth2/token");
    return 0;
  }

  private static Connection connect() throws SQLException {
    return DirectConnection.open("pltfrms-iam-recover-admin");
  }

  private static String systemRealmId(Connection db) throws SQLException {
    try (PreparedStatement query = db.prepareStatement("SELECT id FROM realm WHERE name = ?")) {
      query.setString(1, RealmName.SYSTEM);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) { // undefined_table: not migrated
        return null;
      }
      throw e;
    }
  }

  /** The same advisory locks the server takes, so a concurrent admin change serializes. */
  private static void lock(Connection db, String key) throws SQLException {
    try (PreparedStatement lock =
        db.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, key);
      lock.execute();
    }
  }

  private static boolean exists(Connection db, String realmId, String clientId)
      throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("SELECT 1 FROM oauth_client WHERE realm_id = ? AND client_id = ?")) {
      query.setString(1, realmId);
      query.setString(2, clientId);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void insertClient(
      Connection db, String realmId, String clientId, String secretHash, Instant now)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO oauth_client (id, realm_id, client_id, client_type, display_name,"
                + " enabled, secret_hash, allowed_scopes, created_at, version)"
                + " VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?, 1)")) {
      insert.setString(1, id);
      insert.setString(2, realmId);
      insert.setString(3, clientId);
      insert.setString(4, ClientType.SERVICE.name());
      insert.setString(5, "Recovery admin client");
      insert.setString(6, secretHash);
      insert.setString(7, SystemAdmin.SCOPE);
      insert.setObject(8, now.atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    // Its direct mapping to the system realm's admin role (a built-in role of that realm).
    try (PreparedStatement map =
        db.prepareStatement(
            "INSERT INTO client_role (client_id, role_id) SELECT ?, r.id FROM iam_role r"
                + " WHERE r.realm_id = ? AND r.client_id IS NULL AND r.name = ?")) {
      map.setString(1, id);
      map.setString(2, realmId);
      map.setString(3, SystemAdmin.ROLE);
      if (map.executeUpdate() != 1) {
        throw new SQLException("the system realm has no " + SystemAdmin.ROLE + " role");
      }
    }
  }

  private static void notifyNodes(Connection db, String realmId, String clientId)
      throws SQLException {
    try (PreparedStatement notice = db.prepareStatement("SELECT pg_notify(?, ?)")) {
      notice.setString(1, CacheNotice.CHANNEL);
      notice.setString(
          2, CacheNotice.Topic.CLIENT.name() + ":" + ClientDirectory.noticeKey(realmId, clientId));
      notice.execute();
    }
  }
}
