package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.Actor;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One unauthenticated failure, as the feature that refused the request reports it to {@link
 * FailedAttempts}: counted in a window rather than written as an event of its own.
 *
 * @param type the event type the window's event will have, e.g. {@code CLIENT_AUTH_FAILED}
 * @param actor who the request claimed to be: a client with its stable id when the realm knows the
 *     client id, with a null id when it does not (the name is then not kept)
 * @param sourceAddress the caller's address, or null when not known
 * @param reason why it failed, a fixed word such as {@code bad_secret} (never what the caller sent)
 */
public record FailedAttempt(
    String realmId,
    String realmName,
    String type,
    Actor actor,
    String sourceAddress,
    String reason) {

  private static final Pattern REASON = Pattern.compile("[a-z_]{1,32}");

  public FailedAttempt {
    Objects.requireNonNull(realmId, "realmId");
    Objects.requireNonNull(realmName, "realmName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    if (reason == null || !REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException("a failure reason is a short lower-case word");
    }
  }
}
