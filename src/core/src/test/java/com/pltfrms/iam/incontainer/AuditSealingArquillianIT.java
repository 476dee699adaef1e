package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The background sealer keeps going around realms that cannot be sealed: a realm whose row will not
 * seal, or whose lock another node holds and does not let go, stays behind alone while every other
 * realm is sealed; a request that needs the stuck realm sealed waits a bounded time and answers.
 */
@ExtendWith(ArquillianExtension.class)
class AuditSealingArquillianIT {

  private static final Duration BACKGROUND = Duration.ofSeconds(20);

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditSealingArquillianIT.class);
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

  private long unsealed(String realmId) {
    return rows.number(
        "SELECT count(*) FROM audit_event WHERE realm_id = ? AND hash IS NULL", realmId);
  }

  /** Waits (up to {@link #BACKGROUND}) for the background sealer to seal the realm's rows. */
  private void awaitSealedInTheBackground(String realmId) throws InterruptedException {
    long deadline = System.nanoTime() + BACKGROUND.toNanos();
    while (unsealed(realmId) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(0, unsealed(realmId), "sealed by the background task");
  }

  @Test
  void sealingWhenOneRealmsRowWillNotSealThenOtherRealmsAreStillSealed() throws Exception {
    String stuck = UUID.randomUUID().toString();
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "INSERT INTO audit_event (realm_id, realm_name, event_type, occurred_at, actor_type,"
              + " actor, outcome, details, form_version)"
              + " VALUES (?, 'stuck', 'TEST_POISON', now(), 'system', 'x', 'SUCCESS', '{}', 99)",
          stuck);
    }

    RealmSnapshot other = testRealms.create();

    awaitSealedInTheBackground(other.id());
    assertEquals(1, unsealed(stuck), "the row that will not seal waits alone");
  }

  @Test
  void sealingWhenAnotherNodeHoldsARealmsLockThenOthersSealedAndRequestsStillAnswer()
      throws Exception {
    RealmSnapshot held = testRealms.create();
    audit.sealAll(held.id());
    try (Connection otherNode = rows.outsideThePool()) {
      otherNode.setAutoCommit(false);
      assertEquals(
          1,
          Rows.next(
              otherNode,
              "SELECT count(*) FROM (SELECT pg_try_advisory_xact_lock(hashtext(?)) l) t"
                  + " WHERE l",
              "audit:" + held.id()));
      clients.create(held, "late", ClientType.SERVICE, null, List.of(), List.of(), ACTOR);
      RealmSnapshot free = testRealms.create();

      awaitSealedInTheBackground(free.id());
      ChainVerification answer =
          assertTimeout(Duration.ofSeconds(60), () -> audit.verify(held.id()));

      assertTrue(answer.valid(), answer::reason);
      assertEquals(2, answer.headSeq(), "the row appended meanwhile is not sealed yet");
      assertEquals(1, unsealed(held.id()));
      otherNode.rollback();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    audit.sealAll(held.id());
    assertEquals(0, unsealed(held.id()));
  }
}
