package com.pltfrms.iam.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealmNameTest {

  private static ApplicationProblem.Kind kindOf(String value) {
    return assertThrows(ApplicationProblem.class, () -> new RealmName(value), value).kind();
  }

  @Test
  void constructorWhenValidThenAccepted() {
    for (String good : List.of("a", "7", "acme", "acme-eu_1", "0day", "a-", "a_")) {
      assertEquals(good, new RealmName(good).value());
    }
  }

  @Test
  void constructorWhen63CharactersThenAccepted() {
    String name = "x".repeat(RealmName.MAX_LENGTH);
    assertEquals(name, new RealmName(name).value());
  }

  @Test
  void constructorWhen64CharactersThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("x".repeat(64)));
  }

  @Test
  void constructorWhenUppercaseThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("Acme"));
  }

  @Test
  void constructorWhenEmptyThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(""));
  }

  @Test
  void constructorWhenNullThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(null));
  }

  @Test
  void constructorWhenStartsWithHyphenThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("-acme"));
  }

  @Test
  void constructorWhenStartsWithUnderscoreThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("_acme"));
  }

  @Test
  void constructorWhenSlashThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf("a/b"));
  }

  @Test
  void constructorWhenDotsThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(".."));
  }

  @Test
  void constructorWhenOtherPunctuationOrSpaceThenInvalid() {
    for (String bad : List.of("a b", "a.b", "a%2f", "a\nb", "é")) {
      assertEquals(ApplicationProblem.Kind.INVALID, kindOf(bad), bad);
    }
  }

  @Test
  void constructorWhenSystemThenAccepted() {
    assertEquals(RealmName.SYSTEM, new RealmName("system").value());
  }

  @Test
  void forCreationWhenSystemThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        assertThrows(ApplicationProblem.class, () -> RealmName.forCreation("system")).kind());
  }

  @Test
  void forCreationWhenAdminThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        assertThrows(ApplicationProblem.class, () -> RealmName.forCreation("admin")).kind());
  }

  @Test
  void forCreationWhenOtherReservedThenInvalid() {
    for (String reserved : List.of("master", "realms", "well-known", "null")) {
      assertEquals(
          ApplicationProblem.Kind.INVALID,
          assertThrows(ApplicationProblem.class, () -> RealmName.forCreation(reserved), reserved)
              .kind());
    }
  }

  @Test
  void forCreationWhenMalformedThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        assertThrows(ApplicationProblem.class, () -> RealmName.forCreation("Acme")).kind());
  }

  @Test
  void forCreationWhenNotReservedThenAccepted() {
    assertEquals("acme", RealmName.forCreation("acme").value());
  }

  @Test
  void isWellFormedWhenValidThenTrue() {
    assertTrue(RealmName.isWellFormed("acme"));
  }

  @Test
  void isWellFormedWhenReservedThenTrue() {
    assertTrue(RealmName.isWellFormed("system"));
  }

  @Test
  void isWellFormedWhenNullThenFalse() {
    assertFalse(RealmName.isWellFormed(null));
  }

  @Test
  void isWellFormedWhenMalformedThenFalse() {
    for (String bad : List.of("", "NOT VALID", "-a", "a/b", "x".repeat(64))) {
      assertFalse(RealmName.isWellFormed(bad), bad);
    }
  }

  @Test
  void toStringWhenPrintedThenValue() {
    assertEquals("acme", new RealmName("acme").toString());
  }
}
