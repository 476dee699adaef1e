package com.pltfrms.iam.testing;

import com.pltfrms.iam.shared.AfterCompletion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Plain-Java stand-ins for container services: no transactions, a fixed clock. */
public final class Immediately {

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  private Immediately() {}

  /** Runs after-completion work at once, as if the transaction had just committed. */
  public static AfterCompletion afterCompletion() {
    return new AfterCompletion() {
      @Override
      public void run(Runnable work) {
        work.run();
      }
    };
  }
}
