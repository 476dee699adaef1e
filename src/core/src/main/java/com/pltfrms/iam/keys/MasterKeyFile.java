package com.pltfrms.iam.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The master key of zero-setup mode, generated once into {@code IAM_DATA_DIR/master.key} (base64 of
 * 32 random bytes) and read from there on every later start. The file is owner-only from the moment
 * it exists, and complete whenever it is visible: the key is written to a temporary file created
 * with permissions {@code rw-------}, forced to disk, then hard-linked to its name, which fails if
 * another start got there first (the loser then reads the winner's key). Two starts racing
 * therefore end with one key, and nobody ever reads a half-written one.
 */
final class MasterKeyFile {

  static final String NAME = "master.key";

  private static final Logger LOG = Logger.getLogger(MasterKeyFile.class.getName());
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private MasterKeyFile() {}

  /** The key in {@code dataDir}, generated there first if there is none. */
  static byte[] readOrCreate(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(dataDir);
      byte[] fresh = new byte[MasterKeys.KEY_BYTES];
      RANDOM.nextBytes(fresh);
      if (!publish(file, Base64.getEncoder().encodeToString(fresh))) {
        return read(file); // another start generated it first
      }
      LOG.warning(
          "No IAM_MASTER_KEY set: generated a master key into "
              + file
              + " (zero-setup mode only). Keep this file with the data folder.");
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key at " + file, e);
    }
  }

  /**
   * Links a complete, owner-only file holding {@code content} to {@code file}, unless it exists.
   */
  private static boolean publish(Path file, String content) throws IOException {
    Path temporary = createOwnerOnly(file.getParent());
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      }
      try {
        Files.createLink(file, temporary);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | FileSystemException e) {
        // No hard links here: a move without replacing is the closest, and fails if it exists.
        try {
          Files.move(temporary, file);
          return true;
        } catch (FileAlreadyExistsException exists) {
          return false;
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Path createOwnerOnly(Path dir) throws IOException {
    try {
      FileAttribute<Set<PosixFilePermission>> ownerOnly =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      return Files.createTempFile(dir, ".master.key-", ".tmp", ownerOnly);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the folder's access control list applies.
      return Files.createTempFile(dir, ".master.key-", ".tmp");
    }
  }

  private static byte[] read(Path file) throws IOException {
    warnIfReadableByOthers(file);
    String content = Files.readString(file, StandardCharsets.US_ASCII).trim();
    return MasterKey.decode(content, file.toString());
  }

  private static void warnIfReadableByOthers(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        LOG.warning(
            "The master key file "
                + file
                + " is readable by others ("
                + PosixFilePermissions.toString(permissions)
                + "): chmod 600 it.");
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
