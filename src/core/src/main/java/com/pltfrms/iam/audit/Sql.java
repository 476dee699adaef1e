package com.pltfrms.iam.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC for the audit repositories, on the server's data source: inside a JTA transaction
 * every statement runs on the transaction's connection; outside one, each commits at once. Failures
 * become {@link IllegalStateException}s that name what failed, never a parameter's value.
 */
final class Sql {

  /** Reads one row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  static <T> List<T> list(DataSource ds, String sql, Row<T> row, Object... parameters) {
    try (Connection connection = ds.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rs = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  static <T> Optional<T> first(DataSource ds, String sql, Row<T> row, Object... parameters) {
    return list(ds, sql, row, parameters).stream().findFirst();
  }

  static long number(DataSource ds, String sql, Object... parameters) {
    return first(ds, sql, rs -> rs.getLong(1), parameters).orElse(0L);
  }

  static int update(DataSource ds, String sql, Object... parameters) {
    try (Connection connection = ds.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** Runs {@code sql} once per parameter row, in one JDBC batch; the update counts in order. */
  static int[] batch(DataSource ds, String sql, List<Object[]> rows) {
    try (Connection connection = ds.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : rows) {
        bind(statement, parameters);
        statement.addBatch();
      }
      return statement.executeBatch();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, parameters);
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      statement.setObject(i + 1, value instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : value);
    }
  }

  private static IllegalStateException failure(String sql, SQLException e) {
    String statement = sql.length() > 60 ? sql.substring(0, 60) + "…" : sql;
    return new IllegalStateException(
        "Audit statement failed (SQLSTATE " + e.getSQLState() + "): " + statement, e);
  }
}
