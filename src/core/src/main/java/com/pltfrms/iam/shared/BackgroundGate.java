package com.pltfrms.iam.shared;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets background work finish before what it uses goes away. Cancelling a scheduled task does not
 * wait for a run in progress, so a server stop could close the database under a run and have it
 * fail; each run passes through this gate instead, and {@link #close} waits for the runs inside it
 * and lets no new one in.
 */
public final class BackgroundGate {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  /** Runs {@code work} unless the gate is closed or closing; then returns at once. */
  public void run(Runnable work) {
    if (closed || !lock.readLock().tryLock()) {
      return;
    }
    try {
      if (!closed) {
        work.run();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Lets no new run in and waits up to {@code patience} for those inside to finish.
   *
   * @return whether every run finished in time
   */
  public boolean close(Duration patience) {
    closed = true;
    try {
      if (lock.writeLock().tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        lock.writeLock().unlock();
        return true;
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Lets runs in again (after a stop, when the server starts anew). */
  public void open() {
    closed = false;
  }
}
