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
import com.pltfrms.iam.organisation.OrganisationAdminPolicy.Operation;
import com.pltfrms.iam.organisation.OrganisationGrant;
import com.pltfrms.iam.shared.Actor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

  /** A user of realm {@code r} with no realm role, holding {@code roles} in organisation acme. */
  private static AdminPrincipal acmeMember(String... roles) {
    return new AdminPrincipal(
        Actor.user("u", "olga"),
        "r",
        EffectiveAccess.of(List.of()),
        Map.of("acme", new OrganisationGrant("o1", "acme", List.of(roles))));
  }

  @Test
  void organisationAdminWhenOwnOrganisationThenMembersAndTheirRolesOnly() {
    AdminPrincipal admin = acmeMember("org-admin", "approver");
    for (String[] allowed :
        new String[][] {
          {"GET", "admin/realms/r/organizations/acme"},
          {"GET", "admin/realms/r/organizations/acme/members"},
          {"GET", "admin/realms/r/organizations/acme/members/u2"},
          {"PUT", "admin/realms/r/organizations/acme/members/u2"},
          {"DELETE", "admin/realms/r/organizations/acme/members/u2"},
          {"GET", "admin/realms/r/organizations/acme/members/u2/roles"},
          {"PUT", "admin/realms/r/organizations/acme/members/u2/roles/approver"},
          {"DELETE", "admin/realms/r/organizations/acme/members/u2/roles/auditor"},
        }) {
      assertTrue(
          AdminAccessFilter.authorized(admin, allowed[0], path(allowed[1])),
          String.join(" ", allowed));
    }
    for (String[] refused :
        new String[][] {
          {"PATCH", "admin/realms/r/organizations/acme"},
          {"DELETE", "admin/realms/r/organizations/acme"},
          {"GET", "admin/realms/r/organizations"},
          {"POST", "admin/realms/r/organizations"},
          {"GET", "admin/realms/r/organizations/globex/members"},
          {"GET", "admin/realms/x/organizations/acme/members"},
          {"PUT", "admin/realms/r/organizations/acme/members/u2/roles/auditor"},
          {"POST", "admin/realms/r/organizations/acme/members"},
          {"GET", "admin/realms/r/organizations/acme/members/u2/organizations"},
          {"GET", "admin/realms/r/organization-roles"},
          {"GET", "admin/realms/r/users"},
          {"GET", "admin/realms/r"},
        }) {
      assertFalse(
          AdminAccessFilter.authorized(admin, refused[0], path(refused[1])),
          String.join(" ", refused));
    }
  }

  @Test
  void organisationAdminWhenOnlyMemberThenNothing() {
    AdminPrincipal member = acmeMember("approver");
    assertFalse(member.organisationAdmin());
    assertFalse(
        AdminAccessFilter.authorized(
            member, "GET", path("admin/realms/r/organizations/acme/members")));
    assertTrue(acmeMember("org-admin").organisationAdmin());
    assertTrue(acmeMember("org-admin").maySee("r"));
    assertFalse(acmeMember("org-admin").maySee("x"));
  }

  @Test
  void organisationOperationWhenPathsThenTheOperation() {
    assertEquals(
        Operation.GRANT_MEMBER_ROLE,
        AdminAccessFilter.organisationOperation(
            "PUT", path("admin/realms/r/organizations/a/members/u/roles/x")));
    assertNull(
        AdminAccessFilter.organisationOperation(
            "POST", path("admin/realms/r/organizations/a/members/u/roles/x")));
    assertNull(
        AdminAccessFilter.organisationOperation("GET", path("admin/realms/r/organizations/a/x")));
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
