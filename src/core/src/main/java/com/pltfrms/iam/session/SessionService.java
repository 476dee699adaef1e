package com.pltfrms.iam.session;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.OpaqueTokens;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Starts, finds, prolongs and ends SSO sessions.
 *
 * <p>{@link #create} starts a new session at every login, with a new id and a new cookie value, so
 * a value planted in a browser before the login never becomes a logged-in session (session
 * fixation, RFC 9700 §4.1 in spirit; OWASP Session Management). {@link #find} recognises a cookie
 * by its SHA-256 and compares the hashes once more in constant time; an idle or expired session is
 * not found. {@link #touch} moves the idle end forward, never past the maximum lifetime; {@link
 * #use} finds and touches in one transaction, writing only when the last recorded use is older than
 * {@link SessionLifetimes#touchGranularity()}. Administrators list and end sessions ({@link #list},
 * {@link #end}, {@link #endAll}); ending is an audit event. Lifetimes are {@link
 * SessionLifetimes#DEFAULT} for every realm.
 */
@ApplicationScoped
public class SessionService {

  private static final Pattern ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private SessionRepository sessions;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;
  private SessionLifetimes lifetimes;

  protected SessionService() {}

  @Inject
  public SessionService(
      SessionRepository sessions, Event<AuditEvent> audit, Clock clock, UseCase useCase) {
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
  }

  /** With the same lifetimes for every realm, whatever its settings, for tests. */
  public SessionService(
      SessionRepository sessions,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase,
      SessionLifetimes lifetimes) {
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
    this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
  }

  /**
   * Starts a session for {@code userId}, who authenticated at {@code authTime}: always a new id and
   * a new cookie value, which is returned here only.
   */
  public NewSession create(RealmSnapshot realm, String userId, Instant authTime) {
    return useCase.run(
        () -> {
          requireUser(realm, userId);
          Instant now = clock.instant();
          Instant expires = now.plus(lifetimes(realm).max());
          Instant idle = min(now.plus(lifetimes(realm).idle()), expires);
          SessionSnapshot session =
              new SessionSnapshot(
                  UUID.randomUUID().toString(),
                  realm.id(),
                  userId,
                  now,
                  now,
                  authTime,
                  idle,
                  expires,
                  List.of());
          String cookie = OpaqueTokens.generate();
          sessions.add(session, OpaqueTokens.hash(cookie));
          return new NewSession(session, cookie);
        });
  }

  /** The realm's SSO session lifetimes (its login settings), unless a test fixed them. */
  private SessionLifetimes lifetimes(RealmSnapshot realm) {
    return lifetimes != null ? lifetimes : SessionLifetimes.of(realm.login());
  }

  /** The live session of the realm that {@code cookie} names, if any. */
  public Optional<SessionSnapshot> find(RealmSnapshot realm, String cookie) {
    if (!OpaqueTokens.wellFormed(cookie)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return useCase.run(
        () ->
            sessions
                .findByCookieHash(realm.id(), OpaqueTokens.hash(cookie))
                .filter(stored -> OpaqueTokens.matches(cookie, stored.cookieHash()))
                .map(SessionRepository.Stored::session)
                .filter(session -> session.activeAt(now)));
  }

  /**
   * The live session of the realm that {@code cookie} names, marked used now (see {@link #touch}):
   * one transaction, and an UPDATE only when the recorded last use is older than the realm's {@link
   * SessionLifetimes#touchGranularity() touch granularity}.
   */
  public Optional<SessionSnapshot> use(RealmSnapshot realm, String cookie) {
    if (!OpaqueTokens.wellFormed(cookie)) {
      return Optional.empty();
    }
    return useCase.run(
        () ->
            prolonged(
                realm,
                sessions
                    .findByCookieHash(realm.id(), OpaqueTokens.hash(cookie))
                    .filter(stored -> OpaqueTokens.matches(cookie, stored.cookieHash()))
                    .map(SessionRepository.Stored::session)));
  }

  /**
   * The live session {@code sessionId} of the realm, marked used now as {@link #use} marks it: a
   * refresh token bound to it is a use of the session (the application is still being used).
   */
  public Optional<SessionSnapshot> useById(RealmSnapshot realm, String sessionId) {
    if (sessionId == null || !ID.matcher(sessionId).matches()) {
      return Optional.empty();
    }
    return useCase.run(() -> prolonged(realm, sessions.find(realm.id(), sessionId)));
  }

  /** Whether the session {@code sessionId} of the realm is live, without marking it used. */
  public boolean live(RealmSnapshot realm, String sessionId) {
    if (sessionId == null || !ID.matcher(sessionId).matches()) {
      return false;
    }
    Instant now = clock.instant();
    return useCase.run(
        () -> sessions.find(realm.id(), sessionId).filter(s -> s.activeAt(now)).isPresent());
  }

  /** {@code found} if it is live, its use recorded when the last recorded one is old enough. */
  private Optional<SessionSnapshot> prolonged(
      RealmSnapshot realm, Optional<SessionSnapshot> found) {
    Instant now = clock.instant();
    SessionLifetimes lifetimes = lifetimes(realm);
    if (found.isEmpty() || !found.get().activeAt(now)) {
      return Optional.empty();
    }
    SessionSnapshot session = found.get();
    if (session.lastSeenAt().plus(lifetimes.touchGranularity()).isAfter(now)) {
      return found;
    }
    Instant idle = min(now.plus(lifetimes.idle()), session.expiresAt());
    if (!sessions.touch(realm.id(), session.id(), now, idle)) {
      return Optional.empty();
    }
    return Optional.of(
        new SessionSnapshot(
            session.id(),
            session.realmId(),
            session.userId(),
            session.createdAt(),
            now,
            session.authTime(),
            idle,
            session.expiresAt(),
            session.clients()));
  }

  /**
   * Marks a live session used now: its idle end moves to now plus the idle timeout, capped at its
   * maximum lifetime. Empty when the session has ended.
   */
  public Optional<SessionSnapshot> touch(RealmSnapshot realm, String sessionId) {
    return useCase.run(
        () -> {
          Instant now = clock.instant();
          if (!sessions.touch(realm.id(), sessionId, now, now.plus(lifetimes(realm).idle()))) {
            return Optional.empty();
          }
          return sessions.find(realm.id(), sessionId);
        });
  }

  /**
   * Records that the session issued tokens to the client whose stable id is {@code clientId}; 404
   * when the session or the client is not of the realm.
   */
  public void recordClient(RealmSnapshot realm, String sessionId, String clientId) {
    useCase.execute(
        () -> {
          if (!sessions.recordClient(realm.id(), sessionId, clientId, clock.instant())) {
            throw ApplicationProblem.notFound("no such session or client");
          }
        });
  }

  /** The user's live sessions, newest first; 404 when the realm has no such user. */
  public List<SessionSnapshot> list(RealmSnapshot realm, String userId) {
    return useCase.run(
        () -> {
          requireUser(realm, userId);
          return sessions.listOf(realm.id(), userId, clock.instant());
        });
  }

  /** Ends one of the user's sessions; 404 when the user or the session does not exist. */
  public void end(RealmSnapshot realm, String userId, String sessionId, Actor actor) {
    useCase.execute(
        () -> {
          requireUser(realm, userId);
          if (sessionId == null
              || !ID.matcher(sessionId).matches()
              || !sessions.delete(realm.id(), userId, sessionId)) {
            throw ApplicationProblem.notFound("no such session");
          }
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.SESSION_ENDED,
                  actor,
                  userId,
                  true,
                  Map.of("session", sessionId)));
        });
  }

  /** Ends all the user's sessions and returns how many there were; 404 for an unknown user. */
  public int endAll(RealmSnapshot realm, String userId, Actor actor) {
    return useCase.run(
        () -> {
          requireUser(realm, userId);
          int ended = sessions.deleteAllOf(realm.id(), userId);
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.USER_SESSIONS_ENDED,
                  actor,
                  userId,
                  true,
                  Map.of("count", Integer.toString(ended))));
          return ended;
        });
  }

  /** Deletes the sessions that have ended (idle or past their maximum lifetime); how many. */
  public int sweep() {
    return useCase.run(() -> sessions.deleteEnded(clock.instant()));
  }

  private void requireUser(RealmSnapshot realm, String userId) {
    if (userId == null || userId.length() > 36 || !sessions.userExists(realm.id(), userId)) {
      throw ApplicationProblem.notFound("no such user");
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
