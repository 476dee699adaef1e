package com.pltfrms.iam.access;

import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.SystemAdmin;
import java.util.List;

/**
 * A principal admitted to the admin API, as it stands now (not as its token claimed): a system
 * administrator (the system realm's {@link SystemAdmin#ROLE} role: every realm), or a delegated
 * administrator of its own realm (the roles of {@link AdminFamily}).
 *
 * @param actor who it is, as audit events name it
 * @param realmName the realm it belongs to
 * @param access what it holds now
 */
public record AdminPrincipal(Actor actor, String realmName, EffectiveAccess access) {

  /** Whether it administers every realm. */
  public boolean systemAdmin() {
    return com.pltfrms.iam.realm.RealmName.SYSTEM.equals(realmName)
        && access.holdsRealmRole(SystemAdmin.ROLE);
  }

  /** Its realm roles now. */
  public List<String> roles() {
    return access.realmRoleNames();
  }

  /** Whether it may see the realm at all (list it, read its settings). */
  public boolean maySee(String realm) {
    return systemAdmin() || (realmName.equals(realm) && AdminFamily.holdsAny(access));
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
