package com.pltfrms.iam.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase master changelog. Liquibase's own lock table makes concurrent starts of
 * several nodes safe: one migrates, the others wait and then find nothing to do.
 */
final class SchemaMigrator {

  static final String MASTER_CHANGELOG = "db/changelog/master.xml";

  private SchemaMigrator() {}

  static void migrate(DataSource dataSource) {
    ClassLoader loader = SchemaMigrator.class.getClassLoader();
    try (Connection connection = dataSource.getConnection()) {
      Scope.child(
          Map.of(Scope.Attr.classLoader.name(), loader),
          () -> {
            Database database =
                DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase =
                new Liquibase(
                    MASTER_CHANGELOG, new ClassLoaderResourceAccessor(loader), database)) {
              liquibase.update("");
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    } catch (Exception e) {
      throw new IllegalStateException("Schema migration failed", e);
    }
  }
}
