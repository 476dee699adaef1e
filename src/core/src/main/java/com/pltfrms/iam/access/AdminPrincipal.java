package com.pltfrms.iam.access;

import com.pltfrms.iam.organisation.OrganisationAdminPolicy;
import com.pltfrms.iam.organisation.OrganisationGrant;
import com.pltfrms.iam.organisation.OrganizationRole;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.SystemAdmin;
import java.util.List;
import java.util.Map;

/**
 * A principal admitted to the admin API, as it stands now (not as its token claimed): a system
 * administrator (the system realm's {@link SystemAdmin#ROLE} role: every realm), or a delegated
 * administrator of its own realm (the roles of {@link AdminFamily}), or a user who holds the
 * organisation role {@link OrganizationRole#ORG_ADMIN} in organisations of its realm, which opens
 * those organisations' members and member roles ({@link OrganisationAdminPolicy}).
 *
 * @param actor who it is, as audit events name it
 * @param realmName the realm it belongs to
 * @param access what it holds now
 * @param organisations the organisations it belongs to now, by alias, with its roles in each
 */
public record AdminPrincipal(
    Actor actor,
    String realmName,
    EffectiveAccess access,
    Map<String, OrganisationGrant> organisations) {

  public AdminPrincipal {
    organisations = Map.copyOf(organisations);
  }

  /** A principal of no organisation (a service client, or a user of none). */
  public AdminPrincipal(Actor actor, String realmName, EffectiveAccess access) {
    this(actor, realmName, access, Map.of());
  }

  /** Whether it administers every realm. */
  public boolean systemAdmin() {
    return com.pltfrms.iam.realm.RealmName.SYSTEM.equals(realmName)
        && access.holdsRealmRole(SystemAdmin.ROLE);
  }

  /** Its realm roles now. */
  public List<String> roles() {
    return access.realmRoleNames();
  }

  /** Whether it may see the realm at all (list it); an organisation admin sees its own. */
  public boolean maySee(String realm) {
    return systemAdmin()
        || (realmName.equals(realm) && (AdminFamily.holdsAny(access) || organisationAdmin()));
  }

  /** Whether it holds {@link OrganizationRole#ORG_ADMIN} in at least one organisation. */
  public boolean organisationAdmin() {
    return organisations.values().stream().anyMatch(g -> g.holds(OrganizationRole.ORG_ADMIN));
  }

  /**
   * Whether, as an organisation admin, it may perform {@code operation} on organisation {@code
   * alias} of {@code realm}; {@code grantedRole} names the organisation role of a {@link
   * OrganisationAdminPolicy.Operation#GRANT_MEMBER_ROLE grant}, which it must hold there itself.
   */
  public boolean mayInOrganisation(
      String realm, String alias, OrganisationAdminPolicy.Operation operation, String grantedRole) {
    if (operation == OrganisationAdminPolicy.Operation.GRANT_MEMBER_ROLE) {
      return OrganisationAdminPolicy.allowsGrant(
          realmName, organisations, realm, alias, grantedRole);
    }
    return OrganisationAdminPolicy.allows(realmName, organisations, realm, alias, operation);
  }

  /** Whether it may use {@code family} of {@code realm}, reading or changing. */
  public boolean may(String realm, AdminFamily family, boolean write) {
    if (systemAdmin()) {
      return true;
    }
    return realmName.equals(realm) && family.allows(access, write);
  }

  /**
   * Whether it may map {@code role} of {@code realm} to someone (or put it into a composite or a
   * group): system administrators and the realm's {@code realm-admin} may grant any role; anybody
   * else only roles it holds itself, so nobody gains through a grant what its grantor lacks.
   */
  public boolean mayGrant(String realm, RoleRef role) {
    if (systemAdmin()) {
      return true;
    }
    if (!realmName.equals(realm)
        || (com.pltfrms.iam.realm.RealmName.SYSTEM.equals(realm)
            && role.equals(RoleRef.realm(SystemAdmin.ROLE)))) {
      return false; // the system realm's admin role is granted by system administrators only
    }
    return access.holdsRealmRole(AdminFamily.REALM_ADMIN) || access.holds(role);
  }
}
