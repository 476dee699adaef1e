package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutageWarningsTest {

  private final List<LogRecord> records = new ArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private OutageWarnings warnings;

  @BeforeEach
  void setUp() {
    Logger log = Logger.getAnonymousLogger();
    log.setUseParentHandlers(false);
    log.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    warnings = new OutageWarnings(log, Duration.ofSeconds(10), now::get);
  }

  @Test
  void recordWhenFirstOutageThenOneWarningWithoutStackTrace() {
    warnings.record("PSQLException SQLState 08006");
    assertEquals(1, records.size());
    assertEquals(Level.WARNING, records.get(0).getLevel());
    assertEquals(null, records.get(0).getThrown());
  }

  @Test
  void recordWhenManyWithinIntervalThenOneWarning() {
    for (int i = 0; i < 100; i++) {
      warnings.record("PSQLException SQLState 08006");
    }
    assertEquals(1, records.size());
  }

  @Test
  void recordWhenIntervalPassedThenWarnsAgainCountingTheSuppressed() {
    warnings.record("first");
    warnings.record("second");
    warnings.record("third");
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    warnings.record("fourth");
    assertEquals(2, records.size());
    assertTrue(records.get(1).getMessage().contains("2 more"));
  }

  @Test
  void recordWhenNothingSuppressedThenNoCount() {
    warnings.record("first");
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    warnings.record("second");
    assertFalse(records.get(1).getMessage().contains("more since"));
  }
}
