package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * A filter over one realm's audit events: an optional type and an optional half-open time window
 * [from, to), paged newest first.
 */
public record AuditQuery(
    Optional<String> type, Optional<Instant> from, Optional<Instant> to, PageRequest page) {

  public AuditQuery {
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw ApplicationProblem.invalid("from must be before to");
    }
    type.ifPresent(
        t -> {
          if (t.length() > 64) {
            throw ApplicationProblem.invalid("type must be at most 64 characters");
          }
        });
  }
}
