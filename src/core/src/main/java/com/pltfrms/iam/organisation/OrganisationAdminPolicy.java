package com.pltfrms.iam.organisation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an organisation's own administrator may do (issue 6, point 14): a member holding the
 * built-in organisation role {@link OrganizationRole#ORG_ADMIN} in organisation O may see O, list
 * its members and their organisation roles, add and remove O's members, and grant and revoke
 * organisation roles in O. Nothing else: not O's settings, domains or attributes, not O's deletion,
 * not another organisation, not the realm's organisation roles, nothing of another realm. A grant
 * is further bounded by the rule that nobody grants a role they do not hold themselves: an {@code
 * org-admin} grants in O only roles it holds in O ({@code org-admin} among them, so it can appoint
 * another). Revoking and removing are not so bounded (removing the member would take every role
 * anyway).
 *
 * <p>A plain decision, without state: the caller's grants come from {@link OrganisationAccess},
 * read live for every call by the admin API's gate.
 */
public final class OrganisationAdminPolicy {

  /** The organisation operations of the admin API. */
  public enum Operation {
    CREATE_ORGANIZATION,
    VIEW_ORGANIZATION,
    UPDATE_ORGANIZATION,
    DELETE_ORGANIZATION,
    VIEW_MEMBERS,
    ADD_MEMBER,
    REMOVE_MEMBER,
    VIEW_MEMBER_ROLES,
    GRANT_MEMBER_ROLE,
    REVOKE_MEMBER_ROLE,
    MANAGE_ORGANIZATION_ROLES
  }

  /** What an org-admin may do in its own organisation. */
  private static final Set<Operation> ORG_ADMIN_OPERATIONS =
      EnumSet.of(
          Operation.VIEW_ORGANIZATION,
          Operation.VIEW_MEMBERS,
          Operation.ADD_MEMBER,
          Operation.REMOVE_MEMBER,
          Operation.VIEW_MEMBER_ROLES,
          Operation.GRANT_MEMBER_ROLE,
          Operation.REVOKE_MEMBER_ROLE);

  private OrganisationAdminPolicy() {}

  /**
   * The operations a caller of realm {@code callerRealmId} with organisation grants {@code
   * callerGrants} (by alias, as {@link OrganisationAccess#of} answers) may perform on organisation
   * {@code targetAlias} of realm {@code targetRealmId}.
   */
  public static Set<Operation> allowed(
      String callerRealmId,
      Map<String, OrganisationGrant> callerGrants,
      String targetRealmId,
      String targetAlias) {
    Objects.requireNonNull(callerGrants, "callerGrants");
    if (callerRealmId == null || !callerRealmId.equals(targetRealmId) || targetAlias == null) {
      return EnumSet.noneOf(Operation.class);
    }
    OrganisationGrant grant = callerGrants.get(targetAlias);
    if (grant == null || !grant.holds(OrganizationRole.ORG_ADMIN)) {
      return EnumSet.noneOf(Operation.class);
    }
    return EnumSet.copyOf(ORG_ADMIN_OPERATIONS);
  }

  /** Whether the caller may perform {@code operation} (other than a grant) on the organisation. */
  public static boolean allows(
      String callerRealmId,
      Map<String, OrganisationGrant> callerGrants,
      String targetRealmId,
      String targetAlias,
      Operation operation) {
    return allowed(callerRealmId, callerGrants, targetRealmId, targetAlias).contains(operation);
  }

  /**
   * Whether the caller may grant organisation role {@code role} to a member of the organisation: it
   * may manage member roles there and holds {@code role} there itself.
   */
  public static boolean allowsGrant(
      String callerRealmId,
      Map<String, OrganisationGrant> callerGrants,
      String targetRealmId,
      String targetAlias,
      String role) {
    return allows(
            callerRealmId, callerGrants, targetRealmId, targetAlias, Operation.GRANT_MEMBER_ROLE)
        && callerGrants.get(targetAlias).holds(role);
  }
}
