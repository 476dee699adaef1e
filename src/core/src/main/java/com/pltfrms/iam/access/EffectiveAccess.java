package com.pltfrms.iam.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a principal holds in its realm, de-duplicated: each role and permission once, with
 * every source it comes from. Built from the rows of the one effective-access query; what tokens
 * carry ({@link #realmRoleNames}, {@link #clientRoleNames}, {@link #permissionNames}) is derived
 * once here, so the token path only reads it.
 */
public final class EffectiveAccess {

  /** Holding nothing. */
  public static final EffectiveAccess NONE = of(List.of());

  private final List<EffectiveRole> roles;
  private final List<EffectivePermission> permissions;
  private final List<String> realmRoleNames;
  private final Map<String, List<String>> clientRoleNames;
  private final List<String> permissionNames;
  private final Set<RoleRef> held;

  private EffectiveAccess(List<EffectiveRole> roles, List<EffectivePermission> permissions) {
    this.roles = List.copyOf(roles);
    this.permissions = List.copyOf(permissions);
    List<String> realm = new ArrayList<>();
    Map<String, List<String>> clients = new TreeMap<>();
    Set<RoleRef> refs = new LinkedHashSet<>();
    for (EffectiveRole role : roles) {
      refs.add(role.role());
      if (role.role().isRealmRole()) {
        realm.add(role.role().name());
      } else {
        clients
            .computeIfAbsent(role.role().clientId(), c -> new ArrayList<>())
            .add(role.role().name());
      }
    }
    clients.replaceAll((client, names) -> List.copyOf(names));
    this.realmRoleNames = List.copyOf(realm);
    this.clientRoleNames = Map.copyOf(clients);
    this.permissionNames = permissions.stream().map(EffectivePermission::name).toList();
    this.held = Set.copyOf(refs);
  }

  /** Folds query rows: one entry per role and permission, sources in first-seen order. */
  public static EffectiveAccess of(Collection<AccessRow> rows) {
    Map<RoleRef, LinkedHashSet<Grant>> roles = new TreeMap<>();
    Map<String, String> owners = new TreeMap<>();
    Map<String, LinkedHashSet<Grant>> permissions = new TreeMap<>();
    for (AccessRow row : rows) {
      if (row.permission()) {
        owners.putIfAbsent(row.name(), row.clientId());
        permissions.computeIfAbsent(row.name(), n -> new LinkedHashSet<>()).add(row.grant());
      } else {
        roles
            .computeIfAbsent(new RoleRef(row.clientId(), row.name()), r -> new LinkedHashSet<>())
            .add(row.grant());
      }
    }
    return new EffectiveAccess(
        roles.entrySet().stream()
            .map(e -> new EffectiveRole(e.getKey(), new ArrayList<>(e.getValue())))
            .toList(),
        permissions.entrySet().stream()
            .map(
                e ->
                    new EffectivePermission(
                        e.getKey(), owners.get(e.getKey()), new ArrayList<>(e.getValue())))
            .toList());
  }

  public List<EffectiveRole> roles() {
    return roles;
  }

  public List<EffectivePermission> permissions() {
    return permissions;
  }

  /** The realm roles' names, sorted: the token's {@code roles}. */
  public List<String> realmRoleNames() {
    return realmRoleNames;
  }

  /** Client id → that client's role names, sorted: the token's {@code resource_access}. */
  public Map<String, List<String>> clientRoleNames() {
    return clientRoleNames;
  }

  /** The permissions' names, sorted: the token's {@code permissions}. */
  public List<String> permissionNames() {
    return permissionNames;
  }

  public boolean holds(RoleRef role) {
    return held.contains(role);
  }

  public boolean holdsRealmRole(String name) {
    return held.contains(RoleRef.realm(name));
  }
}
