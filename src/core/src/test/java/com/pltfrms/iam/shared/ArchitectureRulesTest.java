package com.pltfrms.iam.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md, checked on the sources: protocol packages stay free of
 * container APIs, and nothing in core reaches into the web modules.
 */
class ArchitectureRulesTest {

  private static final Path MAIN = Path.of("src", "main", "java", "com", "pltfrms", "iam");

  private static List<Path> sources(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static List<String> offenders(Path folder, String forbiddenImport) throws IOException {
    return sources(folder).stream()
        .filter(
            f -> {
              try {
                return Files.readString(f).contains("import " + forbiddenImport);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .map(Path::toString)
        .toList();
  }

  @Test
  void protocolPackagesWhenScannedThenImportNoJakarta() throws IOException {
    Path protocol = MAIN.resolve(Path.of("oauth", "protocol"));
    assertTrue(Files.isDirectory(protocol));
    assertEquals(List.of(), offenders(protocol, "jakarta."));
  }

  @Test
  void coreWhenScannedThenImportsNoWebLayer() throws IOException {
    assertEquals(List.of(), offenders(MAIN, "com.pltfrms.iam.api."));
    assertEquals(List.of(), offenders(MAIN, "com.pltfrms.iam.console."));
    assertEquals(List.of(), offenders(MAIN, "jakarta.ws.rs"));
    assertEquals(List.of(), offenders(MAIN, "jakarta.faces"));
  }
}
