package com.pltfrms.iam.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * A realm's password policy and user profile: read (the defaults while the realm has no row),
 * replaced under an {@link IfMatch} precondition, and, for attributes the profile no longer
 * declares, their stored values purged. Every change is an audit event.
 */
@ApplicationScoped
public class IdentitySettingsService {

  private IdentitySettingsRepository repository;
  private UserRepository users;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;

  /**
   * Each realm's user profile, as UserInfo and the code exchange read it per request: evicted on
   * this node when a change returns, on every node when the change's notice arrives at commit, and
   * after {@link UserDirectory#TTL} at the latest.
   */
  private final Cache<String, Versioned<UserProfile>> profiles =
      Caffeine.newBuilder().expireAfterWrite(UserDirectory.TTL).maximumSize(100_000).build();

  protected IdentitySettingsService() {}

  @Inject
  public IdentitySettingsService(
      IdentitySettingsRepository repository,
      UserRepository users,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase) {
    this.repository = repository;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
  }

  public Versioned<PasswordPolicy> passwordPolicy(RealmSnapshot realm) {
    return useCase.run(
        () ->
            repository
                .passwordPolicy(realm.id())
                .map(p -> new Versioned<>(p.policy(), p.version()))
                .orElse(new Versioned<>(PasswordPolicy.DEFAULT, 0)));
  }

  public Versioned<PasswordPolicy> replacePasswordPolicy(
      RealmSnapshot realm, PasswordPolicy policy, IfMatch ifMatch, Actor actor) {
    PasswordPolicy valid = policy.validated();
    return useCase.run(
        () -> {
          repository.lock(realm.id(), "password-policy");
          StoredPasswordPolicy stored = repository.passwordPolicyForUpdate(realm.id()).orElse(null);
          ifMatch.check(stored == null ? 0 : stored.version());
          if (stored == null) {
            stored = new StoredPasswordPolicy(realm.id(), clock.instant());
            stored.set(valid, clock.instant());
            repository.add(stored);
          } else {
            stored.set(valid, clock.instant());
          }
          repository.flush();
          Map<String, String> details = new TreeMap<>();
          details.put("minLength", Integer.toString(valid.minLength()));
          details.put("maxLength", Integer.toString(valid.maxLength()));
          details.put("history", Integer.toString(valid.history()));
          details.put("denyList", Boolean.toString(valid.denyList()));
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.PASSWORD_POLICY_UPDATED,
                  actor,
                  realm.name(),
                  true,
                  details));
          return new Versioned<>(stored.policy(), stored.version());
        });
  }

  public Versioned<UserProfile> userProfile(RealmSnapshot realm) {
    return profiles.get(realm.id(), id -> useCase.run(() -> loadProfile(id)));
  }

  /** Drops the cached profile of the realm, as a cache notice asks. */
  public void evictProfile(String realmId) {
    profiles.invalidate(realmId);
  }

  public void evictAllProfiles() {
    profiles.invalidateAll();
  }

  /** The profile within the caller's transaction, for validating a write. */
  Versioned<UserProfile> loadProfile(String realmId) {
    return repository
        .userProfile(realmId)
        .map(p -> new Versioned<>(p.profile(), p.version()))
        .orElse(new Versioned<>(UserProfile.DEFAULT, 0));
  }

  PasswordPolicy loadPolicy(String realmId) {
    return repository
        .passwordPolicy(realmId)
        .map(StoredPasswordPolicy::policy)
        .orElse(PasswordPolicy.DEFAULT);
  }

  /**
   * Replaces the profile's declarations; what it declared before and {@code next} does not is
   * retired (values kept, unreadable) until purged or declared again.
   */
  public Versioned<UserProfile> replaceUserProfile(
      RealmSnapshot realm, UserProfile next, IfMatch ifMatch, Actor actor) {
    try {
      return useCase.run(
          () -> {
            StoredUserProfile stored = lockProfile(realm, ifMatch);
            UserProfile before = stored.profile();
            UserProfile after = before.replacedBy(next);
            stored.set(after, clock.instant());
            repository.flush();
            Map<String, String> details = new TreeMap<>();
            details.put("attributes", Integer.toString(after.attributes().size()));
            details.put("unmanagedAttributes", after.unmanagedAllowed() ? "allowed" : "refused");
            details.put("retiredAttributes", String.join(",", after.retired()));
            profileChanged(realm, actor, details);
            return new Versioned<>(after, stored.version());
          });
    } finally {
      evictProfile(realm.id());
    }
  }

  /**
   * Removes every stored value of the retired attribute {@code name} from the realm's users. An
   * attribute the profile declares is a conflict: remove it from the profile first.
   *
   * @return how many users had a value
   */
  public int purgeAttribute(RealmSnapshot realm, String name, IfMatch ifMatch, Actor actor) {
    try {
      return useCase.run(
          () -> {
            StoredUserProfile stored = lockProfile(realm, ifMatch);
            UserProfile profile = stored.profile();
            if (profile.attribute(name) != null) {
              throw ApplicationProblem.conflict(
                  "attribute '" + name + "' is declared; remove it from the user profile first",
                  "#/attributes");
            }
            if (!profile.retired().contains(name) && !profile.unmanagedAllowed()) {
              throw ApplicationProblem.notFound(
                  "no retired attribute '" + UserProfile.printable(name) + "' in this realm");
            }
            int purged = users.purgeAttribute(realm.id(), name);
            stored.set(profile.purged(name), clock.instant());
            repository.flush();
            profileChanged(
                realm, actor, Map.of("purgedAttribute", name, "users", Integer.toString(purged)));
            return purged;
          });
    } finally {
      evictProfile(realm.id());
    }
  }

  private StoredUserProfile lockProfile(RealmSnapshot realm, IfMatch ifMatch) {
    repository.lock(realm.id(), "user-profile");
    repository.profileChanging(realm.id());
    StoredUserProfile stored = repository.userProfileForUpdate(realm.id()).orElse(null);
    ifMatch.check(stored == null ? 0 : stored.version());
    if (stored == null) {
      stored = new StoredUserProfile(realm.id(), clock.instant());
      repository.add(stored);
    }
    return stored;
  }

  private void profileChanged(RealmSnapshot realm, Actor actor, Map<String, String> details) {
    audit.fire(
        new AuditEvent(
            realm.id(),
            realm.name(),
            AuditEventTypes.USER_PROFILE_UPDATED,
            actor,
            realm.name(),
            true,
            details));
  }
}
