package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static com.pltfrms.iam.incontainer.TestRealms.eventsOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyStatus;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RealmService} with real transactions: a realm is created with its first key and both are
 * audited in one transaction, a clash leaves nothing behind, and a deletion takes the realm's
 * clients and keys along but never its audit trail.
 */
@ExtendWith(ArquillianExtension.class)
class RealmServiceArquillianIT {

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(RealmServiceArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject RealmService realms;
  @Inject KeyService keys;
  @Inject ClientService clients;
  @Inject AuditService audit;
  @Inject Rows rows;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  @Test
  void createWhenNameFreeThenOneActiveKeyAndBothCreationsAudited() {
    RealmSnapshot realm = testRealms.create();

    List<KeyView> realmKeys = keys.list(realm.id());
    assertEquals(1, realmKeys.size());
    KeyView key = realmKeys.get(0);
    assertEquals(KeyStatus.ACTIVE, key.status());

    Page<AuditRecord> realmCreated =
        audit.list(realm.id(), eventsOfType(AuditEventTypes.REALM_CREATED));
    assertEquals(1, realmCreated.total());
    assertEquals(realm.name(), realmCreated.items().get(0).target());
    assertEquals(ACTOR.name(), realmCreated.items().get(0).actor());
    Page<AuditRecord> keyCreated =
        audit.list(realm.id(), eventsOfType(AuditEventTypes.KEY_CREATED));
    assertEquals(1, keyCreated.total());
    assertEquals(key.kid(), keyCreated.items().get(0).target());

    ChainVerification chain = audit.verify(realm.id());
    assertTrue(chain.valid(), chain::reason);
    assertEquals(2, chain.checked());
  }

  @Test
  void createWhenNameTakenThenConflictAndNothingHalfWritten() {
    RealmSnapshot realm = testRealms.create();

    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () -> realms.create(new RealmName(realm.name()), "Again", ACTOR));

    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals(1, rows.number("SELECT count(*) FROM realm WHERE name = ?", realm.name()));
    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM signing_key k JOIN realm r ON r.id = k.realm_id"
                + " WHERE r.name = ?",
            realm.name()));
    assertEquals(1, keys.list(realm.id()).size());
    // Only the first creation's REALM_CREATED and KEY_CREATED, under any realm id.
    assertEquals(
        2, rows.number("SELECT count(*) FROM audit_event WHERE realm_name = ?", realm.name()));
  }

  @Test
  void deleteWhenRealmHasClientsAndKeysThenTheyGoButItsAuditTrailStays() {
    RealmSnapshot realm = testRealms.create();
    clients.create(realm, "billing", ClientType.SERVICE, null, List.of(), List.of(), ACTOR);
    clients.create(realm, "reports", ClientType.SERVICE, null, List.of(), List.of(), ACTOR);
    keys.add(realm.id(), realm.name(), ACTOR);
    long eventsBefore =
        rows.number("SELECT count(*) FROM audit_event WHERE realm_id = ?", realm.id());
    assertEquals(5, eventsBefore, "realm, first key, two clients, second key");

    realms.delete(realm.name(), IfMatch.none(), ACTOR);

    assertEquals(0, rows.number("SELECT count(*) FROM realm WHERE id = ?", realm.id()));
    assertEquals(
        0, rows.number("SELECT count(*) FROM oauth_client WHERE realm_id = ?", realm.id()));
    assertEquals(0, rows.number("SELECT count(*) FROM signing_key WHERE realm_id = ?", realm.id()));
    assertEquals(
        ApplicationProblem.Kind.NOT_FOUND,
        assertThrows(ApplicationProblem.class, () -> realms.get(realm.name())).kind());

    assertEquals(
        eventsBefore + 1,
        rows.number("SELECT count(*) FROM audit_event WHERE realm_id = ?", realm.id()));
    assertEquals(1, audit.list(realm.id(), eventsOfType(AuditEventTypes.REALM_DELETED)).total());
    ChainVerification chain = audit.verify(realm.id());
    assertTrue(chain.valid(), chain::reason);
    assertEquals(eventsBefore + 1, chain.checked());
  }

  @Test
  void deleteWhenSystemRealmThenConflictAndItStays() {
    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class, () -> realms.delete(RealmName.SYSTEM, IfMatch.none(), ACTOR));

    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals(RealmName.SYSTEM, realms.get(RealmName.SYSTEM).name());
  }
}
