package com.pltfrms.iam.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an SSO session lives: it ends after {@code idle} without use, and at the latest {@code
 * max} after the login that started it. The realm model has no settings place for these yet, so
 * every realm uses {@link #DEFAULT} (Keycloak's SSO Session Idle and Max have the same meaning).
 *
 * @param idle the idle timeout
 * @param max the maximum lifetime
 */
public record SessionLifetimes(Duration idle, Duration max) {

  /** 30 minutes idle, 10 hours at most (issue 7 point 7). */
  public static final SessionLifetimes DEFAULT =
      new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(10));

  public SessionLifetimes {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(max, "max");
    if (idle.isNegative() || idle.isZero() || max.compareTo(idle) < 0) {
      throw new IllegalArgumentException("0 < idle <= max");
    }
  }
}
