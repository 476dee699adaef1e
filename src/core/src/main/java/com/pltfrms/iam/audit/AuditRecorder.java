package com.pltfrms.iam.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Receives the {@link AuditEvent}s other features fire. Success events are written in the
 * transaction of the change they describe; failures in a transaction of their own, since the
 * failure usually rolls the caller back.
 */
@ApplicationScoped
public class AuditRecorder {

  @Inject AuditWriter writer;

  void onEvent(@Observes AuditEvent event) {
    if (event.success()) {
      writer.append(event);
    } else {
      writer.appendIndependently(event);
    }
  }
}
