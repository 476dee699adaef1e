package com.pltfrms.iam.access;

import java.util.Set;

/**
 * The parts of {@code /admin/realms/{realm}/…} that a realm's delegated-administration roles open.
 * A family not listed here ({@link #OTHER}) is open only to {@link #REALM_ADMIN realm-admin} and to
 * system administrators: default-deny.
 */
public enum AdminFamily {
  /** The realm's own settings ({@code /admin/realms/{realm}}). */
  REALM,
  /** Users, their groups, role mappings and effective access. */
  USERS,
  /** Groups, their members and role mappings. */
  GROUPS,
  /** Clients, their roles, permissions they own and their service accounts' mappings. */
  CLIENTS,
  /** Realm roles and permissions. */
  ROLES,
  /** The audit trail. */
  AUDIT,
  /** Anything else (keys, …). */
  OTHER;

  public static final String REALM_ADMIN = "realm-admin";
  public static final String MANAGE_USERS = "manage-users";
  public static final String VIEW_USERS = "view-users";
  public static final String MANAGE_GROUPS = "manage-groups";
  public static final String MANAGE_CLIENTS = "manage-clients";
  public static final String VIEW_AUDIT = "view-audit";

  /** Every built-in delegated-administration role. */
  public static final Set<String> ROLES_OF_ADMINISTRATION =
      Set.of(REALM_ADMIN, MANAGE_USERS, VIEW_USERS, MANAGE_GROUPS, MANAGE_CLIENTS, VIEW_AUDIT);

  /**
   * Whether {@code access} (of a principal of the realm concerned) may use this family, reading
   * ({@code write} false: GET and HEAD) or changing.
   */
  public boolean allows(EffectiveAccess access, boolean write) {
    if (access.holdsRealmRole(REALM_ADMIN)) {
      return true;
    }
    return switch (this) {
      case REALM -> !write && holdsAny(access);
      case USERS ->
          access.holdsRealmRole(MANAGE_USERS) || (!write && access.holdsRealmRole(VIEW_USERS));
      case GROUPS ->
          access.holdsRealmRole(MANAGE_GROUPS)
              || (!write
                  && (access.holdsRealmRole(MANAGE_USERS) || access.holdsRealmRole(VIEW_USERS)));
      case CLIENTS -> access.holdsRealmRole(MANAGE_CLIENTS);
      case ROLES -> !write && holdsAny(access) && !onlyAudit(access);
      case AUDIT -> !write && access.holdsRealmRole(VIEW_AUDIT);
      case OTHER -> false;
    };
  }

  /** Whether {@code access} holds any delegated-administration role. */
  public static boolean holdsAny(EffectiveAccess access) {
    return ROLES_OF_ADMINISTRATION.stream().anyMatch(access::holdsRealmRole);
  }

  private static boolean onlyAudit(EffectiveAccess access) {
    return ROLES_OF_ADMINISTRATION.stream()
        .filter(r -> !r.equals(VIEW_AUDIT))
        .noneMatch(access::holdsRealmRole);
  }
}
