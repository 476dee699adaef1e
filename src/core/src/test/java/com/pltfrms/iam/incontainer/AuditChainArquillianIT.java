package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail's two defences, on the real schema: PostgreSQL refuses to change or delete a
 * sealed row, and {@link AuditService#verify} finds the row that was changed anyway by someone able
 * to switch the trigger off.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainArquillianIT {

  /** PostgreSQL's SQLSTATE for RAISE EXCEPTION, as the append-only trigger raises it. */
  private static final String RAISE_EXCEPTION = "P0001";

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditChainArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject ClientService clients;
  @Inject AuditService audit;
  @Inject Rows rows;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  /** A realm whose chain holds five events: realm and key created, then three clients. */
  private RealmSnapshot realmWithFiveEvents() {
    RealmSnapshot realm = testRealms.create();
    for (String clientId : List.of("alpha", "beta", "gamma")) {
      clients.create(realm, clientId, ClientType.SERVICE, null, List.of(), List.of(), ACTOR);
    }
    return realm;
  }

  private long idAt(RealmSnapshot realm, long chainSeq) {
    return rows.number(
        "SELECT id FROM audit_event WHERE realm_id = ? AND chain_seq = ?", realm.id(), chainSeq);
  }

  @Test
  void verifyWhenEventsAppendedThenValidAndEveryRowChecked() {
    RealmSnapshot realm = realmWithFiveEvents();

    ChainVerification chain = audit.verify(realm.id());

    assertTrue(chain.valid(), chain::reason);
    assertEquals(5, chain.checked());
    assertEquals(
        chain.checked(),
        rows.number("SELECT count(*) FROM audit_event WHERE realm_id = ?", realm.id()));
  }

  @Test
  void verifyWhenSealedRowTamperedWithTriggerOffThenBrokenAtThatRow() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    assertTrue(audit.verify(realm.id()).valid());
    long tampered = idAt(realm, 3);

    try (Connection operator = rows.outsideThePool();
        Statement statement = operator.createStatement()) {
      statement.execute("SET session_replication_role = replica"); // user triggers off
      assertEquals(
          1,
          Rows.update(
              operator, "UPDATE audit_event SET details = '{\"x\":\"y\"}' WHERE id = ?", tampered));
    }
    ChainVerification chain = audit.verify(realm.id());

    assertFalse(chain.valid());
    assertEquals(tampered, chain.brokenAtId());
    assertEquals(3L, chain.brokenAtSeq());
    assertEquals(3, chain.checked());
  }

  @Test
  void updateOrDeleteWhenTriggerOnThenDatabaseRefusesAndChainStaysValid() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    audit.sealAll(realm.id());
    long sealed = idAt(realm, 2);

    try (Connection operator = rows.outsideThePool()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () ->
                  Rows.update(
                      operator,
                      "UPDATE audit_event SET details = '{\"x\":\"y\"}' WHERE id = ?",
                      sealed));
      assertEquals(RAISE_EXCEPTION, update.getSQLState());
      SQLException delete =
          assertThrows(
              SQLException.class,
              () -> Rows.update(operator, "DELETE FROM audit_event WHERE id = ?", sealed));
      assertEquals(RAISE_EXCEPTION, delete.getSQLState());
    }

    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM audit_event WHERE id = ? AND details <> '{\"x\":\"y\"}'", sealed),
        "still there, unchanged");
    ChainVerification chain = audit.verify(realm.id());
    assertTrue(chain.valid(), chain::reason);
    assertEquals(5, chain.checked());
  }
}
