package com.pltfrms.iam.identity;

import java.util.Optional;

/** Where realms' password policies and user profiles are stored (no row: the defaults). */
public interface IdentitySettingsRepository {

  Optional<StoredPasswordPolicy> passwordPolicy(String realmId);

  Optional<StoredPasswordPolicy> passwordPolicyForUpdate(String realmId);

  Optional<StoredUserProfile> userProfile(String realmId);

  Optional<StoredUserProfile> userProfileForUpdate(String realmId);

  void add(Object settings);

  void flush();

  /** Serializes writers of one realm's settings (also the first, when there is no row yet). */
  void lock(String realmId, String what);

  /** The realm's user profile will change in this transaction: other nodes hear at commit. */
  default void profileChanging(String realmId) {}
}
