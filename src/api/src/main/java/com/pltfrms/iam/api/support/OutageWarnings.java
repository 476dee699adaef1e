package com.pltfrms.iam.api.support;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WARNING line per interval while the database is out of reach, however many requests fail in
 * it, with the number of failures since the previous line: an outage under load must not flood the
 * log (nor fill it with stack traces), and the operator still sees that it lasts.
 */
final class OutageWarnings {

  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier nanoTime;

  private long lastWarned;
  private boolean warnedOnce;
  private long suppressed;

  OutageWarnings(Logger log, Duration interval, LongSupplier nanoTime) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Records one request failed by an outage; logs at most once per interval. */
  void record(String reason) {
    String line;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (warnedOnce && now - lastWarned < intervalNanos) {
        suppressed++;
        return;
      }
      line =
          "The database is out of reach ("
              + reason
              + "); answering 503 with Retry-After"
              + (suppressed > 0 ? " (" + suppressed + " more since the last warning)" : "");
      warnedOnce = true;
      lastWarned = now;
      suppressed = 0;
    }
    log.log(Level.WARNING, line);
  }
}
