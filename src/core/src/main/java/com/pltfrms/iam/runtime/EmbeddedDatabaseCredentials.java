package com.pltfrms.iam.runtime;

import com.pltfrms.iam.shared.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The password of the embedded PostgreSQL's superuser: generated once per data folder into {@code
 * postgres.password} there (owner-only), handed to {@code initdb}, and read back by the JDBC driver
 * at every new connection. The zero-setup JDBC URL names this class as pgjdbc's {@code
 * authenticationPluginClassName}, so the password reaches Liberty's pool without being part of its
 * configuration: it exists before the pool's first connection, and a configuration change (which
 * would restart the application) is never needed. pgjdbc finds the class through the thread's
 * context class loader, the application's, and shares the plugin interface with it because the
 * application sees the driver through the same Liberty library as the data source.
 *
 * @see <a href="https://www.postgresql.org/docs/current/auth-password.html">PostgreSQL: password
 *     authentication (scram-sha-256)</a>
 */
public class EmbeddedDatabaseCredentials implements AuthenticationPlugin {

  static final String FILE = "postgres.password";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @Override
  public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
    Path file = Settings.dataDir().resolve(FILE);
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
    } catch (IOException e) {
      throw new PSQLException(
          "No embedded database password in " + file, PSQLState.CONNECTION_REJECTED, e);
    }
  }

  /**
   * The password file of {@code dataDir}, created with a fresh password (256 bits, base64url, so
   * one line without characters that any PostgreSQL tool treats specially) unless it exists. The
   * file is written to a temporary name with owner-only permissions and moved into place, so it
   * never exists half-written or readable by others; an existing file that others can read is
   * narrowed to its owner.
   */
  static Path ensurePasswordFile(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      if (Files.exists(file)) {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
          Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return file;
      }
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Path staged =
          Files.createTempFile(
              dataDir,
              ".postgres-password",
              ".tmp",
              PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(
          staged,
          Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
          StandardCharsets.UTF_8);
      try {
        Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.delete(staged);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the embedded database password to " + file, e);
    }
  }
}
