package com.pltfrms.iam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseCredentialsTest {

  @TempDir Path dataDir;

  @Test
  void ensurePasswordFileWhenAbsentThenOwnerOnlyFileWithStrongPassword() throws Exception {
    Path file = EmbeddedDatabaseCredentials.ensurePasswordFile(dataDir);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String password = Files.readString(file).strip();
    assertTrue(password.matches("[A-Za-z0-9_-]{43}"), "256 bits, base64url, one line");
  }

  @Test
  void ensurePasswordFileWhenPresentThenKeptAsItIs() throws Exception {
    Path file = EmbeddedDatabaseCredentials.ensurePasswordFile(dataDir);
    String first = Files.readString(file);
    EmbeddedDatabaseCredentials.ensurePasswordFile(dataDir);
    assertEquals(first, Files.readString(file));
  }

  @Test
  void ensurePasswordFileWhenOthersCanReadThenNarrowedToOwner() throws Exception {
    Path file = EmbeddedDatabaseCredentials.ensurePasswordFile(dataDir);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    EmbeddedDatabaseCredentials.ensurePasswordFile(dataDir);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void ensurePasswordFileWhenTwoDataFoldersThenTwoPasswords(@TempDir Path other) throws Exception {
    String one = Files.readString(EmbeddedDatabaseCredentials.ensurePasswordFile(dataDir));
    String two = Files.readString(EmbeddedDatabaseCredentials.ensurePasswordFile(other));
    assertNotEquals(one, two);
  }
}
