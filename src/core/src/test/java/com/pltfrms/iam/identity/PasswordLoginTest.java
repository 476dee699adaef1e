package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.FailedAttempt;
import com.pltfrms.iam.identity.PasswordLogin.Attempt;
import com.pltfrms.iam.identity.PasswordLogin.Result;
import com.pltfrms.iam.identity.PasswordLogin.Status;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.UseCase;
import com.pltfrms.iam.testing.Immediately;
import com.pltfrms.iam.testing.RecordingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordLoginTest {

  private static final Actor ADMIN = Actor.client("c0ffee00-0000-4000-8000-000000000001", "ops");
  private static final RealmSnapshot ACME =
      new RealmSnapshot("r-acme", "acme", "Acme", true, 300, Instant.EPOCH, 1);
  private static final RealmSnapshot OTHER =
      new RealmSnapshot("r-other", "other", "Other", true, 300, Instant.EPOCH, 1);
  private static final Attempt VIA = new Attempt("cli", "password", "192.0.2.9");
  private static final String PASSWORD = "Correct-horse-battery-9";

  private final InMemoryIdentity store = new InMemoryIdentity();
  private final RecordingEvent<AuditEvent> audit = new RecordingEvent<>();
  private final RecordingEvent<FailedAttempt> failures = new RecordingEvent<>();
  private final IdentitySettingsService settings =
      new IdentitySettingsService(
          store.settingsRepository,
          store.userRepository,
          new RecordingEvent<>(),
          Immediately.CLOCK,
          UseCase.direct());
  private final UserService users =
      new UserService(
          store.userRepository,
          store.credentialRepository,
          settings,
          new RecordingEvent<>(),
          Immediately.CLOCK,
          UseCase.direct());
  private final PasswordLogin login =
      new PasswordLogin(
          store.userRepository, store.credentialRepository, audit, failures, UseCase.direct());

  private UserSnapshot user(String username, boolean temporary) {
    return users.create(
        ACME,
        UserFields.of(username),
        Optional.of(new UserService.NewPassword(PASSWORD, temporary)),
        ADMIN);
  }

  private String lastReason() {
    return failures.fired().get(failures.fired().size() - 1).reason();
  }

  @Test
  void loginWhenPasswordRightThenSuccessAndAudited() {
    UserSnapshot alice = user("alice", false);
    Result result = login.login(ACME, "Alice", PASSWORD, VIA);
    assertEquals(Status.SUCCESS, result.status());
    assertEquals(alice.id(), result.userId());
    AuditEvent event = audit.fired().get(0);
    assertEquals(AuditEventTypes.USER_LOGIN, event.type());
    assertEquals(alice.id(), event.actor().id());
    assertEquals("cli", event.target());
    assertFalse(event.details().toString().contains(PASSWORD));
  }

  @Test
  void loginWhenWrongPasswordUnknownUserOrOtherRealmThenSameInvalid() {
    user("bob", false);
    Result wrong = login.login(ACME, "bob", "Wrong-password-1", VIA);
    assertEquals("bad_password", lastReason());
    Result unknown = login.login(ACME, "nobody", PASSWORD, VIA);
    assertEquals("unknown_user", lastReason());
    Result otherRealm = login.login(OTHER, "bob", PASSWORD, VIA);
    Result notAUsername = login.login(ACME, " ", PASSWORD, VIA);
    Result tooLong = login.login(ACME, "x".repeat(5000), PASSWORD, VIA);
    for (Result result : new Result[] {wrong, unknown, otherRealm, notAUsername, tooLong}) {
      assertEquals(new Result(Status.INVALID, null, null), result);
    }
    assertTrue(audit.fired().isEmpty());
    assertTrue(
        failures.fired().stream()
            .allMatch(f -> f.type().equals(AuditEventTypes.USER_LOGIN_FAILED)));
    assertNull(failures.fired().get(1).actor().id(), "an unknown user has no id");
  }

  @Test
  void loginWhenUserDisabledThenInvalidEvenWithTheRightPassword() {
    UserSnapshot carol = user("carol", false);
    users.update(ACME, carol.id(), f -> f.withEnabled(false), IfMatch.none(), ADMIN);
    assertEquals(Status.INVALID, login.login(ACME, "carol", PASSWORD, VIA).status());
    assertEquals("disabled", lastReason());
  }

  @Test
  void loginWhenTemporaryPasswordThenChangeRequiredOnlyAfterTheRightPassword() {
    user("dave", true);
    assertEquals(Status.INVALID, login.login(ACME, "dave", "Wrong-password-1", VIA).status());
    assertEquals(
        Status.PASSWORD_CHANGE_REQUIRED, login.login(ACME, "dave", PASSWORD, VIA).status());
    assertEquals("password_change_required", lastReason());
    assertTrue(audit.fired().isEmpty());
  }

  @Test
  void loginWhenNoPasswordSetThenInvalid() {
    users.create(ACME, UserFields.of("erin"), Optional.empty(), ADMIN);
    assertEquals(Status.INVALID, login.login(ACME, "erin", "", VIA).status());
    assertEquals("no_password", lastReason());
  }

  @Test
  void loginWhenPbkdf2HashThenSuccessAndRehashedToArgon2id() throws Exception {
    UserSnapshot grace = users.create(ACME, UserFields.of("grace"), Optional.empty(), ADMIN);
    String pbkdf2 =
        PasswordHasher.pbkdf2Sha256(
            "Imported-from-keycloak-1",
            "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            27_500);
    store.credentials.add(
        new Credential(ACME.id(), grace.id(), Credential.PASSWORD, pbkdf2, Instant.EPOCH));
    assertEquals(
        Status.SUCCESS, login.login(ACME, "grace", "Imported-from-keycloak-1", VIA).status());
    assertTrue(store.credentials.get(0).secretData().startsWith("$argon2id$v=19$m=19456"));
    assertEquals(
        Status.SUCCESS, login.login(ACME, "grace", "Imported-from-keycloak-1", VIA).status());
  }
}
