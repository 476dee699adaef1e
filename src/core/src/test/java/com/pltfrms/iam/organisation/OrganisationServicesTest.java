package com.pltfrms.iam.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import com.pltfrms.iam.testing.Immediately;
import com.pltfrms.iam.testing.RecordingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organisation, member and role services over an in-memory repository. */
class OrganisationServicesTest {

  private static final Actor ADMIN = Actor.client("c0ffee00-0000-4000-8000-000000000001", "ops");
  private static final RealmSnapshot ACME =
      new RealmSnapshot("r-acme", "acme", "Acme", true, 300, Instant.EPOCH, 1);
  private static final RealmSnapshot OTHER =
      new RealmSnapshot("r-other", "other", "Other", true, 300, Instant.EPOCH, 1);
  private static final String ALICE = "u-alice";
  private static final String STRANGER = "u-stranger";

  private final InMemoryOrganisationRepository repository = new InMemoryOrganisationRepository();
  private final RecordingEvent<AuditEvent> audit = new RecordingEvent<>();
  private final OrganisationAccess access = new OrganisationAccess(repository);
  private final OrganisationService organisations =
      new OrganisationService(
          repository,
          access,
          Immediately.afterCompletion(),
          audit,
          Immediately.CLOCK,
          UseCase.direct());
  private final OrganisationMemberService members =
      new OrganisationMemberService(
          repository,
          access,
          Immediately.afterCompletion(),
          audit,
          Immediately.CLOCK,
          UseCase.direct());
  private final OrganisationRoleService roles =
      new OrganisationRoleService(
          repository,
          access,
          Immediately.afterCompletion(),
          audit,
          Immediately.CLOCK,
          UseCase.direct());

  @BeforeEach
  void setUp() {
    repository.user(ACME.id(), ALICE, "alice");
    repository.user(OTHER.id(), STRANGER, "stranger");
    roles.create(ACME, "approver", null, ADMIN);
    roles.create(ACME, "viewer", null, ADMIN);
  }

  private static OrganisationChanges named(String name, String... domains) {
    return new OrganisationChanges(
        Optional.of(name),
        Optional.empty(),
        Optional.empty(),
        Optional.of(List.of(domains).stream().map(OrganisationDomain::unverified).toList()),
        Optional.empty());
  }

  private OrganisationSnapshot create(String alias, String... domains) {
    return organisations.create(ACME, new OrganisationAlias(alias), named(alias, domains), ADMIN);
  }

  private static ApplicationProblem problem(Runnable call) {
    return assertThrows(ApplicationProblem.class, call::run);
  }

  private List<String> types() {
    return audit.fired().stream().map(AuditEvent::type).toList();
  }

  @Test
  void createWhenAliasTakenThenConflictNamingAlias() {
    create("globex");
    ApplicationProblem conflict = problem(() -> create("globex"));
    assertEquals(ApplicationProblem.Kind.CONFLICT, conflict.kind());
    assertEquals("alias", conflict.field());
    assertEquals(1, repository.organisations.size());
  }

  @Test
  void createWhenDomainOwnedByAnotherThenConflictNamingDomains() {
    create("globex", "globex.com");
    ApplicationProblem conflict = problem(() -> create("initech", "GLOBEX.com"));
    assertEquals(ApplicationProblem.Kind.CONFLICT, conflict.kind());
    assertEquals("domains", conflict.field());
  }

  @Test
  void createWhenDoneThenAuditedWithDomains() {
    create("globex", "globex.com");
    AuditEvent created = audit.fired().get(audit.fired().size() - 1);
    assertEquals(AuditEventTypes.ORGANIZATION_CREATED, created.type());
    assertEquals("globex", created.target());
    assertEquals("globex.com", created.details().get("domains"));
  }

  @Test
  void updateWhenIfMatchStaleThenPreconditionFailedAndUnchanged() {
    OrganisationSnapshot globex = create("globex");
    IfMatch stale = IfMatch.parse(IfMatch.tag(globex.version() + 3));
    assertEquals(
        ApplicationProblem.Kind.PRECONDITION_FAILED,
        problem(() -> organisations.update(ACME, "globex", named("Renamed"), stale, ADMIN)).kind());
    assertEquals("globex", organisations.get(ACME, "globex").name());
  }

  @Test
  void updateWhenOwnDomainsKeptThenNoConflict() {
    create("globex", "globex.com");
    OrganisationSnapshot updated =
        organisations.update(
            ACME, "globex", named("Globex", "globex.com", "globex.de"), IfMatch.none(), ADMIN);
    assertEquals(2, updated.domains().size());
  }

  @Test
  void getWhenOrganisationOfAnotherRealmThenNotFound() {
    create("globex");
    assertEquals(
        ApplicationProblem.Kind.NOT_FOUND,
        problem(() -> organisations.get(OTHER, "globex")).kind());
  }

  @Test
  void addWhenTwiceThenOneMemberAndOneAuditEvent() {
    create("globex");
    assertTrue(members.add(ACME, "globex", ALICE, ADMIN));
    assertFalse(members.add(ACME, "globex", ALICE, ADMIN));
    assertEquals(
        1, types().stream().filter(AuditEventTypes.ORGANIZATION_MEMBER_ADDED::equals).count());
    assertEquals(1, members.list(ACME, "globex", new PageRequest(0, 10)).total());
  }

  @Test
  void addWhenUserOfAnotherRealmThenNotFound() {
    create("globex");
    assertEquals(
        ApplicationProblem.Kind.NOT_FOUND,
        problem(() -> members.add(ACME, "globex", STRANGER, ADMIN)).kind());
  }

  @Test
  void grantWhenNotMemberThenConflict() {
    create("globex");
    ApplicationProblem conflict =
        problem(() -> members.grant(ACME, "globex", ALICE, "viewer", ADMIN));
    assertEquals(ApplicationProblem.Kind.CONFLICT, conflict.kind());
  }

  @Test
  void grantWhenRoleUnknownThenNotFound() {
    create("globex");
    members.add(ACME, "globex", ALICE, ADMIN);
    assertEquals(
        ApplicationProblem.Kind.NOT_FOUND,
        problem(() -> members.grant(ACME, "globex", ALICE, "auditor", ADMIN)).kind());
  }

  @Test
  void grantWhenMemberOfTwoOrganisationsThenRolesHeldPerOrganisation() {
    create("globex");
    create("initech");
    members.add(ACME, "globex", ALICE, ADMIN);
    members.add(ACME, "initech", ALICE, ADMIN);
    members.grant(ACME, "globex", ALICE, "approver", ADMIN);
    members.grant(ACME, "initech", ALICE, "viewer", ADMIN);
    assertEquals(List.of("approver"), members.roles(ACME, "globex", ALICE));
    assertEquals(List.of("viewer"), members.roles(ACME, "initech", ALICE));
    Map<String, OrganisationGrant> grants = access.of(ACME.id(), ALICE);
    assertEquals(List.of("globex", "initech"), List.copyOf(grants.keySet()));
    assertEquals(List.of("approver"), grants.get("globex").roles());
    assertEquals(List.of("viewer"), grants.get("initech").roles());
  }

  @Test
  void removeWhenMemberHeldRolesThenRolesGoToo() {
    create("globex");
    members.add(ACME, "globex", ALICE, ADMIN);
    members.grant(ACME, "globex", ALICE, "approver", ADMIN);
    members.remove(ACME, "globex", ALICE, ADMIN);
    members.add(ACME, "globex", ALICE, ADMIN);
    assertEquals(List.of(), members.roles(ACME, "globex", ALICE));
    AuditEvent removed =
        audit.fired().stream()
            .filter(e -> e.type().equals(AuditEventTypes.ORGANIZATION_MEMBER_REMOVED))
            .findFirst()
            .orElseThrow();
    assertEquals("approver", removed.details().get("roles"));
  }

  @Test
  void accessWhenGrantedAfterCachedThenEvictedAndFresh() {
    create("globex");
    members.add(ACME, "globex", ALICE, ADMIN);
    assertEquals(List.of(), access.of(ACME.id(), ALICE).get("globex").roles());
    members.grant(ACME, "globex", ALICE, "approver", ADMIN);
    assertEquals(List.of("approver"), access.of(ACME.id(), ALICE).get("globex").roles());
    assertTrue(repository.announced.contains(ALICE), "other nodes are told");
  }

  @Test
  void accessWhenOrganisationDisabledThenNotCounted() {
    create("globex");
    members.add(ACME, "globex", ALICE, ADMIN);
    assertEquals(1, access.of(ACME.id(), ALICE).size());
    organisations.update(
        ACME,
        "globex",
        new OrganisationChanges(
            Optional.empty(),
            Optional.empty(),
            Optional.of(false),
            Optional.empty(),
            Optional.empty()),
        IfMatch.none(),
        ADMIN);
    assertEquals(Map.of(), access.of(ACME.id(), ALICE));
    assertTrue(repository.announced.contains(OrganisationAccess.ALL));
  }

  @Test
  void accessWhenAskedForAnotherRealmThenEmpty() {
    create("globex");
    members.add(ACME, "globex", ALICE, ADMIN);
    access.of(ACME.id(), ALICE);
    assertEquals(Map.of(), access.of(OTHER.id(), ALICE));
  }

  @Test
  void deleteWhenMembersThenGoneAuditedAndEveryoneEvicted() {
    create("globex");
    members.add(ACME, "globex", ALICE, ADMIN);
    members.grant(ACME, "globex", ALICE, "approver", ADMIN);
    access.of(ACME.id(), ALICE);
    organisations.delete(ACME, "globex", IfMatch.none(), ADMIN);
    assertEquals(Map.of(), access.of(ACME.id(), ALICE));
    assertTrue(repository.members.isEmpty());
    assertTrue(repository.memberRoles.isEmpty());
    AuditEvent deleted = audit.fired().get(audit.fired().size() - 1);
    assertEquals(AuditEventTypes.ORGANIZATION_DELETED, deleted.type());
    assertEquals("1", deleted.details().get("members"));
  }

  @Test
  void createRoleWhenNameTakenThenConflictNamingName() {
    ApplicationProblem conflict = problem(() -> roles.create(ACME, "approver", null, ADMIN));
    assertEquals(ApplicationProblem.Kind.CONFLICT, conflict.kind());
    assertEquals("name", conflict.field());
    roles.create(OTHER, "approver", null, ADMIN); // another realm's namespace
  }

  @Test
  void deleteRoleWhenHeldThenTakenFromMembers() {
    create("globex");
    members.add(ACME, "globex", ALICE, ADMIN);
    members.grant(ACME, "globex", ALICE, "approver", ADMIN);
    roles.delete(ACME, "approver", ADMIN);
    assertEquals(List.of(), members.roles(ACME, "globex", ALICE));
    assertEquals(
        ApplicationProblem.Kind.NOT_FOUND, problem(() -> roles.get(ACME, "approver")).kind());
  }

  @Test
  void auditWhenAnyChangeThenNoDetailHoldsAttributeValues() {
    organisations.create(
        ACME,
        new OrganisationAlias("globex"),
        new OrganisationChanges(
            Optional.of("Globex"),
            Optional.of("secret plans"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Map.of("apiKey", List.of("s3cr3t")))),
        ADMIN);
    String details = audit.fired().get(audit.fired().size() - 1).details().toString();
    assertFalse(details.contains("s3cr3t"), details);
    assertFalse(details.contains("secret plans"), details);
  }
}
