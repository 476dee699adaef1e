package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.session.NewSession;
import com.pltfrms.iam.session.SessionClient;
import com.pltfrms.iam.session.SessionService;
import com.pltfrms.iam.session.SessionSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.OpaqueTokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SessionService} on PostgreSQL (changeset 0010): only the cookie's hash is stored, a cookie
 * finds its live session and only in its realm, use moves the idle end, ending is audited, the
 * clients a session served are kept, and deleting the user deletes its sessions in the same
 * transaction.
 */
@ExtendWith(ArquillianExtension.class)
class SessionServiceArquillianIT {

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(SessionServiceArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject UserService users;
  @Inject ClientService clients;
  @Inject SessionService sessions;
  @Inject Rows rows;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  private String alice(RealmSnapshot realm) {
    return users.create(realm, UserFields.of("alice"), Optional.empty(), ACTOR).id();
  }

  @Test
  void createWhenLoginThenOnlyTheHashStoredAndTheCookieFindsIt() {
    RealmSnapshot realm = testRealms.create();
    String alice = alice(realm);
    Instant authTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    NewSession created = sessions.create(realm, alice, authTime);

    assertEquals(
        0, rows.number("SELECT count(*) FROM sso_session WHERE cookie_hash = ?", created.cookie()));
    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM sso_session WHERE cookie_hash = ? AND id = ?",
            OpaqueTokens.hash(created.cookie()),
            created.session().id()));
    SessionSnapshot found = sessions.find(realm, created.cookie()).orElseThrow();
    assertEquals(created.session().id(), found.id());
    assertEquals(authTime, found.authTime());
    assertNotEquals(created.session().id(), sessions.create(realm, alice, authTime).session().id());
  }

  @Test
  void findWhenOtherRealmOrWrongCookieThenNothing() {
    RealmSnapshot realm = testRealms.create();
    RealmSnapshot other = testRealms.create();
    NewSession created = sessions.create(realm, alice(realm), Instant.now());
    assertTrue(sessions.find(other, created.cookie()).isEmpty());
    assertTrue(sessions.find(realm, OpaqueTokens.generate()).isEmpty());
    assertTrue(sessions.find(realm, "a".repeat(10_000)).isEmpty());
  }

  @Test
  void findWhenIdleOrMaxLifetimeOverThenNothing() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String alice = alice(realm);
    NewSession idle = sessions.create(realm, alice, Instant.now());
    NewSession old = sessions.create(realm, alice, Instant.now());
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "UPDATE sso_session SET idle_expires_at = now() - interval '1 second' WHERE id = ?",
          idle.session().id());
      Rows.update(
          db,
          "UPDATE sso_session SET created_at = now() - interval '11 hours',"
              + " expires_at = now() - interval '1 second',"
              + " idle_expires_at = now() - interval '1 second' WHERE id = ?",
          old.session().id());
    }
    assertTrue(sessions.find(realm, idle.cookie()).isEmpty());
    assertTrue(sessions.touch(realm, idle.session().id()).isEmpty());
    assertTrue(sessions.find(realm, old.cookie()).isEmpty());
    assertEquals(List.of(), sessions.list(realm, alice));
  }

  @Test
  void sweepWhenSessionEndedThenDeletedAndLiveOnesKept() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String alice = alice(realm);
    NewSession ended = sessions.create(realm, alice, Instant.now());
    NewSession live = sessions.create(realm, alice, Instant.now());
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "UPDATE sso_session SET idle_expires_at = now() - interval '1 second' WHERE id = ?",
          ended.session().id());
    }
    assertTrue(sessions.sweep() >= 1);
    assertEquals(
        0, rows.number("SELECT count(*) FROM sso_session WHERE id = ?", ended.session().id()));
    assertTrue(sessions.find(realm, live.cookie()).isPresent());
  }

  @Test
  void touchWhenLiveThenLastSeenAndIdleEndMoveWithinMax() throws Exception {
    RealmSnapshot realm = testRealms.create();
    NewSession created = sessions.create(realm, alice(realm), Instant.now());
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "UPDATE sso_session SET last_seen_at = now() - interval '10 minutes',"
              + " idle_expires_at = now() + interval '20 minutes',"
              + " expires_at = now() + interval '25 minutes' WHERE id = ?",
          created.session().id());
    }
    SessionSnapshot touched = sessions.touch(realm, created.session().id()).orElseThrow();
    assertTrue(touched.lastSeenAt().isAfter(Instant.now().minusSeconds(60)));
    assertEquals(touched.expiresAt(), touched.idleExpiresAt(), "capped at the maximum lifetime");
  }

  @Test
  void recordClientWhenTokensIssuedThenListedOnceWithTheClientId() {
    RealmSnapshot realm = testRealms.create();
    String alice = alice(realm);
    String web =
        clients
            .create(realm, "web", ClientType.SERVICE, null, List.of(), List.of(), ACTOR)
            .client()
            .id();
    NewSession created = sessions.create(realm, alice, Instant.now());
    sessions.recordClient(realm, created.session().id(), web);
    sessions.recordClient(realm, created.session().id(), web);

    List<SessionSnapshot> listed = sessions.list(realm, alice);
    assertEquals(1, listed.size());
    List<SessionClient> served = listed.get(0).clients();
    assertEquals(1, served.size());
    assertEquals("web", served.get(0).clientId());
    assertFalse(served.get(0).lastIssuedAt().isBefore(served.get(0).firstIssuedAt()));
  }

  @Test
  void recordClientWhenClientOfAnotherRealmThenNotFound() {
    RealmSnapshot realm = testRealms.create();
    RealmSnapshot other = testRealms.create();
    String foreign =
        clients
            .create(other, "web", ClientType.SERVICE, null, List.of(), List.of(), ACTOR)
            .client()
            .id();
    NewSession created = sessions.create(realm, alice(realm), Instant.now());
    assertThrows(
        ApplicationProblem.class,
        () -> sessions.recordClient(realm, created.session().id(), foreign));
    assertThrows(
        ApplicationProblem.class,
        () -> sessions.recordClient(other, created.session().id(), foreign));
  }

  @Test
  void endWhenOneThenOnlyThatOneGoneAndAudited() {
    RealmSnapshot realm = testRealms.create();
    String alice = alice(realm);
    NewSession first = sessions.create(realm, alice, Instant.now());
    NewSession second = sessions.create(realm, alice, Instant.now());
    sessions.end(realm, alice, first.session().id(), ACTOR);
    assertTrue(sessions.find(realm, first.cookie()).isEmpty());
    assertTrue(sessions.find(realm, second.cookie()).isPresent());
    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM audit_event WHERE realm_id = ? AND event_type = 'SESSION_ENDED'",
            realm.id()));
    assertThrows(
        ApplicationProblem.class, () -> sessions.end(realm, alice, first.session().id(), ACTOR));
    assertEquals(1, sessions.endAll(realm, alice, ACTOR));
    assertEquals(List.of(), sessions.list(realm, alice));
  }

  @Test
  void deleteUserWhenSessionsExistThenSessionsGoWithIt() {
    RealmSnapshot realm = testRealms.create();
    String alice = alice(realm);
    String web =
        clients
            .create(realm, "web", ClientType.SERVICE, null, List.of(), List.of(), ACTOR)
            .client()
            .id();
    NewSession created = sessions.create(realm, alice, Instant.now());
    sessions.recordClient(realm, created.session().id(), web);

    users.delete(realm, alice, IfMatch.none(), ACTOR);

    assertEquals(0, rows.number("SELECT count(*) FROM sso_session WHERE user_id = ?", alice));
    assertEquals(
        0,
        rows.number(
            "SELECT count(*) FROM sso_session_client WHERE session_id = ?",
            created.session().id()));
  }
}
