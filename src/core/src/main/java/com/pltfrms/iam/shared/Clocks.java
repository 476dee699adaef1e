package com.pltfrms.iam.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Produces the one {@link Clock} every service reads time from, so tests can pin it. */
@ApplicationScoped
public class Clocks {

  @Produces
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
