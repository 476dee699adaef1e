package com.pltfrms.iam.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Native SQL with positional parameters, one call a statement: what the repositories that speak SQL
 * to PostgreSQL share. Parameter {@code i} of the array binds {@code ?i+1}; a null binds SQL NULL.
 */
public final class NativeSql {

  private NativeSql() {}

  public static Query query(EntityManager em, String sql, Object... parameters) {
    Query query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }

  /** Every row, each as its columns (a one-column query gives one-element arrays only if asked). */
  @SuppressWarnings("unchecked")
  public static List<Object[]> rows(EntityManager em, String sql, Object... parameters) {
    return query(em, sql, parameters).getResultList();
  }

  /** The first row (a one-column query gives the value itself), if there is one. */
  public static Optional<Object> first(EntityManager em, String sql, Object... parameters) {
    List<?> rows = query(em, sql, parameters).setMaxResults(1).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  public static boolean exists(EntityManager em, String sql, Object... parameters) {
    return first(em, sql, parameters).isPresent();
  }

  /** The single number a {@code count(*)} (or another aggregate) gives. */
  public static long number(EntityManager em, String sql, Object... parameters) {
    return ((Number) query(em, sql, parameters).getSingleResult()).longValue();
  }

  /** The one column of every row, as text. */
  public static List<String> strings(EntityManager em, String sql, Object... parameters) {
    return query(em, sql, parameters).getResultList().stream().map(String::valueOf).toList();
  }

  /** Runs an INSERT, UPDATE or DELETE; the number of rows it touched. */
  public static int execute(EntityManager em, String sql, Object... parameters) {
    return query(em, sql, parameters).executeUpdate();
  }

  /** A timestamp column as the driver hands it over, as an instant (null stays null). */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("not a timestamp: " + value.getClass().getName());
  }
}
