package com.pltfrms.iam.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationAliasTest {

  @ParameterizedTest
  @ValueSource(strings = {"globex", "a", "9", "acme-eu", "x1-2-3"})
  void constructorWhenLowerCaseUrlSafeThenAccepted(String alias) {
    assertEquals(alias, new OrganisationAlias(alias).value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Globex",
        "-globex",
        "globex-",
        "glo bex",
        "glo_bex",
        "glo.bex",
        "glöbex",
        "glo/bex",
        "glo%20bex",
        "glo\u0000bex",
        "glo\nbex"
      })
  void constructorWhenNotLowerCaseUrlSafeThenInvalid(String alias) {
    ApplicationProblem problem =
        assertThrows(ApplicationProblem.class, () -> new OrganisationAlias(alias));
    assertEquals(ApplicationProblem.Kind.INVALID, problem.kind());
  }

  @Test
  void constructorWhenLongerThan64ThenInvalid() {
    assertTrue(OrganisationAlias.isWellFormed("a".repeat(64)));
    assertFalse(OrganisationAlias.isWellFormed("a".repeat(65)));
    assertThrows(ApplicationProblem.class, () -> new OrganisationAlias("a".repeat(65)));
  }

  @Test
  void constructorWhenNullThenInvalid() {
    assertThrows(ApplicationProblem.class, () -> new OrganisationAlias(null));
  }

  @Test
  void fromNameWhenNameHasSpacesAndCapitalsThenLowerCaseWithHyphens() {
    assertEquals("globex-corp", OrganisationAlias.fromName("Globex Corp.").value());
    assertEquals("acme-eu", OrganisationAlias.fromName("  ACME / EU  ").value());
  }

  @Test
  void fromNameWhenLongThenCutWithoutTrailingHyphen() {
    String alias = OrganisationAlias.fromName("a".repeat(63) + " b").value();
    assertEquals("a".repeat(63), alias);
  }

  @Test
  void fromNameWhenNothingUsableThenInvalid() {
    assertThrows(ApplicationProblem.class, () -> OrganisationAlias.fromName("日本"));
  }
}
