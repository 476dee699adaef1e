package com.pltfrms.iam.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * Produces the one {@link Clock} every service reads time from, so tests can pin it. It ticks in
 * microseconds, PostgreSQL's timestamp precision, so an instant reads back exactly as it was
 * written (which the audit hash chain depends on).
 */
@ApplicationScoped
public class Clocks {

  @Produces
  Clock systemClock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
