package com.pltfrms.iam.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Keyset;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import com.pltfrms.iam.testing.Immediately;
import com.pltfrms.iam.testing.RecordingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RealmServiceTest {

  private static final Actor ADMIN = Actor.client("c0ffee00-0000-4000-8000-000000000001", "ops");

  private final InMemoryRealmRepository repository = new InMemoryRealmRepository();
  private final RecordingEvent<AuditEvent> audit = new RecordingEvent<>();
  private final List<String> keysCreatedFor = new ArrayList<>();
  private final KeyService keys =
      new KeyService() {
        @Override
        public KeyView createInitial(String realmId, String realmName, Actor actor) {
          keysCreatedFor.add(realmName);
          return null;
        }
      };
  private final RealmDirectory directory = new RealmDirectory(repository);
  private final RealmService service =
      new RealmService(
          repository,
          keys,
          directory,
          Immediately.afterCompletion(),
          audit,
          Immediately.CLOCK,
          UseCase.direct());

  private RealmSnapshot create(String name) {
    return service.create(new RealmName(name), null, ADMIN);
  }

  private static RealmChanges rename(String displayName) {
    return new RealmChanges(Optional.of(displayName), Optional.empty(), Optional.empty());
  }

  private static ApplicationProblem.Kind kindOf(Runnable call) {
    return assertThrows(ApplicationProblem.class, call::run).kind();
  }

  @Test
  void createWhenNameFreeThenStoredWithItsFirstKeyAndAudited() {
    RealmSnapshot realm = create("acme");

    assertEquals("acme", repository.findByName("acme").orElseThrow().name());
    assertEquals(List.of("acme"), keysCreatedFor);
    AuditEvent event = audit.fired().get(0);
    assertEquals(AuditEventTypes.REALM_CREATED, event.type());
    assertEquals(ADMIN, event.actor());
    assertEquals(realm.id(), event.realmId());
  }

  @Test
  void createWhenNameFreeThenNameLockedFirst() {
    create("acme");
    assertEquals("name:acme", repository.locked.get(0));
  }

  @Test
  void createWhenNameTakenThenConflictAndNoSecondKeyOrEvent() {
    create("acme");
    audit.fired().clear();

    assertEquals(ApplicationProblem.Kind.CONFLICT, kindOf(() -> create("acme")));
    assertEquals(List.of("acme"), keysCreatedFor);
    assertEquals(List.of(), audit.fired());
  }

  @Test
  void createWhenDoneThenOtherNodesTold() {
    create("acme");
    assertEquals(List.of("acme"), repository.announced);
  }

  @Test
  void updateWhenIfMatchStaleThenPreconditionFailedAndNothingChanged() {
    RealmSnapshot realm = create("acme");
    IfMatch stale = IfMatch.parse(IfMatch.tag(realm.version() + 1));

    assertEquals(
        ApplicationProblem.Kind.PRECONDITION_FAILED,
        kindOf(() -> service.update("acme", rename("Changed"), stale, ADMIN)));
    assertEquals("acme", service.get("acme").displayName());
  }

  @Test
  void updateWhenIfMatchCurrentThenChangedAndAudited() {
    RealmSnapshot realm = create("acme");
    IfMatch current = IfMatch.parse(IfMatch.tag(realm.version()));

    assertEquals("Acme", service.update("acme", rename("Acme"), current, ADMIN).displayName());
    AuditEvent event = audit.fired().get(audit.fired().size() - 1);
    assertEquals(AuditEventTypes.REALM_UPDATED, event.type());
    assertEquals("Acme", event.details().get("displayName"));
  }

  @Test
  void updateWhenWritingThenRowLockedBeforeThePreconditionIsChecked() {
    create("acme");
    service.update("acme", rename("Acme"), IfMatch.none(), ADMIN);
    assertTrue(repository.locked.contains("row:acme"));
  }

  @Test
  void updateWhenSystemRealmTokenLifetimeOverFiveMinutesThenInvalid() {
    create(RealmName.SYSTEM);
    RealmChanges tooLong = new RealmChanges(Optional.empty(), Optional.empty(), Optional.of(301));
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        kindOf(() -> service.update(RealmName.SYSTEM, tooLong, IfMatch.none(), ADMIN)));
  }

  @Test
  void updateWhenOtherRealmTokenLifetimeOverFiveMinutesThenAccepted() {
    create("acme");
    RealmChanges hour = new RealmChanges(Optional.empty(), Optional.empty(), Optional.of(3600));
    assertEquals(
        3600, service.update("acme", hour, IfMatch.none(), ADMIN).accessTokenLifetimeSeconds());
  }

  @Test
  void updateWhenSystemRealmDisabledThenConflict() {
    create(RealmName.SYSTEM);
    RealmChanges off = new RealmChanges(Optional.empty(), Optional.of(false), Optional.empty());
    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        kindOf(() -> service.update(RealmName.SYSTEM, off, IfMatch.none(), ADMIN)));
  }

  @Test
  void deleteWhenSystemRealmThenConflictAndKept() {
    create(RealmName.SYSTEM);
    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        kindOf(() -> service.delete(RealmName.SYSTEM, IfMatch.none(), ADMIN)));
    assertTrue(repository.findByName(RealmName.SYSTEM).isPresent());
  }

  @Test
  void deleteWhenRealmExistsThenGoneAndAudited() {
    create("acme");
    service.delete("acme", IfMatch.none(), ADMIN);
    assertTrue(repository.findByName("acme").isEmpty());
    assertEquals(AuditEventTypes.REALM_DELETED, audit.fired().get(audit.fired().size() - 1).type());
  }

  @Test
  void getWhenUnknownOrMalformedThenNotFound() {
    assertEquals(ApplicationProblem.Kind.NOT_FOUND, kindOf(() -> service.get("nope")));
    assertEquals(ApplicationProblem.Kind.NOT_FOUND, kindOf(() -> service.get("Bad Name\u0000")));
  }

  @Test
  void listWhenPagedThenOrderedByNameWithTotal() {
    create("charlie");
    create("alpha");
    create("bravo");
    var page = service.list(new PageRequest(1, 1));
    assertEquals(List.of("bravo"), page.items().stream().map(RealmSnapshot::name).toList());
    assertEquals(3, page.total());
  }

  @Test
  void listWhenPagedByOffsetThenNamesNeighbourCursors() {
    create("charlie");
    create("alpha");
    create("bravo");
    var page = service.list(new PageRequest(1, 1));
    assertEquals("bravo", page.next());
    assertEquals("bravo", page.prev());
  }

  @Test
  void listWhenAfterNameThenNextPageWithItsOffset() {
    create("charlie");
    create("alpha");
    create("bravo");
    create("delta");
    var page = service.list(Keyset.after("alpha", 2));
    assertEquals(
        List.of("bravo", "charlie"), page.items().stream().map(RealmSnapshot::name).toList());
    assertEquals(1, page.offset());
    assertEquals(4, page.total());
    assertEquals("charlie", page.next());
    assertEquals("bravo", page.prev());
  }

  @Test
  void listWhenAfterLastPageThenNoNextCursor() {
    create("alpha");
    create("bravo");
    var page = service.list(Keyset.after("alpha", 5));
    assertEquals(List.of("bravo"), page.items().stream().map(RealmSnapshot::name).toList());
    assertNull(page.next());
  }

  @Test
  void listWhenAfterDeletedNameThenContinuesFromItsPlace() {
    create("alpha");
    create("charlie");
    var page = service.list(Keyset.after("bravo", 5));
    assertEquals(List.of("charlie"), page.items().stream().map(RealmSnapshot::name).toList());
    assertEquals(1, page.offset());
  }

  @Test
  void listWhenBeforeNameThenPreviousPageInNameOrder() {
    create("alpha");
    create("bravo");
    create("charlie");
    create("delta");
    var page = service.list(Keyset.before("delta", 2));
    assertEquals(
        List.of("bravo", "charlie"), page.items().stream().map(RealmSnapshot::name).toList());
    assertEquals(1, page.offset());
    assertEquals("bravo", page.prev());
    assertEquals("charlie", page.next());
  }

  @Test
  void listWhenBeforeFirstThenEmptyWithoutCursors() {
    create("alpha");
    var page = service.list(Keyset.before("alpha", 2));
    assertTrue(page.items().isEmpty());
    assertNull(page.prev());
    assertNull(page.next());
  }

  @Test
  void keysetWhenAfterAndBeforeThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> new Keyset("a", "b", 10)));
  }

  @Test
  void directoryWhenRealmChangedThenEvictedAndReloaded() {
    create("acme");
    assertEquals("acme", directory.find("acme").orElseThrow().displayName());
    service.update("acme", rename("Acme Corp"), IfMatch.none(), ADMIN);
    assertEquals("Acme Corp", directory.find("acme").orElseThrow().displayName());
  }
}
