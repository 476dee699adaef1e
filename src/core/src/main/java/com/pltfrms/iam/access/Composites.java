package com.pltfrms.iam.access;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of composite roles, on the graph of "includes" edges (role id → included ids). */
final class Composites {

  private Composites() {}

  /**
   * Whether letting {@code roleId} include exactly {@code children} closes a cycle: whether {@code
   * roleId} is reachable from any of them through the other edges of {@code graph}.
   */
  static boolean wouldCycle(Map<String, List<String>> graph, String roleId, List<String> children) {
    Deque<String> pending = new ArrayDeque<>(children);
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      String current = pending.pop();
      if (current.equals(roleId)) {
        return true;
      }
      if (seen.add(current)) {
        pending.addAll(graph.getOrDefault(current, List.of()));
      }
    }
    return false;
  }

  /** Every role reachable from {@code roots} (themselves included): the composite closure. */
  static Set<String> closure(Map<String, List<String>> graph, Iterable<String> roots) {
    Set<String> reached = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    roots.forEach(pending::push);
    while (!pending.isEmpty()) {
      String current = pending.pop();
      if (reached.add(current)) {
        pending.addAll(graph.getOrDefault(current, List.of()));
      }
    }
    return reached;
  }
}
