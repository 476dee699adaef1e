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

  /** Services (application use cases) of core: every class whose name ends in Service. */
  private static List<Path> services() throws IOException {
    return sources(MAIN).stream()
        .filter(f -> f.getFileName().toString().endsWith("Service.java"))
        .toList();
  }

  private static List<String> containing(List<Path> files, java.util.regex.Pattern pattern) {
    return files.stream()
        .filter(
            f -> {
              try {
                return pattern.matcher(Files.readString(f)).find();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .map(Path::toString)
        .toList();
  }

  @Test
  void servicesWhenScannedThenHoldNoQueries() throws IOException {
    assertEquals(
        List.of(),
        containing(
            services(),
            java.util.regex.Pattern.compile(
                "create(Native)?Query\\(|\"\\s*(SELECT|INSERT|UPDATE|DELETE)\\s")),
        "queries belong in the feature's repository");
  }

  @Test
  void servicesWhenScannedThenUseConstructorInjection() throws IOException {
    assertEquals(
        List.of(),
        containing(
            services(),
            java.util.regex.Pattern.compile("@Inject\\s+(private\\s+)?[A-Z][\\w<>, ?]*\\s+\\w+;")),
        "inject a service's collaborators through its constructor");
  }

  @Test
  void servicesWhenScannedThenTouchNoEntityManager() throws IOException {
    assertEquals(
        List.of(), containing(services(), java.util.regex.Pattern.compile("EntityManager")));
  }
}
