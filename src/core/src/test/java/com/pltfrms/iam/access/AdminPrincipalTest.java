package com.pltfrms.iam.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.Actor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each delegated-administration role against each resource family, other realms, escalation. */
class AdminPrincipalTest {

  private static AdminPrincipal of(String realm, String... roles) {
    return new AdminPrincipal(
        Actor.client("id", "caller"),
        realm,
        EffectiveAccess.of(
            Arrays.stream(roles).map(r -> new AccessRow(false, r, null, Grant.direct())).toList()));
  }

  @Test
  void mayWhenSystemAdminThenEveryFamilyOfEveryRealm() {
    AdminPrincipal admin = of("system", "admin");
    for (AdminFamily family : AdminFamily.values()) {
      assertTrue(admin.may("acme", family, true));
    }
  }

  @Test
  void mayWhenRealmAdminThenEveryFamilyOfOwnRealmOnly() {
    AdminPrincipal admin = of("acme", "realm-admin");
    for (AdminFamily family : AdminFamily.values()) {
      assertTrue(admin.may("acme", family, true));
      assertFalse(admin.may("globex", family, false));
    }
  }

  @Test
  void mayWhenManageUsersThenUsersAndReadingGroupsOnly() {
    AdminPrincipal p = of("acme", "manage-users");
    assertTrue(p.may("acme", AdminFamily.USERS, true));
    assertTrue(p.may("acme", AdminFamily.GROUPS, false));
    assertFalse(p.may("acme", AdminFamily.GROUPS, true));
    assertFalse(p.may("acme", AdminFamily.CLIENTS, false));
    assertFalse(p.may("acme", AdminFamily.AUDIT, false));
    assertFalse(p.may("acme", AdminFamily.OTHER, false));
    assertFalse(p.may("acme", AdminFamily.ROLES, true));
  }

  @Test
  void mayWhenViewUsersThenReadingUsersOnly() {
    AdminPrincipal p = of("acme", "view-users");
    assertTrue(p.may("acme", AdminFamily.USERS, false));
    assertFalse(p.may("acme", AdminFamily.USERS, true));
  }

  @Test
  void mayWhenManageGroupsThenGroupsOnly() {
    AdminPrincipal p = of("acme", "manage-groups");
    assertTrue(p.may("acme", AdminFamily.GROUPS, true));
    assertFalse(p.may("acme", AdminFamily.USERS, true));
    assertFalse(p.may("acme", AdminFamily.CLIENTS, true));
  }

  @Test
  void mayWhenManageClientsThenClientsOnly() {
    AdminPrincipal p = of("acme", "manage-clients");
    assertTrue(p.may("acme", AdminFamily.CLIENTS, true));
    assertFalse(p.may("acme", AdminFamily.USERS, false));
    assertFalse(p.may("acme", AdminFamily.REALM, true));
  }

  @Test
  void mayWhenViewAuditThenReadingAuditOnly() {
    AdminPrincipal p = of("acme", "view-audit");
    assertTrue(p.may("acme", AdminFamily.AUDIT, false));
    assertFalse(p.may("acme", AdminFamily.AUDIT, true));
    assertFalse(p.may("acme", AdminFamily.ROLES, false));
  }

  @Test
  void mayGrantWhenManageUsersThenOnlyRolesItHolds() {
    AdminPrincipal p = of("acme", "manage-users", "viewer");
    assertTrue(p.mayGrant("acme", RoleRef.realm("viewer")));
    assertFalse(p.mayGrant("acme", RoleRef.realm("realm-admin")));
    assertFalse(p.mayGrant("globex", RoleRef.realm("viewer")));
  }

  @Test
  void mayGrantWhenRealmAdminThenAnyRoleOfItsRealm() {
    assertTrue(of("acme", "realm-admin").mayGrant("acme", new RoleRef("app", "anything")));
  }

  @Test
  void mayGrantWhenSystemRealmAdminRoleThenOnlySystemAdmins() {
    assertFalse(of("system", "realm-admin").mayGrant("system", RoleRef.realm("admin")));
    assertTrue(of("system", "admin").mayGrant("system", RoleRef.realm("admin")));
  }

  @Test
  void maySeeWhenNoAdministrationRoleThenFalse() {
    assertFalse(of("acme", "viewer").maySee("acme"));
    assertTrue(of("acme", "view-audit").maySee("acme"));
    assertFalse(of("acme", "view-audit").maySee("globex"));
  }
}
