package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a refused request must not leave behind: a row added, changed or removed in the business
 * tables, a SUCCESS audit event, or an ERROR or WARNING line in the server log. Failed client
 * authentication may add FAILURE audit events (it is meant to), so FAILURE rows are not counted.
 * The database side compares each table's row count and the sum of its rows' {@code xmin} (the
 * transaction that wrote each row version), which any INSERT, UPDATE or DELETE changes.
 */
final class SideEffects implements AutoCloseable {

  /**
   * Every business table: all of the public schema but the audit tables (whose SUCCESS rows are
   * counted on their own) and Liquibase's, so a table a later change adds is watched without being
   * named here.
   */
  private static final String TABLES =
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
          + " AND tablename NOT LIKE 'audit%' AND tablename NOT LIKE 'databasechangelog%'"
          + " ORDER BY tablename";

  /** Liberty's messages.log: {@code [time] thread logger level message}, level E or W. */
  private static final Pattern ERROR_OR_WARNING =
      Pattern.compile("^\\[[^\\]]+\\] \\S+ \\S+ +[EW] .*");

  private final Connection db;
  private final String fingerprintQuery;
  private final String baseline;
  private long logOffset;

  private SideEffects(Connection db) throws SQLException, IOException {
    this.db = db;
    this.fingerprintQuery = fingerprintQuery(db);
    this.baseline = fingerprint();
    this.logOffset = logLength();
  }

  static SideEffects start() throws SQLException, IOException {
    return new SideEffects(Iam.database());
  }

  /**
   * Tables of short-lived rows that the server's housekeeping deletes on its own schedule (expired
   * login attempts, old authorization codes, ended sessions): what counts there is rows created
   * since watching started, so a sweep in the middle of a run is not taken for a request's side
   * effect.
   */
  private static final Set<String> SWEPT =
      Set.of("login_attempt", "authorization_code", "sso_session");

  private static String table(String name, String since) {
    if (SWEPT.contains(name)) {
      return "(SELECT '"
          + name
          + " ' || count(*) FROM "
          + name
          + " WHERE created_at >= '"
          + since
          + "'::timestamptz)";
    }
    return "(SELECT '"
        + name
        + " ' || count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "
        + name
        + ")";
  }

  /** One query over the tables there are when watching starts; a run adds no tables. */
  private static String fingerprintQuery(Connection db) throws SQLException {
    List<String> parts = new ArrayList<>();
    String since;
    try (Statement statement = db.createStatement();
        ResultSet now = statement.executeQuery("SELECT now()::text")) {
      now.next();
      since = now.getString(1);
    }
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(TABLES)) {
      while (rows.next()) {
        parts.add(table(rows.getString(1), since));
      }
    }
    return "SELECT "
        + String.join(" || ' ' || ", parts)
        + " || ' audit successes ' || (SELECT count(*) FROM audit_event WHERE outcome ="
        + " 'SUCCESS' AND event_type <> 'REALM_EXPORTED')"; // reading a realm whole is audited
  }

  String fingerprint() throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(fingerprintQuery)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Fails, naming {@code context}, if anything was written since the start. */
  void assertNone(String context) {
    try {
      assertEquals(baseline, fingerprint(), "the database changed after " + context);
      List<String> lines = newErrorOrWarningLines();
      assertEquals(List.of(), lines, "the server logged errors or warnings after " + context);
    } catch (SQLException | IOException e) {
      throw new AssertionError("cannot check side effects of " + context, e);
    }
  }

  private List<String> newErrorOrWarningLines() throws IOException {
    long length = logLength();
    if (length < logOffset) {
      logOffset = 0; // the log rolled over
    }
    List<String> found = new ArrayList<>();
    if (length == logOffset) {
      return found;
    }
    byte[] added = new byte[(int) (length - logOffset)];
    try (RandomAccessFile log = new RandomAccessFile(ServerLog.MESSAGES.toFile(), "r")) {
      log.seek(logOffset);
      log.readFully(added);
    }
    logOffset = length;
    for (String line : new String(added, StandardCharsets.UTF_8).split("\n")) {
      if (ERROR_OR_WARNING.matcher(line).matches() || line.contains("Unhandled error")) {
        found.add(line);
      }
    }
    return found;
  }

  private static long logLength() {
    return ServerLog.MESSAGES.toFile().length();
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
