package com.pltfrms.iam.session;

import com.pltfrms.iam.realm.LoginSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How long an SSO session lives: it ends after {@code idle} without use, and at the latest {@code
 * max} after the login that started it: the realm's {@code ssoSessionIdleSeconds} and {@code
 * ssoSessionMaxSeconds} (Keycloak's SSO Session Idle and Max have the same meaning).
 *
 * @param idle the idle timeout
 * @param max the maximum lifetime
 */
public record SessionLifetimes(Duration idle, Duration max) {

  /** 30 minutes idle, 10 hours at most (issue 7 point 7). */
  public static final SessionLifetimes DEFAULT =
      new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(10));

  /** The lifetimes a realm's login settings name. */
  public static SessionLifetimes of(LoginSettings login) {
    return new SessionLifetimes(
        Duration.ofSeconds(login.ssoSessionIdleSeconds()),
        Duration.ofSeconds(login.ssoSessionMaxSeconds()));
  }

  /**
   * How stale a session's last use may be recorded: a use within this of the last recorded one
   * writes nothing, so a busy session is not an UPDATE per request. A tenth of the idle timeout, at
   * most a minute; the session then ends at most this much earlier than an exact idle clock says.
   */
  public Duration touchGranularity() {
    Duration tenth = idle.dividedBy(10);
    return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
  }

  public SessionLifetimes {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(max, "max");
    if (idle.isNegative() || idle.isZero() || max.compareTo(idle) < 0) {
      throw new IllegalArgumentException("0 < idle <= max");
    }
  }
}
