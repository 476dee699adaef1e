package com.pltfrms.iam.session;

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
import com.pltfrms.iam.shared.OpaqueTokens;
import com.pltfrms.iam.shared.UseCase;
import com.pltfrms.iam.testing.RecordingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

  private static final RealmSnapshot ACME =
      new RealmSnapshot("r-acme", "acme", "Acme", true, 300, Instant.EPOCH, 1);
  private static final RealmSnapshot OTHER =
      new RealmSnapshot("r-other", "other", "Other", true, 300, Instant.EPOCH, 1);
  private static final String ALICE = "7d5c8f4e-0000-4000-8000-000000000001";
  private static final String BOB = "7d5c8f4e-0000-4000-8000-000000000002";
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Sessions in a map, with the SQL's semantics. */
  private static final class InMemorySessions implements SessionRepository {
    final Map<String, Stored> rows = new LinkedHashMap<>();
    final Set<String> users = Set.of(ACME.id() + "/" + ALICE, ACME.id() + "/" + BOB);
    final Map<String, List<SessionClient>> clients = new LinkedHashMap<>();
    int touches;

    @Override
    public boolean userExists(String realmId, String userId) {
      return users.contains(realmId + "/" + userId);
    }

    @Override
    public void add(SessionSnapshot session, String cookieHash) {
      rows.put(session.id(), new Stored(session, cookieHash));
    }

    @Override
    public Optional<Stored> findByCookieHash(String realmId, String cookieHash) {
      return rows.values().stream()
          .filter(s -> s.cookieHash().equals(cookieHash) && s.session().realmId().equals(realmId))
          .findFirst();
    }

    @Override
    public Optional<SessionSnapshot> find(String realmId, String sessionId) {
      return Optional.ofNullable(rows.get(sessionId))
          .map(Stored::session)
          .filter(s -> s.realmId().equals(realmId))
          .map(this::withClients);
    }

    private SessionSnapshot withClients(SessionSnapshot s) {
      return new SessionSnapshot(
          s.id(),
          s.realmId(),
          s.userId(),
          s.createdAt(),
          s.lastSeenAt(),
          s.authTime(),
          s.idleExpiresAt(),
          s.expiresAt(),
          clients.getOrDefault(s.id(), List.of()));
    }

    @Override
    public List<SessionSnapshot> listOf(String realmId, String userId, Instant now) {
      return rows.values().stream()
          .map(Stored::session)
          .filter(s -> s.realmId().equals(realmId) && s.userId().equals(userId) && s.activeAt(now))
          .sorted(Comparator.comparing(SessionSnapshot::createdAt).reversed())
          .toList();
    }

    @Override
    public boolean touch(String realmId, String sessionId, Instant now, Instant idleExpiresAt) {
      touches++;
      Stored stored = rows.get(sessionId);
      if (stored == null
          || !stored.session().realmId().equals(realmId)
          || !stored.session().activeAt(now)) {
        return false;
      }
      SessionSnapshot s = stored.session();
      Instant idle = idleExpiresAt.isBefore(s.expiresAt()) ? idleExpiresAt : s.expiresAt();
      rows.put(
          sessionId,
          new Stored(
              new SessionSnapshot(
                  s.id(),
                  s.realmId(),
                  s.userId(),
                  s.createdAt(),
                  now,
                  s.authTime(),
                  idle,
                  s.expiresAt(),
                  List.of()),
              stored.cookieHash()));
      return true;
    }

    @Override
    public boolean recordClient(String realmId, String sessionId, String clientId, Instant now) {
      if (find(realmId, sessionId).isEmpty()) {
        return false;
      }
      clients
          .computeIfAbsent(sessionId, k -> new ArrayList<>())
          .add(new SessionClient(clientId, clientId, now, now));
      return true;
    }

    @Override
    public boolean delete(String realmId, String userId, String sessionId) {
      Stored stored = rows.get(sessionId);
      if (stored == null
          || !stored.session().realmId().equals(realmId)
          || !stored.session().userId().equals(userId)) {
        return false;
      }
      rows.remove(sessionId);
      return true;
    }

    @Override
    public int deleteAllOf(String realmId, String userId) {
      int before = rows.size();
      rows.values()
          .removeIf(
              s -> s.session().realmId().equals(realmId) && s.session().userId().equals(userId));
      return before - rows.size();
    }

    @Override
    public int deleteEnded(Instant now) {
      int before = rows.size();
      rows.values().removeIf(s -> !s.session().activeAt(now));
      return before - rows.size();
    }
  }

  private final InMemorySessions repository = new InMemorySessions();
  private final RecordingEvent<AuditEvent> audit = new RecordingEvent<>();
  private final MovingClock clock = new MovingClock();
  private final SessionService service =
      new SessionService(repository, audit, clock, UseCase.direct());
  private final Actor admin = Actor.client("admin-id", "iam-admin");

  @Test
  void createWhenUserLogsInThenNewIdAndCookieEachTime() {
    NewSession first = service.create(ACME, ALICE, T0);
    NewSession second = service.create(ACME, ALICE, T0);
    assertNotEquals(first.session().id(), second.session().id());
    assertNotEquals(first.cookie(), second.cookie());
    assertEquals(43, first.cookie().length());
  }

  @Test
  void createWhenStoredThenOnlyTheCookiesHash() {
    NewSession created = service.create(ACME, ALICE, T0);
    SessionRepository.Stored stored = repository.rows.get(created.session().id());
    assertEquals(OpaqueTokens.hash(created.cookie()), stored.cookieHash());
    assertFalse(stored.toString().contains(stored.cookieHash()));
    assertFalse(created.toString().contains(created.cookie()));
  }

  @Test
  void createWhenDefaultsThenIdle30MinutesMax10Hours() {
    SessionSnapshot session = service.create(ACME, ALICE, T0.minusSeconds(5)).session();
    assertEquals(T0.plus(Duration.ofMinutes(30)), session.idleExpiresAt());
    assertEquals(T0.plus(Duration.ofHours(10)), session.expiresAt());
    assertEquals(T0.minusSeconds(5), session.authTime());
  }

  @Test
  void createWhenUserUnknownOrOfAnotherRealmThenNotFound() {
    assertEquals(
        ApplicationProblem.Kind.NOT_FOUND,
        assertThrows(ApplicationProblem.class, () -> service.create(ACME, "nobody", T0)).kind());
    assertThrows(ApplicationProblem.class, () -> service.create(OTHER, ALICE, T0));
  }

  @Test
  void findWhenCookieValidThenSession() {
    NewSession created = service.create(ACME, ALICE, T0);
    assertEquals(created.session().id(), service.find(ACME, created.cookie()).orElseThrow().id());
  }

  @Test
  void findWhenCookieUnknownMalformedOrOtherRealmThenEmpty() {
    NewSession created = service.create(ACME, ALICE, T0);
    assertTrue(service.find(ACME, OpaqueTokens.generate()).isEmpty());
    assertTrue(service.find(ACME, null).isEmpty());
    assertTrue(service.find(ACME, "short").isEmpty());
    assertTrue(service.find(ACME, created.cookie() + "x").isEmpty());
    assertTrue(service.find(OTHER, created.cookie()).isEmpty());
  }

  @Test
  void findWhenIdleTooLongThenEmpty() {
    NewSession created = service.create(ACME, ALICE, T0);
    clock.now = T0.plus(Duration.ofMinutes(30));
    assertTrue(service.find(ACME, created.cookie()).isEmpty());
  }

  @Test
  void touchWhenUsedThenIdleEndMovesButNeverPastMax() {
    NewSession created = service.create(ACME, ALICE, T0);
    String id = created.session().id();
    for (int i = 1; i <= 20; i++) {
      clock.now = T0.plus(Duration.ofMinutes(29L * i));
      if (clock.now.isBefore(T0.plus(Duration.ofHours(10)))) {
        SessionSnapshot touched = service.touch(ACME, id).orElseThrow();
        assertEquals(clock.now, touched.lastSeenAt());
        assertFalse(touched.idleExpiresAt().isAfter(touched.expiresAt()));
      }
    }
    clock.now = T0.plus(Duration.ofHours(10));
    assertTrue(service.find(ACME, created.cookie()).isEmpty(), "the maximum lifetime holds");
    assertTrue(service.touch(ACME, id).isEmpty());
  }

  @Test
  void useWhenUsedWithinAMinuteThenNothingWritten() {
    NewSession created = service.create(ACME, ALICE, T0);
    clock.now = T0.plusSeconds(59);
    SessionSnapshot used = service.use(ACME, created.cookie()).orElseThrow();
    assertEquals(0, repository.touches);
    assertEquals(T0, used.lastSeenAt());
    assertEquals(T0.plus(Duration.ofMinutes(30)), used.idleExpiresAt());
  }

  @Test
  void useWhenLastUseAMinuteAgoThenIdleEndMovesAndIsStored() {
    NewSession created = service.create(ACME, ALICE, T0);
    clock.now = T0.plusSeconds(60);
    SessionSnapshot used = service.use(ACME, created.cookie()).orElseThrow();
    assertEquals(1, repository.touches);
    assertEquals(clock.now, used.lastSeenAt());
    assertEquals(clock.now.plus(Duration.ofMinutes(30)), used.idleExpiresAt());
    assertEquals(
        used.idleExpiresAt(),
        repository.rows.get(created.session().id()).session().idleExpiresAt());
  }

  @Test
  void useWhenKeptBusyThenSessionOutlivesIdleButNotMax() {
    NewSession created = service.create(ACME, ALICE, T0);
    for (int minute = 1; minute < 600; minute += 20) {
      clock.now = T0.plus(Duration.ofMinutes(minute));
      assertTrue(service.use(ACME, created.cookie()).isPresent(), "minute " + minute);
    }
    clock.now = T0.plus(Duration.ofHours(10));
    assertTrue(service.use(ACME, created.cookie()).isEmpty());
  }

  @Test
  void useWhenShortIdleTimeoutThenGranularityIsATenth() {
    SessionService shortIdle =
        new SessionService(
            repository,
            audit,
            clock,
            UseCase.direct(),
            new SessionLifetimes(Duration.ofSeconds(60), Duration.ofHours(1)));
    NewSession created = shortIdle.create(ACME, ALICE, T0);
    clock.now = T0.plusSeconds(5);
    shortIdle.use(ACME, created.cookie()).orElseThrow();
    assertEquals(0, repository.touches);
    clock.now = T0.plusSeconds(6);
    assertEquals(clock.now, shortIdle.use(ACME, created.cookie()).orElseThrow().lastSeenAt());
    assertEquals(1, repository.touches);
    clock.now = T0.plusSeconds(66);
    assertTrue(shortIdle.use(ACME, created.cookie()).isEmpty(), "idle past the timeout");
  }

  @Test
  void useWhenCookieUnknownMalformedOrOtherRealmThenEmpty() {
    NewSession created = service.create(ACME, ALICE, T0);
    assertTrue(service.use(ACME, OpaqueTokens.generate()).isEmpty());
    assertTrue(service.use(ACME, null).isEmpty());
    assertTrue(service.use(ACME, created.cookie() + "x").isEmpty());
    assertTrue(service.use(OTHER, created.cookie()).isEmpty());
    assertEquals(0, repository.touches);
  }

  @Test
  void touchWhenEndedThenEmpty() {
    NewSession created = service.create(ACME, ALICE, T0);
    clock.now = T0.plus(Duration.ofMinutes(31));
    assertTrue(service.touch(ACME, created.session().id()).isEmpty());
  }

  @Test
  void recordClientWhenSessionLiveThenListed() {
    NewSession created = service.create(ACME, ALICE, T0);
    service.recordClient(ACME, created.session().id(), "client-1");
    assertEquals(
        List.of("client-1"),
        repository.find(ACME.id(), created.session().id()).orElseThrow().clients().stream()
            .map(SessionClient::id)
            .toList());
    assertThrows(
        ApplicationProblem.class, () -> service.recordClient(OTHER, created.session().id(), "c"));
  }

  @Test
  void listWhenSessionsThenLiveOnesOfThatUserNewestFirst() {
    NewSession old = service.create(ACME, ALICE, T0);
    clock.now = T0.plusSeconds(60);
    NewSession fresh = service.create(ACME, ALICE, clock.now);
    service.create(ACME, BOB, clock.now);
    assertEquals(
        List.of(fresh.session().id(), old.session().id()),
        service.list(ACME, ALICE).stream().map(SessionSnapshot::id).toList());
    clock.now = T0.plus(Duration.ofMinutes(30));
    assertEquals(
        List.of(fresh.session().id()),
        service.list(ACME, ALICE).stream().map(SessionSnapshot::id).toList());
  }

  @Test
  void listWhenUserUnknownThenNotFound() {
    assertThrows(ApplicationProblem.class, () -> service.list(ACME, "nobody"));
    assertThrows(ApplicationProblem.class, () -> service.list(OTHER, ALICE));
  }

  @Test
  void endWhenSessionOfUserThenGoneAndAudited() {
    NewSession created = service.create(ACME, ALICE, T0);
    service.end(ACME, ALICE, created.session().id(), admin);
    assertTrue(service.find(ACME, created.cookie()).isEmpty());
    AuditEvent event = audit.fired().get(0);
    assertEquals(AuditEventTypes.SESSION_ENDED, event.type());
    assertEquals(ALICE, event.target());
    assertEquals(created.session().id(), event.details().get("session"));
    assertFalse(event.toString().contains(created.cookie()));
  }

  @Test
  void endWhenSessionOfAnotherUserOrMalformedThenNotFound() {
    NewSession bobs = service.create(ACME, BOB, T0);
    assertThrows(
        ApplicationProblem.class, () -> service.end(ACME, ALICE, bobs.session().id(), admin));
    assertThrows(ApplicationProblem.class, () -> service.end(ACME, ALICE, "not-an-id", admin));
    assertTrue(service.find(ACME, bobs.cookie()).isPresent());
    assertTrue(audit.fired().isEmpty());
  }

  @Test
  void endAllWhenUserHasSessionsThenAllGoneAndCounted() {
    NewSession a = service.create(ACME, ALICE, T0);
    service.create(ACME, ALICE, T0);
    NewSession b = service.create(ACME, BOB, T0);
    assertEquals(2, service.endAll(ACME, ALICE, admin));
    assertTrue(service.find(ACME, a.cookie()).isEmpty());
    assertTrue(service.find(ACME, b.cookie()).isPresent());
    assertEquals(AuditEventTypes.USER_SESSIONS_ENDED, audit.fired().get(0).type());
    assertEquals("2", audit.fired().get(0).details().get("count"));
  }

  @Test
  void sweepWhenSessionsEndedThenOnlyThoseDeleted() {
    NewSession idle = service.create(ACME, ALICE, T0);
    clock.now = T0.plus(Duration.ofMinutes(20));
    NewSession live = service.create(ACME, ALICE, clock.now);
    clock.now = T0.plus(Duration.ofMinutes(31));
    assertEquals(1, service.sweep());
    assertFalse(repository.rows.containsKey(idle.session().id()));
    assertTrue(service.find(ACME, live.cookie()).isPresent());
  }

  @Test
  void lifetimesWhenIdleLongerThanMaxThenRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SessionLifetimes(Duration.ofHours(2), Duration.ofHours(1)));
  }
}
