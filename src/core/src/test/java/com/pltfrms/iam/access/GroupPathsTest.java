package com.pltfrms.iam.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import org.junit.jupiter.api.Test;

class GroupPathsTest {

  private static ApplicationProblem.Kind kindOf(Runnable work) {
    return assertThrows(ApplicationProblem.class, work::run).kind();
  }

  @Test
  void childWhenTopLevelThenSlashAndName() {
    assertEquals("/eng", GroupPaths.child(null, "eng"));
  }

  @Test
  void childWhenUnderParentThenParentPathAndName() {
    assertEquals("/eng/platform", GroupPaths.child("/eng", "platform"));
  }

  @Test
  void withinWhenDescendantThenTrue() {
    assertTrue(GroupPaths.within("/eng/platform/db", "/eng/platform"));
  }

  @Test
  void withinWhenSameThenTrue() {
    assertTrue(GroupPaths.within("/eng", "/eng"));
  }

  @Test
  void withinWhenSiblingWithSamePrefixThenFalse() {
    assertFalse(GroupPaths.within("/engineering", "/eng"));
  }

  @Test
  void requireNameWhenSlashThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> GroupPaths.requireName("a/b")));
  }

  @Test
  void requireNameWhenDotDotThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> GroupPaths.requireName("..")));
  }

  @Test
  void requireNameWhenEmptyThenInvalid() {
    assertEquals(ApplicationProblem.Kind.INVALID, kindOf(() -> GroupPaths.requireName("")));
  }

  @Test
  void requireNameWhenLongerThan255ThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID, kindOf(() -> GroupPaths.requireName("g".repeat(256))));
  }

  @Test
  void requireDepthWhen32ThenAccepted() {
    GroupPaths.requireDepth(32);
  }

  @Test
  void requireDepthWhen33ThenConflict() {
    assertEquals(ApplicationProblem.Kind.CONFLICT, kindOf(() -> GroupPaths.requireDepth(33)));
  }
}
