package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import com.pltfrms.iam.testing.RecordingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserServiceTest {

  private static final Actor ADMIN = Actor.client("c0ffee00-0000-4000-8000-000000000001", "ops");
  private static final RealmSnapshot ACME =
      new RealmSnapshot("r-acme", "acme", "Acme", true, 300, Instant.EPOCH, 1);
  private static final RealmSnapshot OTHER =
      new RealmSnapshot("r-other", "other", "Other", true, 300, Instant.EPOCH, 1);

  /** A clock that moves a second at every reading, so credentials have an order in time. */
  private static final java.time.Clock TICKING =
      new java.time.Clock() {
        private long seconds;

        @Override
        public java.time.ZoneId getZone() {
          return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public synchronized Instant instant() {
          return Instant.EPOCH.plusSeconds(++seconds);
        }
      };

  private final InMemoryIdentity store = new InMemoryIdentity();
  private final RecordingEvent<AuditEvent> audit = new RecordingEvent<>();
  private final IdentitySettingsService settings =
      new IdentitySettingsService(
          store.settingsRepository, store.userRepository, audit, TICKING, UseCase.direct());
  private final UserService service =
      new UserService(
          store.userRepository,
          store.credentialRepository,
          settings,
          audit,
          TICKING,
          UseCase.direct());

  private UserSnapshot create(String username, String password) {
    return service.create(
        ACME,
        UserFields.of(username),
        Optional.ofNullable(password).map(p -> new UserService.NewPassword(p, false)),
        ADMIN);
  }

  @Test
  void createWhenPasswordGivenThenOneArgon2idCredentialAndTwoAuditEvents() {
    UserSnapshot user = create("Alice", "Wonderland-rabbit-7");
    assertEquals("alice", user.fields().username());
    assertEquals(1, store.credentials.size());
    assertTrue(store.credentials.get(0).secretData().startsWith("$argon2id$"));
    assertEquals(
        List.of(AuditEventTypes.USER_CREATED, AuditEventTypes.USER_PASSWORD_SET),
        audit.fired().stream().map(AuditEvent::type).toList());
    assertFalse(audit.fired().toString().contains("Wonderland"));
  }

  @Test
  void createWhenUsernameTakenInAnotherCaseThenConflictNamingUsername() {
    create("alice", null);
    ApplicationProblem problem =
        assertThrows(ApplicationProblem.class, () -> create("ALICE", null));
    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals("#/username", problem.errors().get(0).pointer());
  }

  @Test
  void createWhenPasswordBreaksPolicyThenInvalidAndNoUser() {
    ApplicationProblem problem =
        assertThrows(ApplicationProblem.class, () -> create("bob", "password"));
    assertEquals(
        List.of("minLength", "denyList"),
        problem.errors().stream().map(ApplicationProblem.Error::rule).toList());
    assertTrue(store.users.isEmpty());
  }

  @Test
  void listWhenMoreUsersMatchThanTheCapThenTotalIsTheCapAndSaysSo() {
    for (int i = 0; i < UserService.COUNT_CAP; i++) {
      create("user" + i, null);
    }
    Page<UserSnapshot> exact = service.list(ACME, UserQuery.ALL, PageRequest.parse(null, null));
    assertEquals(UserService.COUNT_CAP, exact.total());
    assertFalse(exact.totalCapped());
    create("one-more", null);
    Page<UserSnapshot> capped = service.list(ACME, UserQuery.ALL, PageRequest.parse(null, null));
    assertEquals(UserService.COUNT_CAP, capped.total());
    assertTrue(capped.totalCapped());
  }

  @Test
  void listWhenPagedAfterAUsernameThenNextNamesTheLastUntilTheLastPage() {
    for (String name : List.of("ann", "ben", "cat", "dan", "eve")) {
      create(name, null);
    }
    Page<UserSnapshot> first = service.list(ACME, UserQuery.ALL, null, new PageRequest(0, 2));
    assertEquals("ben", first.next());
    Page<UserSnapshot> second = service.list(ACME, UserQuery.ALL, "ben", new PageRequest(0, 2));
    assertEquals(
        List.of("cat", "dan"), second.items().stream().map(u -> u.fields().username()).toList());
    assertEquals("dan", second.next());
    Page<UserSnapshot> last = service.list(ACME, UserQuery.ALL, "dan", new PageRequest(0, 2));
    assertEquals(1, last.items().size());
    assertEquals(null, last.next());
  }

  @Test
  void getWhenUserOfAnotherRealmThenNotFound() {
    UserSnapshot user = create("carol", null);
    ApplicationProblem problem =
        assertThrows(ApplicationProblem.class, () -> service.get(OTHER, user.id()));
    assertEquals(ApplicationProblem.Kind.NOT_FOUND, problem.kind());
  }

  @Test
  void updateWhenNothingChangesThenNoAuditEvent() {
    UserSnapshot user = create("dave", null);
    audit.fired().clear();
    service.update(ACME, user.id(), f -> f, IfMatch.none(), ADMIN);
    assertTrue(audit.fired().isEmpty());
  }

  @Test
  void updateWhenFieldsChangeThenAuditNamesThemWithoutValues() {
    UserSnapshot user = create("erin", null);
    audit.fired().clear();
    service.update(
        ACME,
        user.id(),
        f ->
            new UserFields(
                f.username(),
                "erin@example.com",
                true,
                "Erin",
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                true,
                null,
                Map.of()),
        IfMatch.none(),
        ADMIN);
    AuditEvent event = audit.fired().get(0);
    assertEquals(AuditEventTypes.USER_UPDATED, event.type());
    assertEquals("email,emailVerified,firstName", event.details().get("changed"));
    assertFalse(event.toString().contains("erin@example.com"));
  }

  @Test
  void deleteWhenUserHasPasswordThenCredentialsGoneToo() {
    UserSnapshot user = create("frank", "Zebra-is-long-enough-1");
    service.delete(ACME, user.id(), IfMatch.none(), ADMIN);
    assertTrue(store.users.isEmpty());
    assertTrue(store.credentials.isEmpty());
  }

  @Test
  void verifyPasswordWhenPbkdf2HashThenTrueAndRehashedToArgon2id() throws Exception {
    UserSnapshot user = create("grace", null);
    String pbkdf2 =
        PasswordHasher.pbkdf2Sha256(
            "Imported-from-keycloak-1",
            "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            27_500);
    store.credentials.add(
        new Credential(ACME.id(), user.id(), Credential.PASSWORD, pbkdf2, Instant.EPOCH));

    assertTrue(service.verifyPassword(ACME.id(), user.id(), "Imported-from-keycloak-1"));
    String stored = store.credentials.get(0).secretData();
    assertNotEquals(pbkdf2, stored);
    assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
    assertTrue(service.verifyPassword(ACME.id(), user.id(), "Imported-from-keycloak-1"));
  }

  @Test
  void verifyPasswordWhenWrongThenFalseAndHashUntouched() throws Exception {
    UserSnapshot user = create("heidi", null);
    String pbkdf2 =
        PasswordHasher.pbkdf2Sha256(
            "Imported-from-keycloak-1",
            "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            27_500);
    store.credentials.add(
        new Credential(ACME.id(), user.id(), Credential.PASSWORD, pbkdf2, Instant.EPOCH));

    assertFalse(service.verifyPassword(ACME.id(), user.id(), "guess"));
    assertEquals(pbkdf2, store.credentials.get(0).secretData());
  }

  @Test
  void verifyPasswordWhenUserOfAnotherRealmThenFalse() {
    UserSnapshot user = create("ivan", "Zebra-is-long-enough-2");
    assertFalse(service.verifyPassword(OTHER.id(), user.id(), "Zebra-is-long-enough-2"));
  }

  @Test
  void setPasswordWhenHistoryOnThenRecentPasswordRefusedAndOlderAllowed() {
    store.currentRealm = ACME.id();
    settings.replacePasswordPolicy(
        ACME,
        new PasswordPolicy(12, 256, true, true, true, 2, false, false, false, false),
        IfMatch.none(),
        ADMIN);
    UserSnapshot user = create("judy", "First-long-pass-1");
    service.setPassword(
        ACME, user.id(), new UserService.NewPassword("Second-long-pass-2", false), ADMIN);
    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () ->
                service.setPassword(
                    ACME,
                    user.id(),
                    new UserService.NewPassword("First-long-pass-1", false),
                    ADMIN));
    assertEquals("history", problem.errors().get(0).rule());
    service.setPassword(
        ACME, user.id(), new UserService.NewPassword("Third-long-pass-3", false), ADMIN);
    service.setPassword(
        ACME, user.id(), new UserService.NewPassword("First-long-pass-1", false), ADMIN);
    assertEquals(2, store.credentials.size(), "the password and one previous one");
  }

  @Test
  void importPasswordWhenExportedHashThenSameHashStoredAndVerifies() {
    UserSnapshot source = create("kim", "Exported-pass-long-1");
    UserService.StoredPassword hash = service.storedPassword(ACME, source.id()).orElseThrow();
    UserSnapshot copy = create("kim2", null);
    service.importPassword(ACME, copy.id(), hash, "credentials/0/hash", ADMIN);
    assertEquals(hash.hash(), service.storedPassword(ACME, copy.id()).orElseThrow().hash());
    assertTrue(service.verifyPassword(ACME.id(), copy.id(), "Exported-pass-long-1"));
  }

  @Test
  void importPasswordWhenNotAPhcStringThen400AndNoCredential() {
    UserSnapshot user = create("lee", null);
    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () ->
                service.importPassword(
                    ACME,
                    user.id(),
                    new UserService.StoredPassword("Plain-text-password-1", false),
                    "credentials/0/hash",
                    ADMIN));
    assertEquals(ApplicationProblem.Kind.INVALID, problem.kind());
    assertTrue(service.storedPassword(ACME, user.id()).isEmpty());
  }
}
