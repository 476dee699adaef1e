package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup PostgreSQL admits no local process without its password: it asks every client for
 * the superuser's password (SCRAM), which was generated into the data folder, readable by its owner
 * only. The black-box server runs on that embedded database (IAM_DB_URL unset).
 */
class EmbeddedDatabaseIT {

  private static final Path PASSWORD = Iam.DATA_DIR.resolve("postgres.password");

  @Test
  void passwordFileWhenGeneratedThenOwnerOnly() throws Exception {
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(PASSWORD)));
  }

  @Test
  void connectWhenPasswordWrongThenRefused() {
    SQLException refused =
        assertThrows(SQLException.class, () -> connect("wrong-" + Files.readString(PASSWORD)));
    assertEquals("28P01", refused.getSQLState(), "invalid_password");
  }

  @Test
  void connectWhenNoPasswordThenRefused() {
    assertThrows(SQLException.class, () -> connect(null));
  }

  @Test
  void connectWhenGeneratedPasswordThenAdmitted() throws Exception {
    try (Connection db = connect(Files.readString(PASSWORD).strip());
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM realm")) {
      row.next();
      assertEquals(true, row.getLong(1) >= 1, "the server's own data is there");
    }
  }

  private static Connection connect(String password) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", Iam.DB_USER);
    if (password != null) {
      login.setProperty("password", password);
    }
    return DriverManager.getConnection(Iam.DB_URL, login);
  }
}
