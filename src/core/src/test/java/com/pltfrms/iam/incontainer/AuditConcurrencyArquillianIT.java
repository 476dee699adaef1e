package com.pltfrms.iam.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.AuditWriter;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UseCase;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many writers on one realm's audit trail at once, while the background sealer runs: appends never
 * wait for each other, yet the chain the sealer builds has every committed event once, at positions
 * 1..N without a gap, and nothing of a rolled-back transaction.
 */
@ExtendWith(ArquillianExtension.class)
class AuditConcurrencyArquillianIT {

  private static final int THREADS = 8;
  private static final int TRANSACTIONS_PER_THREAD = 10;
  private static final int EVENTS_PER_TRANSACTION = 3;
  private static final String TYPE = "TEST_CONCURRENT";

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditConcurrencyArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject AuditWriter writer;
  @Inject AuditService audit;
  @Inject UseCase useCase;
  @Inject Rows rows;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  /**
   * One thread's work: transactions of three events each; every fifth one fails after its inserts
   * and rolls back. Returns how many events it committed.
   */
  private int appendFrom(RealmSnapshot realm, int thread, CountDownLatch go) throws Exception {
    go.await();
    int committed = 0;
    for (int t = 0; t < TRANSACTIONS_PER_THREAD; t++) {
      boolean fails = t % 5 == 4;
      Actor actor = Actor.system("thread-" + thread);
      String target = "tx-" + t;
      try {
        useCase.execute(
            () -> {
              for (int e = 0; e < EVENTS_PER_TRANSACTION; e++) {
                writer.append(
                    new AuditEvent(
                        realm.id(),
                        realm.name(),
                        TYPE,
                        actor,
                        target,
                        true,
                        Map.of("event", Integer.toString(e))));
              }
              if (fails) {
                throw ApplicationProblem.invalid("rolled back on purpose");
              }
            });
        committed += EVENTS_PER_TRANSACTION;
      } catch (ApplicationProblem expected) {
        // the three inserts went with the transaction
      }
    }
    return committed;
  }

  @Test
  void appendWhenEightThreadsWriteAtOnceThenChainGaplessAndValid() throws Exception {
    RealmSnapshot realm = testRealms.create();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      int number = thread;
      writers.add(executor.submit(() -> appendFrom(realm, number, go)));
    }
    go.countDown();
    long committed = 0;
    for (Future<Integer> w : writers) {
      committed += w.get(2, TimeUnit.MINUTES);
    }
    assertEquals(THREADS * TRANSACTIONS_PER_THREAD * EVENTS_PER_TRANSACTION * 4 / 5, committed);

    ChainVerification chain = audit.verify(realm.id());

    long rowsOfRealm = committed + 2; // + REALM_CREATED and KEY_CREATED
    assertTrue(chain.valid(), chain::reason);
    assertEquals(rowsOfRealm, chain.checked());
    assertEquals(
        committed,
        rows.number(
            "SELECT count(*) FROM audit_event WHERE realm_id = ? AND event_type = ?",
            realm.id(),
            TYPE));
    assertEquals(
        List.of(rowsOfRealm, rowsOfRealm, rowsOfRealm, 1L, rowsOfRealm),
        rows.numbersOfRow(
            "SELECT count(*), count(chain_seq), count(DISTINCT chain_seq), min(chain_seq),"
                + " max(chain_seq) FROM audit_event WHERE realm_id = ?",
            realm.id()),
        "rows, sealed rows, distinct positions, first and last position");
  }
}
