package com.pltfrms.iam.audit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A logger that says the same thing (per key, e.g. per realm) at most once per period: background
 * work retried every second must not fill the log while the database is away or a realm is stuck.
 */
final class RateLimitedLog {

  private final Logger logger;
  private final long periodNanos;
  private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

  RateLimitedLog(Class<?> owner, Duration period) {
    this.logger = Logger.getLogger(owner.getName());
    this.periodNanos = period.toNanos();
  }

  void log(Level level, String key, String message, Throwable cause) {
    long now = System.nanoTime();
    Long last = lastLogged.get(key);
    if (last != null && now - last < periodNanos) {
      return;
    }
    if (lastLogged.size() > 10_000) {
      lastLogged.clear();
    }
    lastLogged.put(key, now);
    logger.log(level, message, cause);
  }
}
