package com.pltfrms.iam.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveAccessTest {

  private static AccessRow role(String clientId, String name, Grant grant) {
    return new AccessRow(false, name, clientId, grant);
  }

  @Test
  void ofWhenRoleReachedTwiceThenOnceWithBothSources() {
    EffectiveAccess access =
        EffectiveAccess.of(
            List.of(
                role(null, "viewer", Grant.direct()),
                role(null, "viewer", new Grant(Grant.Source.GROUP, "/eng"))));
    assertEquals(1, access.roles().size());
    assertEquals(
        List.of(Grant.direct(), new Grant(Grant.Source.GROUP, "/eng")),
        access.roles().get(0).grants());
  }

  @Test
  void ofWhenSameSourceTwiceThenRecordedOnce() {
    EffectiveAccess access =
        EffectiveAccess.of(
            List.of(role(null, "viewer", Grant.direct()), role(null, "viewer", Grant.direct())));
    assertEquals(List.of(Grant.direct()), access.roles().get(0).grants());
  }

  @Test
  void ofWhenClientRolesThenResourceAccessByClient() {
    EffectiveAccess access =
        EffectiveAccess.of(
            List.of(
                role("billing", "payer", Grant.direct()),
                role("billing", "auditor", new Grant(Grant.Source.COMPOSITE, "finance")),
                role(null, "finance", Grant.direct())));
    assertEquals(List.of("finance"), access.realmRoleNames());
    assertEquals(Map.of("billing", List.of("auditor", "payer")), access.clientRoleNames());
  }

  @Test
  void ofWhenPermissionsThenSortedNamesOnce() {
    EffectiveAccess access =
        EffectiveAccess.of(
            List.of(
                new AccessRow(true, "invoices:write", null, new Grant(Grant.Source.ROLE, "editor")),
                new AccessRow(true, "invoices:read", null, new Grant(Grant.Source.ROLE, "viewer")),
                new AccessRow(
                    true, "invoices:read", null, new Grant(Grant.Source.ROLE, "editor"))));
    assertEquals(List.of("invoices:read", "invoices:write"), access.permissionNames());
    assertEquals(2, access.permissions().get(0).grants().size());
  }

  @Test
  void holdsWhenClientRoleThenNotTheRealmRoleOfThatName() {
    EffectiveAccess access =
        EffectiveAccess.of(List.of(role("app", "realm-admin", Grant.direct())));
    assertTrue(access.holds(new RoleRef("app", "realm-admin")));
    assertFalse(access.holdsRealmRole("realm-admin"));
  }
}
