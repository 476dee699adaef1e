package com.pltfrms.iam.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.audit.FailedAttempt;
import com.pltfrms.iam.audit.FailedAttempts;
import com.pltfrms.iam.audit.FailureWindow;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unauthenticated failures are counted in bounded windows on the real schema: one row per realm,
 * minute, actor and source, however the caller varies the client id and its address, and every
 * window becomes one event of the realm's hash chain when its minute is over.
 */
@ExtendWith(ArquillianExtension.class)
class AuditFailureWindowArquillianIT {

  private static final String TYPE = AuditEventTypes.CLIENT_AUTH_FAILED;

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditFailureWindowArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject FailedAttempts failures;
  @Inject AuditService audit;

  @BeforeEach
  void started() throws InterruptedException {
    core.ensureStarted();
    // Keep each test within one minute, so that its failures share their windows.
    int second = Instant.now().atOffset(ZoneOffset.UTC).getSecond();
    if (second >= 50) {
      Thread.sleep((61 - second) * 1000L);
    }
  }

  private static FailedAttempt unknownClient(RealmSnapshot realm, String clientId, String source) {
    return new FailedAttempt(
        realm.id(), realm.name(), TYPE, Actor.client(null, clientId), source, "unknown_client");
  }

  private static long attempts(List<FailureWindow> windows) {
    return windows.stream().mapToLong(FailureWindow::attempts).sum();
  }

  @Test
  void recordWhenSameClientAndSourceFailsAgainThenOneWindowCountsThem() {
    RealmSnapshot realm = testRealms.create();
    Actor client = Actor.client("0b1c2d3e-known", "billing");
    for (String reason : List.of("bad_secret", "bad_secret", "disabled")) {
      failures.record(
          new FailedAttempt(realm.id(), realm.name(), TYPE, client, "203.0.113.5", reason));
    }

    List<FailureWindow> open = failures.open(realm.id());

    assertEquals(1, open.size());
    FailureWindow window = open.get(0);
    assertEquals(3, window.attempts());
    assertEquals("known", window.bucket());
    assertEquals("0b1c2d3e-known", window.actorKey());
    assertEquals("billing", window.actorName());
    assertEquals(Map.of("bad_secret", 2L, "disabled", 1L), window.reasons());
  }

  @Test
  void recordWhenEveryRequestNamesAnotherUnknownClientThenOneWindowPerSource() {
    RealmSnapshot realm = testRealms.create();
    for (int i = 0; i < 50; i++) {
      failures.record(unknownClient(realm, "ghost-" + i, "198.51.100." + (i % 2)));
    }

    List<FailureWindow> open = failures.open(realm.id());

    assertEquals(2, open.size());
    assertEquals(50, attempts(open));
    assertTrue(open.stream().allMatch(w -> w.bucket().equals("unknown") && w.actorName() == null));
  }

  @Test
  void recordWhenClientIdAndSourceVaryOnEveryRequestThenBoundedAndNothingLost() {
    RealmSnapshot realm = testRealms.create();
    int requests = FailedAttempts.WINDOWS_PER_REALM_MINUTE + 50;
    for (int i = 0; i < requests; i++) {
      failures.record(unknownClient(realm, "ghost-" + i, "2001:db8::" + Integer.toHexString(i)));
    }

    List<FailureWindow> open = failures.open(realm.id());

    assertEquals(FailedAttempts.WINDOWS_PER_REALM_MINUTE + 1, open.size());
    assertEquals(requests, attempts(open));
    List<FailureWindow> overflow =
        open.stream().filter(w -> w.bucket().equals("overflow")).toList();
    assertEquals(1, overflow.size());
    assertEquals(50, overflow.get(0).attempts());
  }

  @Test
  void closeEndedWhenMinuteOverThenOneChainedEventPerWindowCarryingTheCount() throws Exception {
    RealmSnapshot realm = testRealms.create();
    for (int i = 0; i < 4; i++) {
      failures.record(unknownClient(realm, "ghost-" + i, "192.0.2.44"));
    }

    failures.closeEnded(Instant.now().plus(Duration.ofMinutes(2)));

    assertEquals(List.of(), failures.open(realm.id()));
    List<AuditRecord> events = audit.list(realm.id(), TestRealms.eventsOfType(TYPE)).items();
    assertEquals(1, events.size());
    AuditRecord event = events.get(0);
    assertEquals("FAILURE", event.outcome());
    assertEquals("client", event.actorType());
    Map<String, String> details =
        JsonUtil.parseJson(event.details()).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> (String) e.getValue()));
    assertEquals("4", details.get("attempts"));
    assertEquals("unknown_client=4", details.get("reasons"));
    assertEquals("192.0.2.44", details.get("source"));
    assertEquals("unknown", details.get("bucket"));
    ChainVerification chain = audit.verify(realm.id());
    assertTrue(chain.valid(), chain::reason);
  }
}
