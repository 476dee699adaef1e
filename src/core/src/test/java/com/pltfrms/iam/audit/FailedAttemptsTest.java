package com.pltfrms.iam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.shared.Actor;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

  private static final Instant MINUTE = Instant.parse("2026-04-01T10:15:00Z");

  private static FailureWindow window(String actorKey, String actorName, String source) {
    return new FailureWindow(
        "realm-1",
        "acme",
        MINUTE,
        AuditEventTypes.CLIENT_AUTH_FAILED,
        "client",
        actorKey,
        source,
        actorName,
        7,
        MINUTE.plusSeconds(3),
        MINUTE.plusSeconds(41),
        Map.of("unknown_client", 2L, "bad_secret", 5L));
  }

  @Test
  void eventWhenKnownClientWindowThenClientIsActorAndTarget() {
    AuditEvent event = FailedAttempts.event(window("id-7", "billing", "203.0.113.9"));
    assertEquals(Actor.client("id-7", "billing"), event.actor());
    assertEquals("billing", event.target());
    assertFalse(event.success());
    assertEquals(AuditEventTypes.CLIENT_AUTH_FAILED, event.type());
  }

  @Test
  void eventWhenClosedThenDetailsCarryCountTimesReasonsSourceAndBucket() {
    AuditEvent event = FailedAttempts.event(window("id-7", "billing", "203.0.113.9"));
    assertEquals(
        Map.of(
            "window", "2026-04-01T10:15:00Z",
            "attempts", "7",
            "firstAt", "2026-04-01T10:15:03Z",
            "lastAt", "2026-04-01T10:15:41Z",
            "reasons", "bad_secret=5,unknown_client=2",
            "source", "203.0.113.9",
            "bucket", "known"),
        event.details());
  }

  @Test
  void eventWhenUnknownClientWindowThenNoActorIdNameOrTarget() {
    AuditEvent event = FailedAttempts.event(window(FailureWindow.UNKNOWN, null, "203.0.113.9"));
    assertEquals(new Actor(Actor.Type.CLIENT, null, null), event.actor());
    assertNull(event.target());
    assertEquals("unknown", event.details().get("bucket"));
  }

  @Test
  void eventWhenOverflowWindowThenOverflowBucketAndSource() {
    AuditEvent event =
        FailedAttempts.event(window(FailureWindow.OVERFLOW, null, FailureWindow.OVERFLOW));
    assertEquals("overflow", event.details().get("bucket"));
    assertEquals("*", event.details().get("source"));
    assertNull(event.actor().id());
  }

  @Test
  void failedAttemptWhenReasonIsNotAFixedWordThenRefused() {
    Actor actor = Actor.client(null, "x");
    assertThrows(
        IllegalArgumentException.class,
        () -> new FailedAttempt("r", "acme", "CLIENT_AUTH_FAILED", actor, null, "Bad Secret!"));
  }

  @Test
  void failedAttemptWhenReasonMissingThenRefused() {
    Actor actor = Actor.client(null, "x");
    assertThrows(
        IllegalArgumentException.class,
        () -> new FailedAttempt("r", "acme", "CLIENT_AUTH_FAILED", actor, null, null));
  }
}
