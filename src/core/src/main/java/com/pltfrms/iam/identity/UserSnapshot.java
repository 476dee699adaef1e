package com.pltfrms.iam.identity;

import java.time.Instant;

/**
 * A user as the admin API shows it: never a password or hash (those are {@link Credential}s).
 * {@code fields().attributes()} holds only what the realm's user profile lets clients read.
 */
public record UserSnapshot(
    String id,
    String realmId,
    UserFields fields,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  UserSnapshot withFields(UserFields visible) {
    return new UserSnapshot(id, realmId, visible, createdAt, updatedAt, version);
  }
}
