package com.pltfrms.iam.api.support;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, unreachable, or
 * its connection pool exhausted) from every other failure, so that the client is told to come back
 * (503 with {@code Retry-After}) instead of being given a 500, and the log gets one line instead of
 * a stack trace per request. It looks through the whole cause chain, because the JDBC error arrives
 * wrapped: in EclipseLink's {@code DatabaseException} inside a JPA {@code PersistenceException}, in
 * a JTA or {@code TransactionalException}, in the {@code IllegalStateException} of the audit
 * writer, in Liberty's connection-manager exceptions.
 *
 * <p>Signs of an outage:
 *
 * <ul>
 *   <li>SQLState class 08, connection exception (PostgreSQL: connection refused, broken, lost);
 *   <li>SQLState 57P01 {@code admin_shutdown}, 57P02 {@code crash_shutdown}, 57P03 {@code
 *       cannot_connect_now} (the server is starting up or shutting down);
 *   <li>JDBC's connection exceptions ({@link SQLTransientConnectionException}, {@link
 *       SQLNonTransientConnectionException}, {@link SQLRecoverableException}), whatever the state;
 *   <li>a Jakarta Connectors {@code ResourceException}: Liberty's connection manager raises it when
 *       it cannot hand out a connection (including {@code ConnectionWaitTimeoutException}, the pool
 *       exhausted while the database hangs);
 *   <li>an EclipseLink {@code DatabaseException} that says it is a communication failure.
 * </ul>
 *
 * Container classes are recognised by name, so that this class loads where they are absent.
 *
 * @see <a href="https://www.postgresql.org/docs/current/errcodes-appendix.html">PostgreSQL error
 *     codes</a>
 */
public final class DatabaseOutage {

  private static final int MAX_CAUSES = 64;

  private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03");

  private static final Set<String> OUTAGE_TYPES =
      Set.of(
          "jakarta.resource.ResourceException",
          "javax.resource.ResourceException",
          "com.ibm.websphere.ce.cm.StaleConnectionException");

  private static final String ECLIPSELINK_DATABASE_EXCEPTION =
      "org.eclipse.persistence.exceptions.DatabaseException";

  private DatabaseOutage() {}

  /** Why {@code failure} means the database is out of reach, or empty when it does not. */
  public static Optional<String> reason(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
      Throwable t = pending.poll();
      if (t == null || !seen.add(t)) {
        continue;
      }
      Optional<String> reason = sign(t);
      if (reason.isPresent()) {
        return reason;
      }
      addIfPresent(pending, t.getCause());
      if (t instanceof SQLException sql) {
        addIfPresent(pending, sql.getNextException());
      }
      addIfPresent(pending, internalException(t));
    }
    return Optional.empty();
  }

  private static Optional<String> sign(Throwable t) {
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && (state.startsWith("08") || OUTAGE_STATES.contains(state))) {
        return Optional.of(t.getClass().getSimpleName() + " SQLState " + state);
      }
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return Optional.of(t.getClass().getSimpleName());
      }
    }
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (OUTAGE_TYPES.contains(c.getName())) {
        return Optional.of(t.getClass().getSimpleName());
      }
      if (c.getName().equals(ECLIPSELINK_DATABASE_EXCEPTION) && communicationFailure(t)) {
        return Optional.of(t.getClass().getSimpleName() + " (communication failure)");
      }
    }
    return Optional.empty();
  }

  private static void addIfPresent(Deque<Throwable> pending, Throwable t) {
    if (t != null) {
      pending.add(t);
    }
  }

  /** EclipseLink keeps the JDBC exception as its "internal exception". */
  private static Throwable internalException(Throwable t) {
    Object value = invoke(t, "getInternalException");
    return value instanceof Throwable internal ? internal : null;
  }

  private static boolean communicationFailure(Throwable t) {
    return Boolean.TRUE.equals(invoke(t, "isCommunicationFailure"));
  }

  private static Object invoke(Throwable t, String name) {
    try {
      Method method = t.getClass().getMethod(name);
      return method.getParameterCount() == 0 ? method.invoke(t) : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
