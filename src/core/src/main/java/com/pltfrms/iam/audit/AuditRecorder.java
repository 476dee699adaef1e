package com.pltfrms.iam.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Receives the {@link AuditEvent}s other features fire. Success events are written in the
 * transaction of the change they describe; failures in a transaction of their own, since the
 * failure usually rolls the caller back. Unauthenticated failures ({@link FailedAttempt}) are
 * counted in windows by {@link FailedAttempts}, also in a transaction of their own.
 */
@ApplicationScoped
public class AuditRecorder {

  @Inject AuditWriter writer;
  @Inject FailedAttempts failedAttempts;

  void onEvent(@Observes AuditEvent event) {
    if (event.success()) {
      writer.append(event);
    } else {
      writer.appendIndependently(event);
    }
  }

  void onFailedAttempt(@Observes FailedAttempt attempt) {
    failedAttempts.record(attempt);
  }
}
