package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.AuditWriter;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail's defences on the real schema: PostgreSQL refuses to change, delete or truncate
 * sealed rows; {@link AuditService#verify} finds a row changed anyway by someone able to switch the
 * triggers off, and keeps saying so; and chains sealed before rows carried the actor's type and id
 * (canonical form version 1) still verify, also once new rows follow them.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainArquillianIT {

  /** PostgreSQL's SQLSTATE for RAISE EXCEPTION, as the append-only triggers raise it. */
  private static final String RAISE_EXCEPTION = "P0001";

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditChainArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject ClientService clients;
  @Inject AuditService audit;
  @Inject AuditWriter writer;
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

  private long idAt(String realmId, long chainSeq) {
    return rows.number(
        "SELECT id FROM audit_event WHERE realm_id = ? AND chain_seq = ?", realmId, chainSeq);
  }

  /** Changes a sealed row's details as a superuser can: with the triggers off. */
  private void tamper(long id) throws SQLException {
    try (Connection operator = rows.outsideThePool();
        Statement statement = operator.createStatement()) {
      statement.execute("SET session_replication_role = replica"); // user triggers off
      assertEquals(
          1,
          Rows.update(
              operator, "UPDATE audit_event SET details = '{\"x\":\"y\"}' WHERE id = ?", id));
    }
  }

  @Test
  void verifyWhenEventsAppendedThenValidAndEveryRowChecked() {
    RealmSnapshot realm = realmWithFiveEvents();

    ChainVerification chain = audit.verify(realm.id());

    assertTrue(chain.valid(), chain::reason);
    assertEquals(5, chain.checked());
    assertTrue(chain.complete());
    assertEquals(
        chain.checked(),
        rows.number("SELECT count(*) FROM audit_event WHERE realm_id = ?", realm.id()));
  }

  @Test
  void verifyWhenEventsAppendedThenRowsCarryActorTypeIdAndFormVersion() {
    RealmSnapshot realm = realmWithFiveEvents();
    audit.sealAll(realm.id());

    assertEquals(
        5,
        rows.number(
            "SELECT count(*) FROM audit_event WHERE realm_id = ? AND actor_type = 'system'"
                + " AND actor_id IS NULL AND actor = ? AND form_version = 2",
            realm.id(),
            ACTOR.name()));
  }

  @Test
  void verifyFromStartWhenSealedRowTamperedWithTriggerOffThenBrokenAtThatRow() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    assertTrue(audit.verify(realm.id()).valid());
    long tampered = idAt(realm.id(), 3);

    tamper(tampered);
    ChainVerification chain = audit.verify(realm.id(), 1);

    assertFalse(chain.valid());
    assertEquals(tampered, chain.brokenAtId());
    assertEquals(3L, chain.brokenAtSeq());
    assertEquals(3, chain.checked());
  }

  @Test
  void verifyWhenBreakFoundOnceThenReportedFromThenOn() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    assertTrue(audit.verify(realm.id()).valid());
    tamper(idAt(realm.id(), 2));
    assertFalse(audit.verify(realm.id(), 1).valid());

    ChainVerification incremental = audit.verify(realm.id());

    assertFalse(incremental.valid());
    assertEquals(2L, incremental.brokenAtSeq());
  }

  @Test
  void updateOrDeleteWhenTriggerOnThenDatabaseRefusesAndChainStaysValid() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    audit.sealAll(realm.id());
    long sealed = idAt(realm.id(), 2);

    try (Connection operator = rows.outsideThePool()) {
      for (String change :
          List.of(
              "UPDATE audit_event SET details = '{\"x\":\"y\"}' WHERE id = ?",
              "UPDATE audit_event SET realm_name = 'renamed' WHERE id = ?",
              "UPDATE audit_event SET actor_type = 'user' WHERE id = ?",
              "UPDATE audit_event SET hash = NULL, chain_seq = NULL WHERE id = ?",
              "DELETE FROM audit_event WHERE id = ?")) {
        SQLException refused =
            assertThrows(SQLException.class, () -> Rows.update(operator, change, sealed), change);
        assertEquals(RAISE_EXCEPTION, refused.getSQLState(), change);
      }
    }

    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM audit_event WHERE id = ? AND details <> '{\"x\":\"y\"}'"
                + " AND realm_name = ?",
            sealed,
            realm.name()),
        "still there, unchanged");
    ChainVerification chain = audit.verify(realm.id(), 1);
    assertTrue(chain.valid(), chain::reason);
    assertEquals(5, chain.checked());
  }

  @Test
  void truncateWhenTriggerOnThenRefusedOnTheTableAndOnEveryPartition() throws SQLException {
    List<String> tables =
        List.of(
            "audit_event",
            "audit_event_default",
            "audit_event_"
                + YearMonth.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMM")),
            "audit_checkpoint");
    try (Connection operator = rows.outsideThePool();
        Statement statement = operator.createStatement()) {
      for (String table : tables) {
        SQLException refused =
            assertThrows(SQLException.class, () -> statement.execute("TRUNCATE " + table), table);
        assertEquals(RAISE_EXCEPTION, refused.getSQLState(), table);
      }
    }
  }

  @Test
  void verifyWhenChainSealedBeforeActorTypesAndContinuedAfterThenValid() throws SQLException {
    // Two rows as the landed code wrote and sealed them (no actor type or id, form version 1),
    // with the head the migration derives from them; then the new code appends two more.
    String realmId = UUID.randomUUID().toString();
    String previous = DocumentedChain.GENESIS;
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Connection db = rows.outsideThePool()) {
      for (int seq = 1; seq <= 2; seq++) {
        long id = Rows.next(db, "SELECT nextval('audit_event_id_seq')");
        Map<String, String> members =
            Map.of(
                "id", Long.toString(id),
                "realmId", realmId,
                "realmName", "legacy",
                "type", "CLIENT_CREATED",
                "occurredAt", at.plusSeconds(seq).toString(),
                "actor", "admin",
                "target", "c" + seq,
                "outcome", "SUCCESS",
                "details", "{}");
        String hash = DocumentedChain.hash(previous, members);
        try (PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO audit_event (id, realm_id, realm_name, event_type, occurred_at,"
                    + " actor, target, outcome, details, form_version, chain_seq, prev_hash, hash)"
                    + " VALUES (?, ?, 'legacy', 'CLIENT_CREATED', ?, 'admin', ?, 'SUCCESS', '{}',"
                    + " 1, ?, ?, ?)")) {
          insert.setLong(1, id);
          insert.setString(2, realmId);
          insert.setObject(3, at.plusSeconds(seq).atOffset(ZoneOffset.UTC));
          insert.setString(4, "c" + seq);
          insert.setLong(5, seq);
          insert.setString(6, previous);
          insert.setString(7, hash);
          insert.executeUpdate();
        }
        previous = hash;
      }
      Rows.update(
          db,
          "INSERT INTO audit_chain_head (realm_id, seq, hash, sealed_at) VALUES (?, 2, ?, now())",
          realmId,
          previous);
    }
    for (int i = 0; i < 2; i++) {
      writer.append(
          new AuditEvent(
              realmId,
              "legacy",
              "CLIENT_UPDATED",
              Actor.client("7d3f0a4e-client", "svc"),
              "svc",
              true,
              Map.of("n", Integer.toString(i))));
    }

    ChainVerification chain = audit.verify(realmId, 1);

    assertTrue(chain.valid(), chain::reason);
    assertEquals(4, chain.checked());
    assertEquals(
        2,
        rows.number(
            "SELECT count(*) FROM audit_event WHERE realm_id = ? AND form_version = 2"
                + " AND actor_type = 'client' AND actor_id = '7d3f0a4e-client' AND chain_seq > 2",
            realmId));
  }
}
