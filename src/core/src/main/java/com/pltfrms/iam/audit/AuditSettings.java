package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.Settings;
import java.time.Duration;
import java.util.Optional;

/**
 * The audit trail's deployment settings:
 *
 * <ul>
 *   <li>{@code IAM_AUDIT_RETENTION_DAYS}: drop monthly partitions whose month ended more than this
 *       many days ago (behind signed checkpoints); unset keeps every row forever;
 *   <li>{@code IAM_AUDIT_CHECKPOINT_SECONDS}: how often a grown chain's head is signed (default
 *       {@value #DEFAULT_CHECKPOINT_SECONDS});
 *   <li>{@code IAM_AUDIT_RESCAN_ROWS_PER_MINUTE}: how many older rows the background verifier
 *       re-reads per minute, across realms (default {@value #DEFAULT_RESCAN_ROWS_PER_MINUTE}).
 *       Every row it re-reads costs a read and a hash on top of the token that wrote it, so this
 *       bounds the work the re-read adds to a busy server.
 * </ul>
 */
final class AuditSettings {

  static final long DEFAULT_CHECKPOINT_SECONDS = 60;
  static final long DEFAULT_RESCAN_ROWS_PER_MINUTE = 30_000;

  private AuditSettings() {}

  /** The retention period, if one is set. */
  static Optional<Duration> retention() {
    return Settings.get("IAM_AUDIT_RETENTION_DAYS")
        .map(v -> Duration.ofDays(positive("IAM_AUDIT_RETENTION_DAYS", v)));
  }

  static Duration checkpointInterval() {
    return Duration.ofSeconds(
        Settings.get("IAM_AUDIT_CHECKPOINT_SECONDS")
            .map(v -> positive("IAM_AUDIT_CHECKPOINT_SECONDS", v))
            .orElse(DEFAULT_CHECKPOINT_SECONDS));
  }

  static long rescanRowsPerMinute() {
    return Settings.get("IAM_AUDIT_RESCAN_ROWS_PER_MINUTE")
        .map(v -> positive("IAM_AUDIT_RESCAN_ROWS_PER_MINUTE", v))
        .orElse(DEFAULT_RESCAN_ROWS_PER_MINUTE);
  }

  private static long positive(String name, String value) {
    try {
      long number = Long.parseLong(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, not " + value);
  }
}
