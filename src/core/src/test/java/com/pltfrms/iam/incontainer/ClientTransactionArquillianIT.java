package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A change and its audit event commit together or not at all: {@link ClientService} writes the
 * client through EclipseLink and the event through plain JDBC on the same JTA transaction, so
 * whatever undoes the one must undo the other.
 */
@ExtendWith(ArquillianExtension.class)
class ClientTransactionArquillianIT {

  private static final String CLIENT_ROWS =
      "SELECT count(*) FROM oauth_client WHERE realm_id = ? AND client_id = ?";
  private static final String CREATED_EVENTS =
      "SELECT count(*) FROM audit_event WHERE realm_id = ? AND target = ? AND event_type = '"
          + AuditEventTypes.CLIENT_CREATED
          + "'";

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(ClientTransactionArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject ClientService clients;
  @Inject Rows rows;
  @Inject UserTransaction transaction;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  private void createService(RealmSnapshot realm, String clientId, List<String> scopes) {
    clients.create(realm, clientId, ClientType.SERVICE, null, scopes, List.of(), ACTOR);
  }

  @Test
  void createWhenClientIdTakenThenConflictAndNoSecondRowOrEvent() {
    RealmSnapshot realm = testRealms.create();
    createService(realm, "svc", List.of());

    ApplicationProblem problem =
        assertThrows(ApplicationProblem.class, () -> createService(realm, "svc", List.of()));

    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals(1, rows.number(CLIENT_ROWS, realm.id(), "svc"));
    assertEquals(1, rows.number(CREATED_EVENTS, realm.id(), "svc"));
  }

  @Test
  void createWhenDatabaseRefusesTheCommitThenItsEventRollsBackWithIt() throws Exception {
    RealmSnapshot realm = testRealms.create();
    // A deferred constraint trigger refuses this one client id when the transaction commits:
    // after the client row and its CLIENT_CREATED event were both written, so only a single
    // transaction around both can take the event back.
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "CREATE OR REPLACE FUNCTION iam_test_refuse() RETURNS trigger AS"
              + " $$ BEGIN RAISE EXCEPTION 'refused by the test'; END; $$ LANGUAGE plpgsql");
      Rows.update(db, "DROP TRIGGER IF EXISTS iam_test_refuse_client ON oauth_client");
      Rows.update(
          db,
          "CREATE CONSTRAINT TRIGGER iam_test_refuse_client AFTER INSERT ON oauth_client"
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
              + " WHEN (NEW.client_id = 'refused-at-commit') EXECUTE FUNCTION iam_test_refuse()");
    }
    try {
      assertThrows(
          RuntimeException.class, () -> createService(realm, "refused-at-commit", List.of()));
    } finally {
      try (Connection db = rows.outsideThePool()) {
        Rows.update(db, "DROP TRIGGER IF EXISTS iam_test_refuse_client ON oauth_client");
      }
    }

    assertEquals(0, rows.number(CLIENT_ROWS, realm.id(), "refused-at-commit"));
    assertEquals(0, rows.number(CREATED_EVENTS, realm.id(), "refused-at-commit"));
    createService(realm, "accepted", List.of());
    assertEquals(1, rows.number(CREATED_EVENTS, realm.id(), "accepted"));
  }

  @Test
  void createWhenCallerRollsBackThenClientAndEventAreBothGone() throws Exception {
    RealmSnapshot realm = testRealms.create();

    transaction.begin();
    try {
      createService(realm, "undone", List.of());
    } finally {
      transaction.rollback();
    }

    assertEquals(0, rows.number(CLIENT_ROWS, realm.id(), "undone"));
    assertEquals(0, rows.number(CREATED_EVENTS, realm.id(), "undone"));
  }
}
