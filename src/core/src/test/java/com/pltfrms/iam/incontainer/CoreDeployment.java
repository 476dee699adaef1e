package com.pltfrms.iam.incontainer;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds what each in-container test class deploys: the real core jar as the build packaged it
 * (entities, {@code META-INF/persistence.xml}, {@code META-INF/beans.xml}), core's runtime
 * libraries as the EAR's {@code lib/} carries them, and this package's test classes. Runs on the
 * client side, where it also gives the run a fresh database, once.
 *
 * <p>The paths and the database come from system properties that the {@code it} profile of {@code
 * src/core/pom.xml} sets.
 */
final class CoreDeployment {

  /** Explicit annotated discovery (CDI 4.0), as core's own beans.xml declares it. */
  private static final String BEANS_XML =
      "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
          + " bean-discovery-mode=\"annotated\"/>";

  private static boolean databaseRecreated;

  private CoreDeployment() {}

  /** The WAR for {@code testClass}, named after it. */
  static WebArchive of(Class<?> testClass) {
    recreateDatabaseOnce();
    File coreJar = new File(required("iam.arquillian.core.jar"));
    if (!coreJar.isFile()) {
      throw new IllegalStateException("No core jar at " + coreJar + ": run the package phase");
    }
    File[] libraries =
        new File(required("iam.arquillian.libraries")).listFiles(f -> f.getName().endsWith(".jar"));
    if (libraries == null || libraries.length == 0) {
      throw new IllegalStateException("No libraries copied for the in-container tests");
    }
    Arrays.sort(libraries);
    return ShrinkWrap.create(WebArchive.class, testClass.getSimpleName() + ".war")
        .addAsLibrary(coreJar)
        .addAsLibraries(libraries)
        .addPackage(CoreDeployment.class.getPackage())
        .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
  }

  /**
   * Drops and creates the test database at the start of the run, so every run starts from an empty
   * schema and the server's first {@code ServerLifecycle.start()} migrates it from scratch. Nothing
   * is connected to it yet: the server opens its pool on the first deployment's first use.
   */
  private static synchronized void recreateDatabaseOnce() {
    if (databaseRecreated) {
      return;
    }
    String name = required("iam.arquillian.db.name");
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalStateException("Unexpected test database name " + name);
    }
    Properties credentials = new Properties();
    credentials.setProperty("user", required("iam.arquillian.db.user"));
    try (Connection admin =
            DriverManager.getConnection(required("iam.arquillian.db.admin.url"), credentials);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot recreate the test database " + name, e);
    }
    databaseRecreated = true;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + property + " is not set: run with `-Pit` (src/core/pom.xml)");
    }
    return value;
  }
}
