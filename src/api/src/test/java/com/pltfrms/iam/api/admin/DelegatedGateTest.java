package com.pltfrms.iam.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.access.AccessRow;
import com.pltfrms.iam.access.AdminFamily;
import com.pltfrms.iam.access.AdminPrincipal;
import com.pltfrms.iam.access.EffectiveAccess;
import com.pltfrms.iam.access.Grant;
import com.pltfrms.iam.shared.Actor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the gate maps admin paths to resource families and decides for delegated admins. */
class DelegatedGateTest {

  private static List<String> path(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  private static AdminPrincipal of(String realm, String... roles) {
    return new AdminPrincipal(
        Actor.client("id", "caller"),
        realm,
        EffectiveAccess.of(
            Arrays.stream(roles).map(r -> new AccessRow(false, r, null, Grant.direct())).toList()));
  }

  @Test
  void familyWhenKnownSegmentThenItsFamily() {
    assertEquals(AdminFamily.USERS, AdminAccessFilter.family(path("admin/realms/r/users/1/roles")));
    assertEquals(AdminFamily.GROUPS, AdminAccessFilter.family(path("admin/realms/r/groups")));
    assertEquals(
        AdminFamily.CLIENTS, AdminAccessFilter.family(path("admin/realms/r/clients/c/roles")));
    assertEquals(AdminFamily.ROLES, AdminAccessFilter.family(path("admin/realms/r/permissions")));
    assertEquals(AdminFamily.AUDIT, AdminAccessFilter.family(path("admin/realms/r/audit/export")));
  }

  @Test
  void familyWhenUnmappedSegmentThenOtherWhichOnlyRealmAdminOpens() {
    assertEquals(AdminFamily.OTHER, AdminAccessFilter.family(path("admin/realms/r/widgets")));
    assertFalse(
        AdminAccessFilter.authorized(
            of("r", "manage-users"), "GET", path("admin/realms/r/widgets")));
    assertTrue(
        AdminAccessFilter.authorized(
            of("r", "realm-admin"), "GET", path("admin/realms/r/widgets")));
  }

  @Test
  void authorizedWhenOutsideRealmsThenSystemAdminsOnly() {
    assertFalse(
        AdminAccessFilter.authorized(of("r", "realm-admin"), "GET", path("admin/master-key")));
    assertFalse(AdminAccessFilter.authorized(of("r", "realm-admin"), "POST", path("admin/realms")));
    assertTrue(AdminAccessFilter.authorized(of("r", "realm-admin"), "GET", path("admin/realms")));
    assertTrue(AdminAccessFilter.authorized(of("system", "admin"), "POST", path("admin/realms")));
  }

  @Test
  void authorizedWhenExportThenRealmAdminOfThatRealmOnly() {
    assertTrue(
        AdminAccessFilter.authorized(of("r", "realm-admin"), "GET", path("admin/realms/r/export")));
    assertFalse(
        AdminAccessFilter.authorized(
            of("r", "manage-users"), "GET", path("admin/realms/r/export")));
    assertFalse(
        AdminAccessFilter.authorized(of("r", "realm-admin"), "GET", path("admin/realms/x/export")));
  }

  @Test
  void authorizedWhenImportThenSystemAdminsOnly() {
    assertFalse(
        AdminAccessFilter.authorized(
            of("import", "realm-admin"), "POST", path("admin/realms/import")));
    assertTrue(
        AdminAccessFilter.authorized(of("system", "admin"), "POST", path("admin/realms/import")));
  }

  @Test
  void authorizedWhenRealmItselfThenRealmAdminChangesButNeverDeletes() {
    assertTrue(
        AdminAccessFilter.authorized(of("r", "realm-admin"), "PATCH", path("admin/realms/r")));
    assertFalse(
        AdminAccessFilter.authorized(of("r", "realm-admin"), "DELETE", path("admin/realms/r")));
    assertTrue(AdminAccessFilter.authorized(of("r", "view-audit"), "GET", path("admin/realms/r")));
    assertFalse(AdminAccessFilter.authorized(of("r", "view-audit"), "GET", path("admin/realms/x")));
  }

  @Test
  void realmOfWhenUnderRealmsThenName() {
    assertEquals("r", AdminAccessFilter.realmOf(path("admin/realms/r/users")));
    assertNull(AdminAccessFilter.realmOf(path("admin/realms")));
    assertNull(AdminAccessFilter.realmOf(path("admin/master-key")));
  }
}
