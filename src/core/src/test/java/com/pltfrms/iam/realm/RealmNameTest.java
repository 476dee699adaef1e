package com.pltfrms.iam.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealmNameTest {

  @Test
  void constructorWhenValidThenAccepted() {
    for (String good : List.of("a", "acme", "acme-eu_1", "0day", "x".repeat(63))) {
      assertEquals(good, new RealmName(good).value());
    }
  }

  @Test
  void constructorWhenInvalidThenInvalidProblem() {
    for (String bad : List.of("", "Acme", "-acme", "_a", "a/b", "a b", "a.b", "x".repeat(64))) {
      ApplicationProblem problem =
          assertThrows(ApplicationProblem.class, () -> new RealmName(bad), bad);
      assertEquals(ApplicationProblem.Kind.INVALID, problem.kind());
    }
    assertThrows(ApplicationProblem.class, () -> new RealmName(null));
  }

  @Test
  void forCreationWhenReservedThenInvalidProblem() {
    for (String reserved : List.of("system", "admin", "master")) {
      assertEquals(
          ApplicationProblem.Kind.INVALID,
          assertThrows(ApplicationProblem.class, () -> RealmName.forCreation(reserved)).kind());
    }
    assertEquals("acme", RealmName.forCreation("acme").value());
  }

  @Test
  void isWellFormedWhenCheckedThenNeverThrows() {
    assertTrue(RealmName.isWellFormed("acme"));
    assertFalse(RealmName.isWellFormed(null));
    assertFalse(RealmName.isWellFormed("NOT VALID"));
  }
}
