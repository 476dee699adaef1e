package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A signing key's life: NEXT → ACTIVE ⇄ PASSIVE → RETIRED, and when it may retire. */
class SigningKeyTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant RETIRABLE = T0.plus(Duration.ofHours(1));

  private static SigningKey key(KeyStatus status) {
    return new SigningKey("realm-1", "kid-1", "RS256", "{}", "v2.sealed", status, T0);
  }

  private static SigningKey passive() {
    SigningKey key = key(KeyStatus.ACTIVE);
    key.stopSigning(T0, RETIRABLE);
    return key;
  }

  private static ApplicationProblem.Kind problemOf(Runnable action) {
    return assertThrows(ApplicationProblem.class, action::run).kind();
  }

  @Test
  void constructorWhenPassiveThenIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> key(KeyStatus.PASSIVE));
  }

  @Test
  void constructorWhenActiveThenActivatedNow() {
    assertEquals(T0, key(KeyStatus.ACTIVE).view().activatedAt());
  }

  @Test
  void activateWhenNextThenActive() {
    SigningKey key = key(KeyStatus.NEXT);
    key.activate(T0);
    assertEquals(KeyStatus.ACTIVE, key.status());
  }

  @Test
  void activateWhenPassiveThenActiveAndNoLongerWaitingToRetire() {
    SigningKey key = passive();
    key.activate(T0.plusSeconds(5));
    assertEquals(KeyStatus.ACTIVE, key.status());
    assertNull(key.view().retirableAt());
    assertNull(key.view().stoppedSigningAt());
  }

  @Test
  void activateWhenActiveThenConflict() {
    assertEquals(
        ApplicationProblem.Kind.CONFLICT, problemOf(() -> key(KeyStatus.ACTIVE).activate(T0)));
  }

  @Test
  void activateWhenRetiredThenConflict() {
    SigningKey key = key(KeyStatus.NEXT);
    key.retire(T0, false);
    assertEquals(ApplicationProblem.Kind.CONFLICT, problemOf(() -> key.activate(T0)));
  }

  @Test
  void stopSigningWhenActiveThenPassiveWithRetirableAt() {
    SigningKey key = passive();
    assertEquals(KeyStatus.PASSIVE, key.status());
    assertEquals(T0, key.view().stoppedSigningAt());
    assertEquals(RETIRABLE, key.view().retirableAt());
  }

  @Test
  void stopSigningWhenNotActiveThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> key(KeyStatus.NEXT).stopSigning(T0, T0));
  }

  @Test
  void retireWhenNextThenRetiredAtOnce() {
    SigningKey key = key(KeyStatus.NEXT);
    key.retire(T0, false);
    assertEquals(KeyStatus.RETIRED, key.status());
  }

  @Test
  void retireWhenPassiveBeforeRetirableAtThenNotRetirableYetSayingWhen() {
    SigningKey key = passive();
    KeyNotRetirableYet problem =
        assertThrows(KeyNotRetirableYet.class, () -> key.retire(RETIRABLE.minusSeconds(1), false));
    assertEquals(RETIRABLE, problem.retirableAt());
    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals(KeyStatus.PASSIVE, key.status());
  }

  @Test
  void retireWhenPassiveAtRetirableAtThenRetired() {
    SigningKey key = passive();
    key.retire(RETIRABLE, false);
    assertEquals(KeyStatus.RETIRED, key.status());
  }

  @Test
  void retireWhenPassiveBeforeRetirableAtAndForcedThenRetired() {
    SigningKey key = passive();
    key.retire(T0.plusSeconds(1), true);
    assertEquals(KeyStatus.RETIRED, key.status());
  }

  @Test
  void retireWhenRetiredThenPrivateHalfDestroyed() {
    SigningKey key = key(KeyStatus.NEXT);
    key.retire(T0, false);
    assertNull(key.privateKeySealed());
  }

  @Test
  void retireWhenActiveEvenForcedThenConflict() {
    assertEquals(
        ApplicationProblem.Kind.CONFLICT, problemOf(() -> key(KeyStatus.ACTIVE).retire(T0, true)));
  }

  @Test
  void retireWhenRetiredThenConflict() {
    SigningKey key = key(KeyStatus.NEXT);
    key.retire(T0, false);
    assertEquals(ApplicationProblem.Kind.CONFLICT, problemOf(() -> key.retire(T0, true)));
  }

  @Test
  void isRetirementEarlyWhenPassiveBeforeRetirableAtThenTrue() {
    assertTrue(passive().isRetirementEarly(RETIRABLE.minusNanos(1)));
  }

  @Test
  void isRetirementEarlyWhenNextThenFalse() {
    assertFalse(key(KeyStatus.NEXT).isRetirementEarly(T0));
  }

  @Test
  void resealWhenRetiredThenIllegalState() {
    SigningKey key = key(KeyStatus.NEXT);
    key.retire(T0, false);
    assertThrows(IllegalStateException.class, () -> key.reseal("v2.other"));
  }

  @Test
  void isWellFormedKidWhenThumbprintThenTrue() {
    assertTrue(SigningKey.isWellFormedKid("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
  }

  @Test
  void isWellFormedKidWhenControlCharacterOrDotOrTooLongOrNullThenFalse() {
    assertFalse(SigningKey.isWellFormedKid("kid\u0000"));
    assertFalse(SigningKey.isWellFormedKid("../etc"));
    assertFalse(SigningKey.isWellFormedKid("a".repeat(65)));
    assertFalse(SigningKey.isWellFormedKid(""));
    assertFalse(SigningKey.isWellFormedKid(null));
  }

  @Test
  void toStringWhenAnyThenNoSealedPrivateKey() {
    assertFalse(key(KeyStatus.ACTIVE).toString().contains("sealed"));
  }
}
