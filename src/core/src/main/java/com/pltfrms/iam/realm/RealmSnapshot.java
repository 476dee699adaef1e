package com.pltfrms.iam.realm;

import java.time.Instant;

/** An immutable view of a realm, safe to cache and to hand to other features and the web layer. */
public record RealmSnapshot(
    String id,
    String name,
    String displayName,
    boolean enabled,
    int accessTokenLifetimeSeconds,
    boolean duplicateEmailsAllowed,
    Instant createdAt,
    long version,
    LoginSettings login) {

  public RealmSnapshot {
    login = login == null ? LoginSettings.DEFAULT : login;
  }

  /** A realm with the default login settings. */
  public RealmSnapshot(
      String id,
      String name,
      String displayName,
      boolean enabled,
      int accessTokenLifetimeSeconds,
      boolean duplicateEmailsAllowed,
      Instant createdAt,
      long version) {
    this(
        id,
        name,
        displayName,
        enabled,
        accessTokenLifetimeSeconds,
        duplicateEmailsAllowed,
        createdAt,
        version,
        LoginSettings.DEFAULT);
  }

  /** A realm with the default user settings (e-mail addresses unique). */
  public RealmSnapshot(
      String id,
      String name,
      String displayName,
      boolean enabled,
      int accessTokenLifetimeSeconds,
      Instant createdAt,
      long version) {
    this(id, name, displayName, enabled, accessTokenLifetimeSeconds, false, createdAt, version);
  }
}
