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
import java.util.List;
import java.util.stream.IntStream;
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
  void createWhenDatabaseRefusesTheRowThenItsEventRollsBackWithIt() {
    RealmSnapshot realm = testRealms.create();
    // 100 valid scope tokens of 60 characters: more than the 2048 the column holds, which the
    // entity does not check, so PostgreSQL refuses the row when EclipseLink flushes it. By then
    // the CLIENT_CREATED event has been inserted in the same transaction.
    List<String> scopes =
        IntStream.range(0, 100)
            .mapToObj(i -> String.format("scope-%03d-", i) + "x".repeat(50))
            .toList();

    assertThrows(RuntimeException.class, () -> createService(realm, "wide", scopes));

    assertEquals(0, rows.number(CLIENT_ROWS, realm.id(), "wide"));
    assertEquals(0, rows.number(CREATED_EVENTS, realm.id(), "wide"));
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
