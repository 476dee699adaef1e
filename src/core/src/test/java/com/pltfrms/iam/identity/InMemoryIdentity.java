package com.pltfrms.iam.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory repositories of the identity feature, for plain-Java tests of its services. */
final class InMemoryIdentity {

  final Map<String, User> users = new HashMap<>();
  final List<Credential> credentials = new ArrayList<>();
  final Map<String, StoredPasswordPolicy> policies = new HashMap<>();
  final Map<String, StoredUserProfile> profiles = new HashMap<>();

  final UserRepository userRepository =
      new UserRepository() {
        @Override
        public void add(User user) {
          users.put(user.id(), user);
        }

        @Override
        public void flush() {}

        @Override
        public void remove(User user) {
          users.remove(user.id());
        }

        @Override
        public Optional<User> find(String realmId, String id) {
          return Optional.ofNullable(users.get(id)).filter(u -> u.realmId().equals(realmId));
        }

        @Override
        public Optional<User> findForUpdate(String realmId, String id) {
          return find(realmId, id);
        }

        @Override
        public boolean usernameTaken(String realmId, String username, String exceptId) {
          return users.values().stream()
              .anyMatch(
                  u ->
                      u.realmId().equals(realmId)
                          && u.username().equals(username)
                          && !u.id().equals(exceptId));
        }

        @Override
        public boolean emailTaken(String realmId, String email, String exceptId) {
          return users.values().stream()
              .anyMatch(
                  u ->
                      u.realmId().equals(realmId)
                          && email.equals(u.fields().email())
                          && !u.id().equals(exceptId));
        }

        @Override
        public boolean externalIdTaken(String realmId, String externalId, String exceptId) {
          return false;
        }

        @Override
        public List<User> search(
            String realmId, UserQuery query, String after, int offset, int limit) {
          return users.values().stream()
              .filter(u -> u.realmId().equals(realmId))
              .filter(u -> after == null || u.username().compareTo(after) > 0)
              .sorted(Comparator.comparing(User::username))
              .skip(offset)
              .limit(limit)
              .toList();
        }

        @Override
        public long count(String realmId, UserQuery query, long cap) {
          return Math.min(
              cap + 1, users.values().stream().filter(u -> u.realmId().equals(realmId)).count());
        }

        @Override
        public int purgeAttribute(String realmId, String name) {
          return 0;
        }

        @Override
        public void lock(String key) {}
      };

  final CredentialRepository credentialRepository =
      new CredentialRepository() {
        @Override
        public void add(Credential credential) {
          credentials.add(credential);
        }

        @Override
        public void remove(Credential credential) {
          credentials.remove(credential);
        }

        @Override
        public void flush() {}

        @Override
        public Optional<Credential> password(String userId) {
          return passwordForUpdate(userId);
        }

        @Override
        public Optional<Credential> passwordForUpdate(String userId) {
          return credentials.stream()
              .filter(c -> c.userId().equals(userId) && c.type().equals(Credential.PASSWORD))
              .findFirst();
        }

        @Override
        public List<Credential> history(String userId) {
          return credentials.stream()
              .filter(
                  c -> c.userId().equals(userId) && c.type().equals(Credential.PASSWORD_HISTORY))
              .sorted(Comparator.comparing(Credential::createdAt).reversed())
              .toList();
        }

        @Override
        public void removeAllOf(String userId) {
          credentials.removeIf(c -> c.userId().equals(userId));
        }
      };

  final IdentitySettingsRepository settingsRepository =
      new IdentitySettingsRepository() {
        @Override
        public Optional<StoredPasswordPolicy> passwordPolicy(String realmId) {
          return Optional.ofNullable(policies.get(realmId));
        }

        @Override
        public Optional<StoredPasswordPolicy> passwordPolicyForUpdate(String realmId) {
          return passwordPolicy(realmId);
        }

        @Override
        public Optional<StoredUserProfile> userProfile(String realmId) {
          return Optional.ofNullable(profiles.get(realmId));
        }

        @Override
        public Optional<StoredUserProfile> userProfileForUpdate(String realmId) {
          return userProfile(realmId);
        }

        @Override
        public void add(Object settings) {
          if (settings instanceof StoredPasswordPolicy p) {
            policies.put(realmOf(p), p);
          } else if (settings instanceof StoredUserProfile p) {
            profiles.put(realmOf(p), p);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void lock(String realmId, String what) {}
      };

  /** The realm id the next settings row belongs to (the fakes cannot read the entity's id). */
  String currentRealm;

  private String realmOf(Object settings) {
    return currentRealm;
  }
}
