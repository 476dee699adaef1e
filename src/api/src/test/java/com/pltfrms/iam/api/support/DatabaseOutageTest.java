package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageTest {

  private static boolean outage(Throwable failure) {
    return DatabaseOutage.reason(failure).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02"})
  void reasonWhenConnectionSqlStateThenOutage(String state) {
    assertTrue(outage(new SQLException("lost", state)));
  }

  @Test
  void reasonWhenPostgresStartingUpThenOutage() {
    assertTrue(outage(new SQLException("the database system is starting up", "57P03")));
  }

  @Test
  void reasonWhenPostgresConnectionFailureThenOutage() {
    assertTrue(outage(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)));
  }

  @Test
  void reasonWhenPostgresConnectionRefusedThenOutage() {
    assertTrue(outage(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, null)));
  }

  @Test
  void reasonWhenPoolTimeoutWithoutSqlStateThenOutage() {
    assertTrue(outage(new SQLTransientConnectionException("J2CA0045E: Connection not available")));
  }

  @Test
  void reasonWhenNonTransientConnectionExceptionThenOutage() {
    assertTrue(outage(new SQLNonTransientConnectionException("closed")));
  }

  @Test
  void reasonWhenAuditWriterWrapsConnectionFailureThenOutage() {
    SQLException lost = new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE);
    assertTrue(outage(new IllegalStateException("Cannot append an audit event", lost)));
  }

  @Test
  void reasonWhenEclipseLinkWrapsConnectionFailureInPersistenceExceptionThenOutage() {
    DatabaseException database =
        DatabaseException.sqlException(
            new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE), null, false);
    assertTrue(outage(new PersistenceException("Exception [EclipseLink-4002]", database)));
  }

  @Test
  void reasonWhenEclipseLinkReportsCommunicationFailureThenOutage() {
    DatabaseException database =
        DatabaseException.sqlException(new SQLException("socket closed"), null, true);
    assertTrue(outage(new PersistenceException(database)));
  }

  @Test
  void reasonWhenTransactionInterceptorWrapsItThenOutage() {
    PersistenceException persistence =
        new PersistenceException(new SQLException("terminating connection", "57P01"));
    assertTrue(outage(new TransactionalException("rolled back", persistence)));
  }

  @Test
  void reasonWhenRollbackCausedByLostConnectionThenOutage() {
    RollbackException rollback = new RollbackException("commit failed");
    rollback.initCause(new SQLException("connection lost", "08006"));
    assertTrue(outage(rollback));
  }

  @Test
  void reasonWhenLostConnectionIsANextExceptionThenOutage() {
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("connection lost", "08006"));
    assertTrue(outage(batch));
  }

  @Test
  void reasonWhenConnectorResourceExceptionThenOutage() {
    assertTrue(outage(new RuntimeException(new jakarta.resource.ResourceException("no pool"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "22021", "25P02", "40001", "42P01", "XX000"})
  void reasonWhenOtherSqlStateThenNotOutage(String state) {
    assertFalse(outage(new PersistenceException(new SQLException("failed", state))));
  }

  @Test
  void reasonWhenEclipseLinkQueryFailsOtherwiseThenNotOutage() {
    DatabaseException database =
        DatabaseException.sqlException(new SQLException("unique violation", "23505"), null, false);
    assertFalse(outage(new PersistenceException(database)));
  }

  @Test
  void reasonWhenNoSqlInvolvedThenNotOutage() {
    assertFalse(outage(new IllegalStateException("realm has no active key")));
  }

  @Test
  void reasonWhenSqlStateMissingThenNotOutage() {
    assertFalse(outage(new SQLException("something")));
  }

  @Test
  void reasonWhenCauseChainIsCyclicThenTerminates() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertFalse(outage(a));
  }
}
