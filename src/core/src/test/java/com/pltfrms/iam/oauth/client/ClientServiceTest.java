package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.UseCase;
import com.pltfrms.iam.testing.Immediately;
import com.pltfrms.iam.testing.RecordingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientServiceTest {

  private static final Actor ADMIN = Actor.client("c0ffee00-0000-4000-8000-000000000001", "ops");
  private static final RealmSnapshot SYSTEM =
      new RealmSnapshot("r-system", RealmName.SYSTEM, "System", true, 300, Instant.EPOCH, 1);
  private static final RealmSnapshot ACME =
      new RealmSnapshot("r-acme", "acme", "Acme", true, 300, Instant.EPOCH, 1);

  private final InMemoryClientRepository repository = new InMemoryClientRepository();
  private final RecordingEvent<AuditEvent> audit = new RecordingEvent<>();
  private final ClientDirectory directory = new ClientDirectory(repository);
  private final com.pltfrms.iam.oauth.scope.ClientScopeService scopes =
      new com.pltfrms.iam.oauth.scope.ClientScopeService(
          new com.pltfrms.iam.oauth.scope.InMemoryClientScopeRepository(),
          new RecordingEvent<>(),
          Immediately.CLOCK,
          UseCase.direct());
  private final ClientService service =
      new ClientService(
          repository,
          directory,
          Immediately.afterCompletion(),
          audit,
          Immediately.CLOCK,
          UseCase.direct(),
          new com.pltfrms.iam.shared.AccessGenerations(),
          scopes);

  private NewClient create(RealmSnapshot realm, String clientId, List<String> roles) {
    return service.create(
        realm, clientId, ClientType.SERVICE, null, List.of("admin"), roles, ADMIN);
  }

  private static ClientChanges enabled(boolean enabled) {
    return new ClientChanges(
        Optional.empty(), Optional.of(enabled), Optional.empty(), Optional.empty());
  }

  private static ClientChanges roles(List<String> roles) {
    return new ClientChanges(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(roles));
  }

  private static ApplicationProblem.Kind kindOf(Runnable call) {
    return assertThrows(ApplicationProblem.class, call::run).kind();
  }

  @Test
  void createWhenClientIdFreeThenStoredWithHashedSecretShownOnce() {
    NewClient created = create(ACME, "svc", List.of());
    ClientSnapshot stored = repository.loadSnapshot(ACME.id(), "svc").orElseThrow();
    assertTrue(stored.secretMatches(created.clientSecret()));
    assertFalse(stored.secretHash().contains(created.clientSecret()));
    assertEquals(AuditEventTypes.CLIENT_CREATED, audit.fired().get(0).type());
  }

  @Test
  void createWhenClientIdTakenThenConflictAndOneClientOnly() {
    create(ACME, "svc", List.of());
    assertEquals(ApplicationProblem.Kind.CONFLICT, kindOf(() -> create(ACME, "svc", List.of())));
    assertEquals(1, repository.count(ACME.id()));
  }

  @Test
  void rotateSecretWhenDoneThenOldSecretNoLongerMatches() {
    String old = create(ACME, "svc", List.of()).clientSecret();
    String fresh = service.rotateSecret(ACME, "svc", ADMIN).clientSecret();
    ClientSnapshot stored = repository.loadSnapshot(ACME.id(), "svc").orElseThrow();
    assertFalse(stored.secretMatches(old));
    assertTrue(stored.secretMatches(fresh));
  }

  @Test
  void updateWhenIfMatchStaleThenPreconditionFailed() {
    ClientSnapshot client = create(ACME, "svc", List.of()).client();
    IfMatch stale = IfMatch.parse(IfMatch.tag(client.version() + 7));
    assertEquals(
        ApplicationProblem.Kind.PRECONDITION_FAILED,
        kindOf(() -> service.update(ACME, "svc", enabled(false), stale, ADMIN)));
    assertTrue(service.get(ACME, "svc").enabled());
  }

  @Test
  void updateWhenLastSystemAdminDisabledThenConflictAndStillEnabled() {
    create(SYSTEM, "iam-admin", List.of("admin"));
    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        kindOf(() -> service.update(SYSTEM, "iam-admin", enabled(false), IfMatch.none(), ADMIN)));
    assertTrue(service.get(SYSTEM, "iam-admin").enabled());
  }

  @Test
  void updateWhenLastSystemAdminLosesRoleThenConflict() {
    create(SYSTEM, "iam-admin", List.of("admin", "ops"));
    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        kindOf(
            () ->
                service.update(SYSTEM, "iam-admin", roles(List.of("ops")), IfMatch.none(), ADMIN)));
    assertEquals(List.of("admin", "ops"), service.get(SYSTEM, "iam-admin").roles());
  }

  @Test
  void deleteWhenLastSystemAdminThenConflictAndKept() {
    create(SYSTEM, "iam-admin", List.of("admin"));
    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        kindOf(() -> service.delete(SYSTEM, "iam-admin", IfMatch.none(), ADMIN)));
    assertTrue(repository.find(SYSTEM.id(), "iam-admin").isPresent());
  }

  @Test
  void deleteWhenAnotherEnabledSystemAdminRemainsThenDeleted() {
    create(SYSTEM, "iam-admin", List.of("admin"));
    create(SYSTEM, "backup-admin", List.of("admin"));
    service.delete(SYSTEM, "iam-admin", IfMatch.none(), ADMIN);
    assertTrue(repository.find(SYSTEM.id(), "iam-admin").isEmpty());
  }

  @Test
  void deleteWhenTheOtherSystemAdminIsDisabledThenConflict() {
    create(SYSTEM, "iam-admin", List.of("admin"));
    create(SYSTEM, "backup-admin", List.of("admin"));
    service.update(SYSTEM, "backup-admin", enabled(false), IfMatch.none(), ADMIN);
    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        kindOf(() -> service.delete(SYSTEM, "iam-admin", IfMatch.none(), ADMIN)));
  }

  @Test
  void writesWhenSystemRealmThenAdministratorsLockedBeforeTheRow() {
    create(SYSTEM, "iam-admin", List.of("admin"));
    create(SYSTEM, "backup-admin", List.of("admin"));
    repository.locks.clear();
    service.update(SYSTEM, "backup-admin", enabled(false), IfMatch.none(), ADMIN);
    assertEquals(List.of("administrators", "row:backup-admin"), repository.locks.subList(0, 2));
  }

  @Test
  void deleteWhenAdminRoleInOtherRealmThenNoLockOutRule() {
    create(ACME, "realm-admin", List.of("admin"));
    service.delete(ACME, "realm-admin", IfMatch.none(), ADMIN);
    assertEquals(0, repository.count(ACME.id()));
  }

  @Test
  void updateWhenDisabledThenDirectoryServesTheChangeAtOnce() {
    create(ACME, "svc", List.of());
    assertTrue(directory.find(ACME.id(), "svc").orElseThrow().enabled());
    service.update(ACME, "svc", enabled(false), IfMatch.none(), ADMIN);
    assertFalse(directory.find(ACME.id(), "svc").orElseThrow().enabled());
    assertTrue(repository.announced.contains("svc"));
  }

  @Test
  void updateWhenChangedThenAuditNamesActorAndChanges() {
    create(ACME, "svc", List.of());
    service.update(ACME, "svc", roles(List.of("reader")), IfMatch.none(), ADMIN);
    AuditEvent event = audit.fired().get(audit.fired().size() - 1);
    assertEquals(AuditEventTypes.CLIENT_UPDATED, event.type());
    assertEquals(ADMIN, event.actor());
    assertEquals("reader", event.details().get("roles"));
  }

  @Test
  void getWhenUnknownThenNotFound() {
    assertEquals(ApplicationProblem.Kind.NOT_FOUND, kindOf(() -> service.get(ACME, "ghost")));
  }

  private static ClientChanges web(List<String> redirectUris, List<String> scopes) {
    return new ClientChanges(
        Optional.of("Web"),
        Optional.empty(),
        Optional.of(scopes),
        Optional.of(List.of()),
        Optional.of(redirectUris),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void createWhenPublicThenNoSecret() {
    NewClient spa =
        service.create(
            ACME,
            "spa",
            ClientType.PUBLIC,
            web(List.of("https://spa.example/cb"), List.of("openid")),
            ADMIN);
    assertEquals(null, spa.clientSecret());
    assertEquals(null, spa.client().secretHash());
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> service.rotateSecret(ACME, "spa", ADMIN)));
  }

  @Test
  void createWhenWebClientAllowedUnknownScopeThenInvalidNamingAllowedScopes() {
    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () ->
                service.create(
                    ACME,
                    "web",
                    ClientType.CONFIDENTIAL,
                    web(List.of("https://app.example/cb"), List.of("openid", "write")),
                    ADMIN));
    assertEquals("allowedScopes", problem.field());
    assertTrue(repository.find(ACME.id(), "web").isEmpty());
  }

  @Test
  void createWhenServiceClientAllowedFreeScopesThenKept() {
    assertEquals("admin", create(ACME, "svc", List.of()).client().allowedScopes().value());
  }

  @Test
  void createWhenConfidentialThenSecretAndDefaults() {
    NewClient web =
        service.create(
            ACME,
            "web",
            ClientType.CONFIDENTIAL,
            web(List.of("https://app.example/cb"), List.of("openid", "profile")),
            ADMIN);
    assertTrue(web.clientSecret() != null && web.client().secretMatches(web.clientSecret()));
    assertTrue(web.client().pkceRequired());
    assertFalse(web.client().consentRequired());
  }

  @Test
  void updateWhenChangeBreaksConsistencyThenInvalidAndUnchanged() {
    service.create(
        ACME,
        "web",
        ClientType.CONFIDENTIAL,
        web(List.of("https://app.example/cb"), List.of()),
        ADMIN);
    ClientChanges noRedirects = web(List.of(), List.of());
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> service.update(ACME, "web", noRedirects, IfMatch.none(), ADMIN)));
  }

  @Test
  void longestAccessTokenLifetimeWhenClientHasOneThenIt() {
    assertEquals(0, service.longestAccessTokenLifetime(ACME));
    ClientChanges lifetime =
        new ClientChanges(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(900),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    service.create(ACME, "svc", ClientType.SERVICE, lifetime, ADMIN);
    assertEquals(900, service.longestAccessTokenLifetime(ACME));
  }
}
