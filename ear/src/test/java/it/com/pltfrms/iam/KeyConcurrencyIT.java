package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent key activation over HTTP: admins activating different keys of one realm at once end
 * with exactly one ACTIVE key; each request answers 200 or a clean 409, never a 500.
 */
class KeyConcurrencyIT {

  private static final int RACERS = 4;
  private static final int ROUNDS = 5;

  @Test
  void activateWhenDifferentKeysAtOnceThenOneActiveAndEveryOther409() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      String realm = Iam.newRealm("race");
      int conflicts = 0;
      for (int round = 0; round < ROUNDS; round++) {
        List<String> kids = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
          kids.add(Iam.admin("POST", "/" + realm + "/keys", null).string("kid"));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (String kid : kids) {
          replies.add(
              pool.submit(
                  () -> {
                    go.await();
                    return Iam.admin("POST", "/" + realm + "/keys/" + kid + "/activate", null);
                  }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
          Reply reply = replies.get(i).get(60, TimeUnit.SECONDS);
          assertTrue(reply.status() == 200 || reply.status() == 409, reply.body());
          if (reply.status() == 200) {
            winners.add(kids.get(i));
          } else {
            assertEquals("application/problem+json", reply.header("Content-Type"));
            conflicts++;
          }
        }
        List<String> active =
            Iam.admin("GET", "/" + realm + "/keys", null).items().stream()
                .filter(k -> "ACTIVE".equals(k.get("status")))
                .map(k -> (String) k.get("kid"))
                .toList();
        assertEquals(1, active.size(), "round " + round + ": " + active);
        assertFalse(winners.isEmpty());
        assertTrue(winners.contains(active.get(0)), "the signer is one whose activation succeeded");
      }
      assertTrue(conflicts > 0, "racers released at once met at least once");
    } finally {
      pool.shutdownNow();
    }
  }
}
