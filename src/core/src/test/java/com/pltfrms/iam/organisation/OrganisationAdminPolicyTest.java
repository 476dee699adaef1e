package com.pltfrms.iam.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.organisation.OrganisationAdminPolicy.Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganisationAdminPolicyTest {

  private static final String REALM = "r-acme";
  private static final String OTHER_REALM = "r-other";

  /** Alice: org-admin and approver in globex, viewer in initech. */
  private static final Map<String, OrganisationGrant> ALICE =
      Map.of(
          "globex", new OrganisationGrant("o-globex", "globex", List.of("approver", "org-admin")),
          "initech", new OrganisationGrant("o-initech", "initech", List.of("viewer")));

  private static final Set<Operation> MEMBER_MANAGEMENT =
      EnumSet.of(
          Operation.VIEW_ORGANIZATION,
          Operation.VIEW_MEMBERS,
          Operation.ADD_MEMBER,
          Operation.REMOVE_MEMBER,
          Operation.VIEW_MEMBER_ROLES,
          Operation.GRANT_MEMBER_ROLE,
          Operation.REVOKE_MEMBER_ROLE);

  @Test
  void allowedWhenOrgAdminOfTargetThenMembersAndMemberRolesOnly() {
    assertEquals(MEMBER_MANAGEMENT, OrganisationAdminPolicy.allowed(REALM, ALICE, REALM, "globex"));
  }

  @Test
  void allowedWhenOrgAdminOfTargetThenNotSettingsDeletionOrRealmRoles() {
    Set<Operation> allowed = OrganisationAdminPolicy.allowed(REALM, ALICE, REALM, "globex");
    for (Operation denied :
        List.of(
            Operation.CREATE_ORGANIZATION,
            Operation.UPDATE_ORGANIZATION,
            Operation.DELETE_ORGANIZATION,
            Operation.MANAGE_ORGANIZATION_ROLES)) {
      assertFalse(allowed.contains(denied), denied.name());
    }
  }

  @Test
  void allowedWhenMemberWithoutOrgAdminThenNothing() {
    assertEquals(Set.of(), OrganisationAdminPolicy.allowed(REALM, ALICE, REALM, "initech"));
  }

  @Test
  void allowedWhenNotMemberOfTargetThenNothing() {
    assertEquals(Set.of(), OrganisationAdminPolicy.allowed(REALM, ALICE, REALM, "hooli"));
  }

  @Test
  void allowedWhenTargetInAnotherRealmThenNothing() {
    assertEquals(Set.of(), OrganisationAdminPolicy.allowed(REALM, ALICE, OTHER_REALM, "globex"));
  }

  @Test
  void allowedWhenCallerHasNoRealmThenNothing() {
    assertEquals(Set.of(), OrganisationAdminPolicy.allowed(null, ALICE, REALM, "globex"));
  }

  @Test
  void allowedWhenNoGrantsThenNothing() {
    assertEquals(Set.of(), OrganisationAdminPolicy.allowed(REALM, Map.of(), REALM, "globex"));
  }

  @Test
  void allowsGrantWhenRoleHeldInTargetThenAllowed() {
    assertTrue(OrganisationAdminPolicy.allowsGrant(REALM, ALICE, REALM, "globex", "approver"));
    assertTrue(OrganisationAdminPolicy.allowsGrant(REALM, ALICE, REALM, "globex", "org-admin"));
  }

  @Test
  void allowsGrantWhenRoleNotHeldInTargetThenRefused() {
    // viewer is held in initech, not in globex: no escalation across organisations
    assertFalse(OrganisationAdminPolicy.allowsGrant(REALM, ALICE, REALM, "globex", "viewer"));
    assertFalse(OrganisationAdminPolicy.allowsGrant(REALM, ALICE, REALM, "globex", "auditor"));
  }

  @Test
  void allowsGrantWhenNotOrgAdminOfTargetThenRefusedEvenForHeldRole() {
    assertFalse(OrganisationAdminPolicy.allowsGrant(REALM, ALICE, REALM, "initech", "viewer"));
  }

  @Test
  void allowsWhenRevokeInOwnOrganisationThenAllowedForAnyRole() {
    assertTrue(
        OrganisationAdminPolicy.allows(
            REALM, ALICE, REALM, "globex", Operation.REVOKE_MEMBER_ROLE));
  }
}
