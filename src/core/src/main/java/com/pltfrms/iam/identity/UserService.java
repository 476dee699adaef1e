package com.pltfrms.iam.identity;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Creates, lists, changes and deletes a realm's users, and sets their passwords. Usernames are
 * unique per realm (normalised, {@link Usernames}), e-mail addresses too unless the realm allows
 * duplicates, external ids when set; each check runs under an advisory lock on the value, so two
 * concurrent writers of one username get one success and one 409 naming the field. Writes are
 * validated whole, the standard fields and the realm's {@link UserProfile} at once (400 listing
 * every problem), and are audit events that never carry a password or hash.
 */
@ApplicationScoped
public class UserService {

  /** How far a listing's {@code total} counts; past it, the page says the total is capped. */
  public static final long COUNT_CAP = 1_000;

  private UserRepository users;
  private CredentialRepository credentials;
  private IdentitySettingsService settings;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;
  private UserDirectory directory;

  protected UserService() {}

  @Inject
  public UserService(
      UserRepository users,
      CredentialRepository credentials,
      IdentitySettingsService settings,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase,
      UserDirectory directory) {
    this.users = users;
    this.credentials = credentials;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
    this.directory = directory;
  }

  /** With a directory of its own, for tests. */
  public UserService(
      UserRepository users,
      CredentialRepository credentials,
      IdentitySettingsService settings,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase) {
    this(users, credentials, settings, audit, clock, useCase, new UserDirectory());
  }

  /** A password to set with a new user or on one. */
  public record NewPassword(String value, boolean temporary) {
    public NewPassword {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return "NewPassword[temporary=" + temporary + "]";
    }
  }

  /** Creates a user, with a first password when {@code password} is given; all or nothing. */
  public UserSnapshot create(
      RealmSnapshot realm, UserFields fields, Optional<NewPassword> password, Actor actor) {
    return useCase.run(
        () -> {
          UserProfile profile = settings.loadProfile(realm.id()).value();
          UserFields valid = validated(fields, profile);
          password.ifPresent(p -> requirePolicy(realm, p.value(), valid, List.of()));
          requireUnique(realm, valid, null, null);
          Instant now = clock.instant();
          User user = new User(realm.id(), valid, now);
          users.add(user);
          users.flush();
          changed(
              realm,
              AuditEventTypes.USER_CREATED,
              user,
              actor,
              Map.of("username", valid.username()));
          password.ifPresent(p -> storePassword(realm, user, p, now, actor));
          return visible(user.snapshot(), profile);
        });
  }

  public UserSnapshot get(RealmSnapshot realm, String id) {
    return useCase.run(
        () -> visible(require(realm, id).snapshot(), settings.loadProfile(realm.id()).value()));
  }

  public Page<UserSnapshot> list(RealmSnapshot realm, UserQuery query, PageRequest page) {
    return list(realm, query, null, page);
  }

  /**
   * A page of the users matching {@code query}, in username order (code points): from the page's
   * offset, or (with an offset of 0) after the username {@code after}. The page's {@code next} is
   * the cursor for the page after it. {@code total} counts up to {@link #COUNT_CAP}; beyond it the
   * page says the total is capped, since an exact count would read every match.
   */
  public Page<UserSnapshot> list(
      RealmSnapshot realm, UserQuery query, String after, PageRequest page) {
    return useCase.run(
        () -> {
          UserProfile profile = settings.loadProfile(realm.id()).value();
          List<User> found =
              users.search(realm.id(), query, after, page.offset(), page.limit() + 1);
          List<UserSnapshot> items =
              found.stream().limit(page.limit()).map(u -> visible(u.snapshot(), profile)).toList();
          String next = found.size() > page.limit() ? found.get(page.limit() - 1).username() : null;
          // A last page that is not empty (or the first) tells the total without counting.
          boolean last = next == null && (!found.isEmpty() || page.offset() == 0);
          long counted =
              last && after == null
                  ? page.offset() + found.size()
                  : users.count(realm.id(), query, COUNT_CAP);
          return new Page<>(
              items,
              page.offset(),
              page.limit(),
              Math.min(counted, COUNT_CAP),
              next,
              null,
              counted > COUNT_CAP);
        });
  }

  /**
   * Changes a user: {@code change} turns the current fields (as the API shows them) into the
   * desired ones, within the transaction that holds the user's row, so a PATCH overlays what is
   * stored at that moment. Attributes the profile hides are kept.
   */
  public UserSnapshot update(
      RealmSnapshot realm,
      String id,
      UnaryOperator<UserFields> change,
      IfMatch ifMatch,
      Actor actor) {
    return useCase.run(
        () -> {
          User user = requireForUpdate(realm, id);
          ifMatch.check(user.version());
          UserProfile profile = settings.loadProfile(realm.id()).value();
          UserFields stored = user.fields();
          UserFields current = visibleFields(stored, profile);
          UserFields valid = validated(change.apply(current), profile);
          requireUnique(realm, valid, stored, user.id());
          Map<String, List<String>> attributes = new TreeMap<>(profile.hidden(stored.attributes()));
          attributes.putAll(valid.attributes());
          UserFields merged = valid.withAttributes(attributes);
          List<String> changedFields = changedFields(stored, merged);
          if (!changedFields.isEmpty()) {
            user.apply(merged, clock.instant());
            users.flush();
            changed(
                realm,
                AuditEventTypes.USER_UPDATED,
                user,
                actor,
                Map.of("changed", String.join(",", changedFields)));
          }
          return visible(user.snapshot(), profile);
        });
  }

  /** Deletes a user with all its credentials (and, through the schema, whatever refers to it). */
  public void delete(RealmSnapshot realm, String id, IfMatch ifMatch, Actor actor) {
    useCase.execute(
        () -> {
          User user = requireForUpdate(realm, id);
          ifMatch.check(user.version());
          credentials.removeAllOf(user.id());
          users.remove(user);
          users.flush();
          changed(
              realm,
              AuditEventTypes.USER_DELETED,
              user,
              actor,
              Map.of("username", user.username()));
        });
  }

  /** Sets a user's password after checking it against the realm's policy (400 naming each rule). */
  public void setPassword(RealmSnapshot realm, String id, NewPassword password, Actor actor) {
    useCase.execute(
        () -> {
          User user = requireForUpdate(realm, id);
          UserFields fields = user.fields();
          PasswordPolicy policy = settings.loadPolicy(realm.id());
          List<String> previous = new ArrayList<>();
          if (policy.history() > 0) {
            credentials.passwordForUpdate(user.id()).ifPresent(c -> previous.add(c.secretData()));
            credentials.history(user.id()).stream()
                .limit(policy.history() - 1L)
                .forEach(c -> previous.add(c.secretData()));
          }
          requirePolicy(realm, password.value(), fields, previous);
          storePassword(realm, user, password, clock.instant(), actor);
          user.apply(fields, clock.instant()); // updatedAt; the version moves, so ETags change
          users.flush();
        });
  }

  /**
   * A user's current password as stored, for a realm export: its PHC hash and whether temporary.
   */
  public record StoredPassword(String hash, boolean temporary) {
    @Override
    public String toString() {
      return "StoredPassword[temporary=" + temporary + "]";
    }
  }

  /** The user's current password hash, if it has one; never part of any other view. */
  public Optional<StoredPassword> storedPassword(RealmSnapshot realm, String id) {
    return useCase.run(
        () -> {
          User user = require(realm, id);
          return credentials
              .password(user.id())
              .map(c -> new StoredPassword(c.secretData(), c.temporary()));
        });
  }

  /**
   * Gives a user without a password one from a realm import: a hash as exported, not a password, so
   * the realm's policy cannot be checked (the exporting realm checked it). An unknown or malformed
   * hash is 400.
   */
  public void importPassword(
      RealmSnapshot realm, String id, StoredPassword password, String pointer, Actor actor) {
    useCase.execute(
        () -> {
          if (!PasswordHasher.isSupported(password.hash())) {
            throw ApplicationProblem.invalid(
                "the password hash is not an Argon2id or PBKDF2 PHC string", pointer);
          }
          User user = requireForUpdate(realm, id);
          if (credentials.passwordForUpdate(user.id()).isPresent()) {
            throw ApplicationProblem.conflict("the user has a password already", pointer);
          }
          Instant now = clock.instant();
          credentials.add(
              Credential.importedPassword(
                  realm.id(), user.id(), password.hash(), password.temporary(), now));
          credentials.flush();
          changed(
              realm,
              AuditEventTypes.USER_PASSWORD_SET,
              user,
              actor,
              Map.of("temporary", Boolean.toString(password.temporary()), "imported", "true"));
        });
  }

  /**
   * Checks a password a user presents and, when it matches a hash of an older algorithm or weaker
   * parameters (PBKDF2 imported from Keycloak), replaces the hash with Argon2id at once. For the
   * login the hosted pages will bring; no audit event here, the login records its own.
   */
  public boolean verifyPassword(String realmId, String userId, String password) {
    return useCase.run(
        () -> {
          Optional<User> user = users.find(realmId, userId);
          if (user.isEmpty()) {
            return false;
          }
          Optional<Credential> credential = credentials.passwordForUpdate(userId);
          if (credential.isEmpty()) {
            return false;
          }
          PasswordHasher.Verification verification =
              PasswordHasher.verifyAndUpgrade(password, credential.get().secretData());
          verification.upgraded().ifPresent(credential.get()::rehash);
          return verification.matched();
        });
  }

  /**
   * The user as it stands now, if it exists in the realm and is enabled: what an access token's
   * subject must still be for the token to open anything that decides on live state. Read through
   * the {@link UserDirectory}, whose staleness bound is stated there.
   */
  public Optional<UserSnapshot> findEnabled(String realmId, String id) {
    if (id == null || id.length() > 36) {
      return Optional.empty();
    }
    return directory
        .find(realmId, id, () -> useCase.run(() -> users.find(realmId, id).map(User::snapshot)))
        .filter(u -> u.fields().enabled());
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void storePassword(
      RealmSnapshot realm, User user, NewPassword password, Instant now, Actor actor) {
    PasswordPolicy policy = settings.loadPolicy(realm.id());
    Optional<Credential> current = credentials.passwordForUpdate(user.id());
    if (current.isPresent()) {
      if (policy.history() > 1) {
        current.get().retire();
      } else {
        credentials.remove(current.get());
      }
      credentials.flush(); // the one-password index must see the old one gone first
    }
    List<Credential> history = credentials.history(user.id());
    for (int i = Math.max(0, policy.history() - 1); i < history.size(); i++) {
      credentials.remove(history.get(i));
    }
    credentials.add(
        Credential.password(realm.id(), user.id(), password.value(), password.temporary(), now));
    credentials.flush();
    changed(
        realm,
        AuditEventTypes.USER_PASSWORD_SET,
        user,
        actor,
        Map.of("temporary", Boolean.toString(password.temporary())));
  }

  private void requirePolicy(
      RealmSnapshot realm, String password, UserFields fields, List<String> previousHashes) {
    PasswordPolicy policy = settings.loadPolicy(realm.id());
    List<ApplicationProblem.Error> broken =
        new ArrayList<>(policy.check(password, fields.username(), fields.email()));
    if (broken.isEmpty()
        && previousHashes.stream().anyMatch(hash -> PasswordHasher.verify(password, hash))) {
      broken.add(PasswordPolicy.historyBroken(policy.history()));
    }
    if (!broken.isEmpty()) {
      throw ApplicationProblem.invalid(
          "the password does not meet the realm's password policy", broken);
    }
  }

  /**
   * The normalised fields, or a 400 listing every problem of the standard fields and attributes.
   */
  private static UserFields validated(UserFields fields, UserProfile profile) {
    List<ApplicationProblem.Error> problems = new ArrayList<>(fields.problems());
    problems.addAll(profile.problems(fields.attributes()));
    if (!problems.isEmpty()) {
      throw ApplicationProblem.invalid(problems.get(0).detail(), problems);
    }
    return fields.normalised();
  }

  private void requireUnique(RealmSnapshot realm, UserFields valid, UserFields stored, String id) {
    if (stored == null || !valid.username().equals(stored.username())) {
      users.lock("user:" + realm.id() + ":" + valid.username());
      if (users.usernameTaken(realm.id(), valid.username(), id)) {
        throw ApplicationProblem.conflict(
            "a user '" + valid.username() + "' exists already in this realm", "#/username");
      }
    }
    if (valid.email() != null
        && !realm.duplicateEmailsAllowed()
        && (stored == null || !valid.email().equals(stored.email()))) {
      users.lock("user-email:" + realm.id() + ":" + valid.email());
      if (users.emailTaken(realm.id(), valid.email(), id)) {
        throw ApplicationProblem.conflict(
            "another user of this realm has the e-mail address " + valid.email(), "#/email");
      }
    }
    if (valid.externalId() != null
        && (stored == null || !valid.externalId().equals(stored.externalId()))) {
      users.lock("user-external-id:" + realm.id() + ":" + valid.externalId());
      if (users.externalIdTaken(realm.id(), valid.externalId(), id)) {
        throw ApplicationProblem.conflict(
            "another user of this realm has this externalId", "#/externalId");
      }
    }
  }

  private static UserSnapshot visible(UserSnapshot snapshot, UserProfile profile) {
    return snapshot.withFields(visibleFields(snapshot.fields(), profile));
  }

  private static UserFields visibleFields(UserFields fields, UserProfile profile) {
    return fields.withAttributes(profile.visible(fields.attributes()));
  }

  /** The names of the fields that differ (the audit says what changed, not to what). */
  static List<String> changedFields(UserFields before, UserFields after) {
    Map<String, Object[]> pairs = new LinkedHashMap<>();
    pairs.put("username", new Object[] {before.username(), after.username()});
    pairs.put("email", new Object[] {before.email(), after.email()});
    pairs.put("emailVerified", new Object[] {before.emailVerified(), after.emailVerified()});
    pairs.put("firstName", new Object[] {before.firstName(), after.firstName()});
    pairs.put("lastName", new Object[] {before.lastName(), after.lastName()});
    pairs.put("middleName", new Object[] {before.middleName(), after.middleName()});
    pairs.put("nickname", new Object[] {before.nickname(), after.nickname()});
    pairs.put("locale", new Object[] {before.locale(), after.locale()});
    pairs.put("zoneinfo", new Object[] {before.zoneinfo(), after.zoneinfo()});
    pairs.put("phoneNumber", new Object[] {before.phoneNumber(), after.phoneNumber()});
    pairs.put(
        "phoneNumberVerified",
        new Object[] {before.phoneNumberVerified(), after.phoneNumberVerified()});
    pairs.put("address", new Object[] {before.address(), after.address()});
    pairs.put("picture", new Object[] {before.picture(), after.picture()});
    pairs.put("website", new Object[] {before.website(), after.website()});
    pairs.put("birthdate", new Object[] {before.birthdate(), after.birthdate()});
    pairs.put("enabled", new Object[] {before.enabled(), after.enabled()});
    pairs.put("externalId", new Object[] {before.externalId(), after.externalId()});
    pairs.put("attributes", new Object[] {before.attributes(), after.attributes()});
    List<String> changed = new ArrayList<>();
    pairs.forEach(
        (name, pair) -> {
          if (!Objects.equals(pair[0], pair[1])) {
            changed.add(name);
          }
        });
    return changed;
  }

  private User require(RealmSnapshot realm, String id) {
    return found(id, id == null ? Optional.empty() : users.find(realm.id(), id));
  }

  private User requireForUpdate(RealmSnapshot realm, String id) {
    return found(id, id == null ? Optional.empty() : users.findForUpdate(realm.id(), id));
  }

  private static User found(String id, Optional<User> user) {
    return user.orElseThrow(
        () -> ApplicationProblem.notFound("no user with this id in this realm"));
  }

  private void changed(
      RealmSnapshot realm, String type, User user, Actor actor, Map<String, String> details) {
    audit.fire(new AuditEvent(realm.id(), realm.name(), type, actor, user.id(), true, details));
  }
}
