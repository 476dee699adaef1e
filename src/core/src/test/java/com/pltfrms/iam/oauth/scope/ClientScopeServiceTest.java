package com.pltfrms.iam.oauth.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UseCase;
import com.pltfrms.iam.testing.Immediately;
import com.pltfrms.iam.testing.RecordingEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientScopeServiceTest {

  private static final Actor ADMIN = Actor.client("c0ffee00-0000-4000-8000-000000000001", "ops");
  private static final RealmSnapshot ACME =
      new RealmSnapshot("r-acme", "acme", "Acme", true, 300, Instant.EPOCH, 1);
  private static final RealmSnapshot OTHER =
      new RealmSnapshot("r-other", "other", "Other", true, 300, Instant.EPOCH, 1);

  private final RecordingEvent<AuditEvent> audit = new RecordingEvent<>();
  private final ClientScopeService service =
      new ClientScopeService(
          new InMemoryClientScopeRepository(), audit, Immediately.CLOCK, UseCase.direct());

  private static ApplicationProblem.Kind kindOf(Runnable call) {
    return assertThrows(ApplicationProblem.class, call::run).kind();
  }

  @Test
  void listWhenNothingDefinedThenStandardScopesBuiltIn() {
    List<ClientScopeView> all = service.list(ACME);
    assertEquals(
        List.of(
            "openid",
            "profile",
            "email",
            "address",
            "phone",
            "offline_access",
            "groups",
            "organization",
            "admin"),
        all.stream().map(ClientScopeView::name).toList());
    assertTrue(all.stream().allMatch(ClientScopeView::builtIn));
  }

  @Test
  void createWhenNewThenListedAfterBuiltInsAndAudited() {
    service.create(ACME, "billing:read", "Read invoices", ADMIN);
    List<ClientScopeView> all = service.list(ACME);
    assertEquals(
        new ClientScopeView("billing:read", "Read invoices", false), all.get(all.size() - 1));
    assertEquals(AuditEventTypes.CLIENT_SCOPE_CREATED, audit.fired().get(0).type());
    assertEquals(9, service.list(OTHER).size());
  }

  @Test
  void createWhenNameTakenOrBuiltInThenConflict() {
    service.create(ACME, "read", null, ADMIN);
    assertEquals(
        ApplicationProblem.Kind.CONFLICT, kindOf(() -> service.create(ACME, "read", null, ADMIN)));
    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        kindOf(() -> service.create(ACME, "openid", null, ADMIN)));
  }

  @Test
  void createWhenNameNotAScopeTokenThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> service.create(ACME, "a b", null, ADMIN)));
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> service.create(ACME, "x".repeat(129), null, ADMIN)));
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> service.create(ACME, "ok", "d".repeat(256), ADMIN)));
  }

  @Test
  void deleteWhenBuiltInThenConflictWhenDefinedThenGone() {
    assertEquals(
        ApplicationProblem.Kind.CONFLICT, kindOf(() -> service.delete(ACME, "profile", ADMIN)));
    service.create(ACME, "read", null, ADMIN);
    service.delete(ACME, "read", ADMIN);
    assertEquals(ApplicationProblem.Kind.NOT_FOUND, kindOf(() -> service.get(ACME, "read")));
    assertEquals(
        ApplicationProblem.Kind.NOT_FOUND, kindOf(() -> service.delete(ACME, "read", ADMIN)));
  }

  @Test
  void requireKnownWhenUnknownThenInvalidNamingTheField() {
    service.create(ACME, "read", null, ADMIN);
    service.requireKnown(ACME, List.of("openid", "read"), "allowedScopes");
    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () -> service.requireKnown(ACME, List.of("write"), "allowedScopes"));
    assertEquals("allowedScopes", problem.field());
  }
}
