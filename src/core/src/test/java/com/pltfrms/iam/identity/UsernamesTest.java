package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import org.junit.jupiter.api.Test;

class UsernamesTest {

  @Test
  void normaliseWhenUpperCaseThenLowerCase() {
    assertEquals("alice", Usernames.normalise("ALICE"));
  }

  @Test
  void normaliseWhenFullWidthThenAsciiByNfkc() {
    assertEquals("alice", Usernames.normalise("ＡＬＩＣＥ"));
  }

  @Test
  void normaliseWhenLigatureThenDecomposedByNfkc() {
    assertEquals("office", Usernames.normalise("Oﬃce"));
  }

  @Test
  void normaliseWhenTurkishDottedCapitalThenRootLocaleLowerCase() {
    assertEquals("i̇stanbul", Usernames.normalise("İstanbul"));
  }

  @Test
  void normaliseWhenNormalisedThenUnchanged() {
    String once = Usernames.normalise("Ǆemal.Ⅻ@Example");
    assertEquals(once, Usernames.normalise(once));
  }

  @Test
  void normaliseWhenControlCharacterThenInvalidNamingUsername() {
    ApplicationProblem problem =
        assertThrows(ApplicationProblem.class, () -> Usernames.normalise("al\u0007ice"));
    assertEquals(ApplicationProblem.Kind.INVALID, problem.kind());
    assertEquals("#/username", problem.errors().get(0).pointer());
  }

  @Test
  void isValidWhenWhiteSpaceThenFalse() {
    assertFalse(Usernames.isValid("alice liddell"));
    assertFalse(Usernames.isValid("alice\u00a0"));
  }

  @Test
  void isValidWhenZeroWidthFormatCharacterThenFalse() {
    assertFalse(Usernames.isValid("ali\u200bce"));
  }

  @Test
  void isValidWhenEmptyOrNullThenFalse() {
    assertFalse(Usernames.isValid(""));
    assertFalse(Usernames.isValid(null));
  }

  @Test
  void isValidWhen255CharactersThenTrueAnd256False() {
    assertTrue(Usernames.isValid("a".repeat(255)));
    assertFalse(Usernames.isValid("a".repeat(256)));
  }

  @Test
  void isValidWhenEmailLikeOrUnicodeThenTrue() {
    assertTrue(Usernames.isValid("alice@example.com"));
    assertTrue(Usernames.isValid("jürgen"));
  }
}
