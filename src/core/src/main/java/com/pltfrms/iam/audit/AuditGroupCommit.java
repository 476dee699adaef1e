package com.pltfrms.iam.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Group commit for audit rows written outside any transaction (a token issued, say): callers hand
 * their event to a bounded queue and wait; one writer thread takes everything queued, inserts it as
 * one JDBC batch and commits once, then releases the callers. Each caller returns only once its row
 * is durable, so a response is never sent for an event that could still be lost, while the database
 * pays one commit per batch instead of one per request. Batches grow with the load by themselves:
 * whatever arrives while a batch is being written goes into the next one.
 *
 * <p>When the database is away the batch fails and every caller in it gets the failure (a 503 at
 * the web layer); nothing is retried behind the caller's back. A full queue refuses at once.
 */
@ApplicationScoped
public class AuditGroupCommit {

  private static final Logger LOG = Logger.getLogger(AuditGroupCommit.class.getName());

  /** The most rows one commit carries. */
  static final int MAX_BATCH = 512;

  /** The most events waiting at once; beyond, callers are refused rather than queued. */
  static final int CAPACITY = 8192;

  /** How long a caller waits for its row to be durable. */
  static final long WAIT_SECONDS = 15;

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
  private volatile boolean running;
  private Thread writer;

  private record Pending(AuditEvent event, Instant at, CompletableFuture<Void> durable) {}

  /** Appends {@code event}, returning once it is committed; throws when it cannot be. */
  public void append(AuditEvent event, Instant at) {
    ensureRunning();
    Pending pending = new Pending(event, at, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      throw new IllegalStateException(
          "Cannot append an audit event of type " + event.type() + ": the audit queue is full");
    }
    try {
      pending.durable().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot append an audit event of type " + event.type(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Cannot append an audit event of type " + event.type() + ": no commit in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while appending an audit event", e);
    }
  }

  private void ensureRunning() {
    if (running) {
      return;
    }
    synchronized (this) {
      if (!running) {
        running = true;
        writer = threads.newThread(this::writeLoop);
        writer.setName("iam-audit-group-commit");
        writer.setDaemon(true);
        writer.start();
      }
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        Pending first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } finally {
        batch.clear();
      }
    }
    failWaiting(new IllegalStateException("the server is stopping"));
  }

  /** One transaction, one round trip: the batch lands whole or not at all. */
  private void write(List<Pending> batch) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(AuditWriter.INSERT)) {
        for (Pending pending : batch) {
          AuditWriter.bind(insert, pending.event(), pending.at());
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      batch.forEach(p -> p.durable().complete(null));
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "An audit batch failed; its callers get the failure", e);
      batch.forEach(p -> p.durable().completeExceptionally(e));
    }
  }

  private void failWaiting(RuntimeException why) {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.durable().completeExceptionally(why));
  }

  /** Writes what is queued, then stops the writer; callers still waiting get a failure. */
  @PreDestroy
  synchronized void stop() {
    if (!running) {
      return;
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    for (int i = 0; i < left.size(); i += MAX_BATCH) {
      write(new ArrayList<>(left.subList(i, Math.min(left.size(), i + MAX_BATCH))));
    }
    running = false;
    writer.interrupt();
  }
}
