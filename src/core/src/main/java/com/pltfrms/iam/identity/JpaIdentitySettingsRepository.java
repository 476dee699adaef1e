package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;

/** {@link IdentitySettingsRepository} on the persistence unit. */
@ApplicationScoped
class JpaIdentitySettingsRepository implements IdentitySettingsRepository {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public Optional<StoredPasswordPolicy> passwordPolicy(String realmId) {
    return Optional.ofNullable(em.find(StoredPasswordPolicy.class, realmId));
  }

  @Override
  public Optional<StoredPasswordPolicy> passwordPolicyForUpdate(String realmId) {
    return Optional.ofNullable(
        em.find(StoredPasswordPolicy.class, realmId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<StoredUserProfile> userProfile(String realmId) {
    return Optional.ofNullable(
        em.find(StoredUserProfile.class, realmId, Map.of("eclipselink.refresh", "true")));
  }

  @Override
  public void profileChanging(String realmId) {
    CacheNotice.send(em, CacheNotice.Topic.USER_PROFILE, realmId);
  }

  @Override
  public Optional<StoredUserProfile> userProfileForUpdate(String realmId) {
    return Optional.ofNullable(
        em.find(StoredUserProfile.class, realmId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(Object settings) {
    em.persist(settings);
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void lock(String realmId, String what) {
    AdvisoryLock.acquire(em, what + ":" + realmId);
  }
}
