package com.pltfrms.iam.incontainer;

import com.pltfrms.iam.shared.Settings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Reads what PostgreSQL holds, past the services and their caches, so a test can check what was (or
 * was not) written. Queries go through the server's own data source; {@link #outsideThePool} gives
 * a connection of the kind an operator with psql would have.
 */
@ApplicationScoped
public class Rows {

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  /** The single number {@code sql} selects, e.g. a {@code count(*)}. */
  public long number(String sql, Object... parameters) {
    List<Long> numbers = numbers(sql, parameters);
    if (numbers.size() != 1) {
      throw new IllegalStateException("Expected one row, got " + numbers.size() + ": " + sql);
    }
    return numbers.get(0);
  }

  /** The single text value {@code sql} selects (null as null). */
  public String text(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = prepare(connection, sql, parameters);
        ResultSet rs = query.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("No row: " + sql);
      }
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of every row {@code sql} selects, as numbers. */
  public List<Long> numbers(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = prepare(connection, sql, parameters);
        ResultSet rs = query.executeQuery()) {
      List<Long> numbers = new ArrayList<>();
      while (rs.next()) {
        numbers.add(rs.getLong(1));
      }
      return numbers;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every column of the one row {@code sql} selects, as numbers (null as null). */
  public List<Long> numbersOfRow(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = prepare(connection, sql, parameters);
        ResultSet rs = query.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("No row: " + sql);
      }
      List<Long> numbers = new ArrayList<>();
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        long value = rs.getLong(column);
        numbers.add(rs.wasNull() ? null : value);
      }
      return numbers;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A connection of its own to the server's database, outside the pool and any transaction. */
  public Connection outsideThePool() throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", Settings.get("IAM_DB_USER").orElse("postgres"));
    String url =
        Settings.get("IAM_DB_URL")
            .orElseThrow(() -> new IllegalStateException("IAM_DB_URL is not set"));
    return new org.postgresql.Driver().connect(url, credentials);
  }

  /** Runs one statement on {@code connection}; returns how many rows it changed. */
  public static int update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** The single number {@code sql} selects on {@code connection}. */
  public static long next(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement query = prepare(connection, sql, parameters);
        ResultSet rs = query.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("No row: " + sql);
      }
      return rs.getLong(1);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
