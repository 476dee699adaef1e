package com.pltfrms.iam.runtime;

import com.pltfrms.iam.shared.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection of its own to the server's database, outside Liberty's pool, made from the same
 * settings the data source uses ({@code IAM_DB_URL}, {@code IAM_DB_USER}, {@code IAM_DB_PASSWORD};
 * without {@code IAM_DB_URL} the embedded database, its password read from {@code IAM_DATA_DIR}).
 * For the cache-notice listener, whose LISTEN must stay on one session, and for the operator's
 * recovery command, which runs outside the server.
 */
final class DirectConnection {

  private DirectConnection() {}

  /** Opens a connection that PostgreSQL shows as {@code applicationName}. */
  static Connection open(String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", Settings.get("IAM_DB_USER").orElse("postgres"));
    Settings.get("IAM_DB_PASSWORD").ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("ApplicationName", applicationName);
    String url =
        Settings.get("IAM_DB_URL")
            .orElse(EmbeddedDatabase.jdbcUrl(Settings.embeddedDatabasePort()));
    return new org.postgresql.Driver().connect(url, properties);
  }
}
