package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Appends audit events: one INSERT of an unsealed row, so concurrent requests of one realm never
 * wait on each other for the chain; {@link AuditSealer} links the rows into the chain afterwards,
 * in order, and loses none. Plain JDBC on the server's data source: inside a transaction the
 * connection is enlisted in it (the event commits or rolls back with the change); outside one
 * (every token request) the row goes through {@link AuditGroupCommit}, which commits many requests'
 * rows at once and returns to each caller once its row is durable.
 */
@ApplicationScoped
public class AuditWriter {

  static final String INSERT =
      "INSERT INTO audit_event (realm_id, realm_name, event_type, occurred_at, actor_type,"
          + " actor_id, actor, target, outcome, details, form_version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject Clock clock;
  @Inject AuditGroupCommit groupCommit;

  /** Joins the caller's transaction if there is one; otherwise is durable when this returns. */
  public void append(AuditEvent event) {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      groupCommit.append(event, clock.instant());
    } else {
      insert(event);
    }
  }

  /** Writes in a transaction of its own, so a rollback of the caller's keeps the event. */
  @Transactional(TxType.REQUIRES_NEW)
  public void appendIndependently(AuditEvent event) {
    insert(event);
  }

  private void insert(AuditEvent event) {
    try (Connection connection = dataSource.getConnection()) {
      insert(connection, event, clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot append an audit event of type " + event.type(), e);
    }
  }

  /**
   * Appends one unsealed row on {@code connection}, in whatever transaction it is in: the one
   * statement every writer of audit rows uses, the operator's recovery command included.
   */
  public static void insert(Connection connection, AuditEvent event, Instant at)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, event, at);
      insert.executeUpdate();
    }
  }

  /** Sets the parameters of {@link #INSERT} for one event. */
  static void bind(PreparedStatement insert, AuditEvent event, Instant at) throws SQLException {
    insert.setString(1, event.realmId());
    insert.setString(2, event.realmName());
    insert.setString(3, event.type());
    insert.setObject(4, at.atOffset(ZoneOffset.UTC));
    insert.setString(5, event.actor().type().value());
    insert.setString(6, truncate(event.actor().id(), 64));
    insert.setString(7, truncate(event.actor().name(), 255));
    insert.setString(8, truncate(event.target(), 255));
    insert.setString(9, event.success() ? "SUCCESS" : "FAILURE");
    insert.setString(10, CanonicalForm.json(event.details()));
    insert.setInt(11, CanonicalForm.CURRENT_VERSION);
  }

  /** Columns hold a bounded number of characters; what a client sends may be longer. */
  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
