package com.pltfrms.iam.oauth.token;

import java.util.List;
import java.util.Map;

/**
 * What an access token says its principal may do, as Keycloak's tokens say it: {@code roles} (the
 * effective realm roles), {@code resource_access} ({@code {"clientId":{"roles":[...]}}}, the
 * effective client roles) and {@code permissions}; for a user, when the scopes ask, {@code groups}
 * (paths) and {@code organization} ({@code {"alias":{"id":…,"roles":[…]}}}).
 *
 * <p>Claim sizes are bounded: at most {@link #MAX_GROUPS} group paths and {@link
 * #MAX_ORGANIZATIONS} organisations. A user with more gets the first ones in path (alias) order and
 * {@code groups_overflow} (or {@code organization_overflow}) set to true, and reads the whole list
 * through the admin API, so a user in 5,000 groups does not get a megabyte token.
 */
public record AccessClaims(
    List<String> roles,
    Map<String, List<String>> clientRoles,
    List<String> permissions,
    List<String> groups,
    boolean groupsOverflow,
    Map<String, Map<String, Object>> organizations,
    boolean organizationsOverflow) {

  public static final int MAX_GROUPS = 100;
  public static final int MAX_ORGANIZATIONS = 100;

  public static final AccessClaims NONE = new AccessClaims(List.of(), Map.of(), List.of());

  public AccessClaims {
    roles = List.copyOf(roles);
    clientRoles = Map.copyOf(clientRoles);
    permissions = List.copyOf(permissions);
    groups = List.copyOf(groups);
    organizations = Map.copyOf(organizations);
  }

  /** Roles, client roles and permissions only: a service client's, or a user's without scopes. */
  public AccessClaims(
      List<String> roles, Map<String, List<String>> clientRoles, List<String> permissions) {
    this(roles, clientRoles, permissions, List.of(), false, Map.of(), false);
  }

  /** These claims with the user's group paths, at most {@link #MAX_GROUPS} of them. */
  public AccessClaims withGroups(List<String> paths) {
    List<String> sorted = paths.stream().sorted().toList();
    boolean overflow = sorted.size() > MAX_GROUPS;
    return new AccessClaims(
        roles,
        clientRoles,
        permissions,
        overflow ? sorted.subList(0, MAX_GROUPS) : sorted,
        overflow,
        organizations,
        organizationsOverflow);
  }

  /** These claims with the user's organisations, at most {@link #MAX_ORGANIZATIONS} of them. */
  public AccessClaims withOrganizations(Map<String, Map<String, Object>> byAlias) {
    List<String> aliases = byAlias.keySet().stream().sorted().toList();
    boolean overflow = aliases.size() > MAX_ORGANIZATIONS;
    Map<String, Map<String, Object>> kept = new java.util.TreeMap<>();
    (overflow ? aliases.subList(0, MAX_ORGANIZATIONS) : aliases)
        .forEach(alias -> kept.put(alias, byAlias.get(alias)));
    return new AccessClaims(
        roles, clientRoles, permissions, groups, groupsOverflow, kept, overflow);
  }
}
