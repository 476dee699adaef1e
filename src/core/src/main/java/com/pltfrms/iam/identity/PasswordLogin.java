package com.pltfrms.iam.identity;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.FailedAttempt;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password, the one way every login does it (the legacy password grant now,
 * the hosted login page later), safe against guessing which users exist: an unknown username, a
 * disabled user and a wrong password give the same answer ({@link Status#INVALID}) after the same
 * work, one Argon2id verification (against a dummy hash when there is no user or no password). A
 * temporary password is told apart ({@link Status#PASSWORD_CHANGE_REQUIRED}) only after it was
 * given correctly. A match on an outdated hash (PBKDF2 from Keycloak) replaces it with Argon2id.
 * Every outcome is on the audit record, never with the password: success as {@code USER_LOGIN},
 * failure counted in a window ({@link com.pltfrms.iam.audit.FailedAttempts}) as {@code
 * USER_LOGIN_FAILED}.
 *
 * <p>The verification runs outside any transaction: the lookups and the rehash are short
 * transactions of their own, so no database connection waits on Argon2id.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.4">RFC 9700 §2.4</a>
 */
@ApplicationScoped
public class PasswordLogin {

  /** The longest username or password looked at; longer ones are refused before any work. */
  public static final int MAX_INPUT = 1024;

  /**
   * What the unknown are verified against, so that they cost what a real user costs: the Argon2id
   * hash of a random password nobody knows, with today's parameters.
   */
  private static final String DUMMY_HASH = PasswordHasher.hash(randomPassword());

  /** How a login ended. */
  public enum Status {
    SUCCESS,
    /** Unknown user, disabled user or wrong password: which one is not told. */
    INVALID,
    /** The password was right but is temporary: the user must set a new one first. */
    PASSWORD_CHANGE_REQUIRED
  }

  /**
   * The outcome; {@code userId} and {@code username} are set only for {@link Status#SUCCESS} and
   * {@link Status#PASSWORD_CHANGE_REQUIRED}.
   */
  public record Result(Status status, String userId, String username) {
    public boolean succeeded() {
      return status == Status.SUCCESS;
    }
  }

  /** Where a login came from, for the audit record. */
  public record Attempt(String clientId, String method, String sourceAddress) {}

  private UserRepository users;
  private CredentialRepository credentials;
  private Event<AuditEvent> audit;
  private Event<FailedAttempt> failures;
  private UseCase useCase;

  protected PasswordLogin() {}

  @Inject
  public PasswordLogin(
      UserRepository users,
      CredentialRepository credentials,
      Event<AuditEvent> audit,
      Event<FailedAttempt> failures,
      UseCase useCase) {
    this.users = users;
    this.credentials = credentials;
    this.audit = audit;
    this.failures = failures;
    this.useCase = useCase;
  }

  /** What a lookup found: the user (or nobody) and the stored password (or none). */
  private record Found(
      String userId, String username, boolean enabled, String hash, boolean temporary) {

    static final Found NOBODY = new Found(null, null, false, null, false);
  }

  public Result login(RealmSnapshot realm, String username, String password, Attempt attempt) {
    Found found = find(realm, username);
    String hash = found.hash() != null ? found.hash() : DUMMY_HASH;
    PasswordHasher.Verification verification =
        PasswordHasher.verifyAndUpgrade(password == null ? "" : password, hash);
    boolean matched = verification.matched() && found.hash() != null;
    String reason =
        found.userId() == null
            ? "unknown_user"
            : found.hash() == null
                ? "no_password"
                : !matched ? "bad_password" : !found.enabled() ? "disabled" : null;
    if (reason != null) {
      failed(realm, found, attempt, reason);
      return new Result(Status.INVALID, null, null);
    }
    verification.upgraded().ifPresent(upgraded -> rehash(found, upgraded));
    if (found.temporary()) {
      failed(realm, found, attempt, "password_change_required");
      return new Result(Status.PASSWORD_CHANGE_REQUIRED, found.userId(), found.username());
    }
    audit.fire(
        new AuditEvent(
            realm.id(),
            realm.name(),
            AuditEventTypes.USER_LOGIN,
            Actor.user(found.userId(), found.username()),
            attempt.clientId(),
            true,
            Map.of("method", attempt.method())));
    return new Result(Status.SUCCESS, found.userId(), found.username());
  }

  private Found find(RealmSnapshot realm, String username) {
    if (username == null || username.length() > MAX_INPUT || !Usernames.isValid(username)) {
      return Found.NOBODY;
    }
    String normalised = Usernames.normalise(username);
    return useCase.run(
        () -> {
          Optional<User> user =
              users
                  .search(
                      realm.id(),
                      new UserQuery(null, normalised, null, null, null, null, null),
                      null,
                      0,
                      1)
                  .stream()
                  .filter(u -> u.username().equals(normalised))
                  .findFirst();
          if (user.isEmpty()) {
            return Found.NOBODY;
          }
          Optional<Credential> password = credentials.password(user.get().id());
          UserFields fields = user.get().fields();
          return new Found(
              user.get().id(),
              user.get().username(),
              fields.enabled(),
              password.map(Credential::secretData).orElse(null),
              password.map(Credential::temporary).orElse(false));
        });
  }

  /** Stores the upgraded hash, unless the password changed since it was read. */
  private void rehash(Found found, String upgraded) {
    useCase.execute(
        () ->
            credentials
                .passwordForUpdate(found.userId())
                .filter(c -> c.secretData().equals(found.hash()))
                .ifPresent(c -> c.rehash(upgraded)));
  }

  private void failed(RealmSnapshot realm, Found found, Attempt attempt, String reason) {
    failures.fire(
        new FailedAttempt(
            realm.id(),
            realm.name(),
            AuditEventTypes.USER_LOGIN_FAILED,
            Actor.user(found.userId(), found.username()),
            attempt.sourceAddress(),
            reason));
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "PasswordLogin";
  }
}
