package com.pltfrms.iam.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompositesTest {

  /** editor → viewer → reader; admin → editor. */
  private static final Map<String, List<String>> GRAPH =
      Map.of("editor", List.of("viewer"), "viewer", List.of("reader"), "admin", List.of("editor"));

  @Test
  void wouldCycleWhenChildReachesRoleThenTrue() {
    assertTrue(Composites.wouldCycle(GRAPH, "reader", List.of("admin")));
  }

  @Test
  void wouldCycleWhenRoleIncludesItselfThenTrue() {
    assertTrue(Composites.wouldCycle(GRAPH, "editor", List.of("editor")));
  }

  @Test
  void wouldCycleWhenChildIsUnrelatedThenFalse() {
    assertFalse(Composites.wouldCycle(GRAPH, "reader", List.of("auditor")));
  }

  @Test
  void wouldCycleWhenDiamondThenFalse() {
    Map<String, List<String>> diamond =
        Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d"));
    assertFalse(Composites.wouldCycle(diamond, "a", List.of("b", "c")));
  }

  @Test
  void closureWhenChainThenEveryReachableRole() {
    assertEquals(
        Set.of("admin", "editor", "viewer", "reader"), Composites.closure(GRAPH, List.of("admin")));
  }

  @Test
  void closureWhenGraphHasCycleThenTerminates() {
    Map<String, List<String>> cycle = Map.of("a", List.of("b"), "b", List.of("a"));
    assertEquals(Set.of("a", "b"), Composites.closure(cycle, List.of("a")));
  }
}
