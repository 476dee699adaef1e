package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyStatus;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * At most one ACTIVE key per realm, however activations meet: the database refuses a second one
 * (partial unique index), an activation that finds another under way is a conflict rather than a
 * wait, and activations racing in real threads leave exactly one signer, every loser a conflict.
 */
@ExtendWith(ArquillianExtension.class)
class KeyConcurrencyArquillianIT {

  private static final int RACERS = 6;

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(KeyConcurrencyArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject KeyService keys;
  @Inject KeyRing keyRing;
  @Inject Rows rows;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  private long activeKeys(RealmSnapshot realm) {
    return rows.number(
        "SELECT count(*) FROM signing_key WHERE realm_id = ? AND status = 'ACTIVE'", realm.id());
  }

  @Test
  void databaseWhenSecondActiveKeyWrittenDirectlyThenUniqueViolation() throws Exception {
    RealmSnapshot realm = testRealms.create();
    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);

    try (Connection db = rows.outsideThePool()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  Rows.update(
                      db, "UPDATE signing_key SET status = 'ACTIVE' WHERE kid = ?", next.kid()));
      assertEquals("23505", refused.getSQLState(), "unique_violation");
    }
    assertEquals(1, activeKeys(realm));
  }

  @Test
  void activateWhenAnotherChangeHoldsTheRealmsKeyLockThenConflictAndSignerUnchanged()
      throws Exception {
    RealmSnapshot realm = testRealms.create();
    String signer = keyRing.forRealm(realm.id()).signer().orElseThrow().kid();
    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);

    try (Connection other = rows.outsideThePool();
        PreparedStatement lock =
            other.prepareStatement("SELECT pg_advisory_lock(hashtext('keys:' || ?))")) {
      lock.setString(1, realm.id());
      lock.execute(); // as another node's activation would hold it, until this connection closes
      ApplicationProblem problem =
          assertThrows(
              ApplicationProblem.class,
              () -> keys.activate(realm.id(), realm.name(), next.kid(), ACTOR));
      assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    }

    assertEquals(signer, keyRing.forRealm(realm.id()).signer().orElseThrow().kid());
    assertEquals(KeyStatus.NEXT, status(realm, next.kid()));
    keys.activate(realm.id(), realm.name(), next.kid(), ACTOR); // free again: succeeds
    assertEquals(next.kid(), keyRing.forRealm(realm.id()).signer().orElseThrow().kid());
  }

  @Test
  void activateWhenManyRaceThenExactlyOneActiveAndEveryLoserAConflict() throws Exception {
    // Threads of their own (with the application's context), so all racers run at once.
    ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
    int conflicts = 0;
    for (int round = 0; round < 3; round++) {
      RealmSnapshot realm = testRealms.create();
      List<String> kids = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        kids.add(keys.add(realm.id(), realm.name(), ACTOR).kid());
      }
      CountDownLatch ready = new CountDownLatch(RACERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> outcomes = new ArrayList<>();
      for (String kid : kids) {
        FutureTask<String> racer =
            new FutureTask<>(
                () -> {
                  ready.countDown();
                  go.await(10, TimeUnit.SECONDS);
                  try {
                    keys.activate(realm.id(), realm.name(), kid, ACTOR);
                    return kid;
                  } catch (ApplicationProblem problem) {
                    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
                    return null;
                  }
                });
        threads.newThread(racer).start();
        outcomes.add(racer);
      }
      assertTrue(ready.await(10, TimeUnit.SECONDS));
      go.countDown();
      List<String> winners = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        String winner = outcome(outcome);
        if (winner != null) {
          winners.add(winner);
        } else {
          conflicts++;
        }
      }

      assertEquals(1, activeKeys(realm), "round " + round);
      assertFalse(winners.isEmpty(), "someone won round " + round);
      String active = keyRing.forRealm(realm.id()).signer().orElseThrow().kid();
      assertTrue(winners.contains(active), "the signer is one whose activation succeeded");
    }
    assertTrue(conflicts > 0, "racers released at once met at least once");
  }

  /** What a racer returned; any failure but a conflict fails the test. */
  private static String outcome(Future<String> outcome) throws InterruptedException {
    try {
      return outcome.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("an activation failed with something else than a conflict", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("an activation hung", e);
    }
  }

  private KeyStatus status(RealmSnapshot realm, String kid) {
    return keys.list(realm.id()).stream()
        .filter(k -> k.kid().equals(kid))
        .findFirst()
        .orElseThrow()
        .status();
  }
}
