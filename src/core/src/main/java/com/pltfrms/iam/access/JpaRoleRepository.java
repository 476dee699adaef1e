package com.pltfrms.iam.access;

import static com.pltfrms.iam.shared.NativeSql.execute;
import static com.pltfrms.iam.shared.NativeSql.exists;
import static com.pltfrms.iam.shared.NativeSql.first;
import static com.pltfrms.iam.shared.NativeSql.instant;
import static com.pltfrms.iam.shared.NativeSql.number;
import static com.pltfrms.iam.shared.NativeSql.rows;
import static com.pltfrms.iam.shared.NativeSql.strings;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RoleRepository} in SQL on the persistence unit's connection. */
@ApplicationScoped
class JpaRoleRepository implements RoleRepository {

  private static final String ROLE_COLUMNS =
      "SELECT r.id, r.realm_id, r.client_id, c.client_id, r.name, r.description, r.built_in,"
          + " r.created_at, r.version FROM iam_role r LEFT JOIN oauth_client c ON c.id = r.client_id";

  private static final String PERMISSION_COLUMNS =
      "SELECT p.id, p.realm_id, p.client_id, c.client_id, p.name, p.description, p.created_at,"
          + " p.version FROM iam_permission p LEFT JOIN oauth_client c ON c.id = p.client_id";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public Optional<String> clientDbId(String realmId, String clientId) {
    return first(
            em,
            "SELECT id FROM oauth_client WHERE realm_id = ?1 AND client_id = ?2",
            realmId,
            clientId)
        .map(String.class::cast);
  }

  @Override
  public Optional<RoleSnapshot> role(String realmId, String clientDbId, String name) {
    return first(
            em,
            ROLE_COLUMNS + " WHERE r.realm_id = ?1 AND" + ofClient(clientDbId) + " AND r.name = ?3",
            realmId,
            clientDbId,
            name)
        .map(row -> role((Object[]) row));
  }

  @Override
  public Optional<RoleSnapshot> roleById(String roleId) {
    return first(em, ROLE_COLUMNS + " WHERE r.id = ?1", roleId).map(row -> role((Object[]) row));
  }

  @Override
  public List<RoleSnapshot> roles(String realmId, String clientDbId, int offset, int limit) {
    return rows(
            em,
            ROLE_COLUMNS
                + " WHERE r.realm_id = ?1 AND"
                + ofClient(clientDbId)
                + " ORDER BY r.name OFFSET ?3 LIMIT ?4",
            realmId,
            clientDbId,
            offset,
            limit)
        .stream()
        .map(this::role)
        .toList();
  }

  @Override
  public long countRoles(String realmId, String clientDbId) {
    return number(
        em,
        "SELECT count(*) FROM iam_role r WHERE r.realm_id = ?1 AND" + ofClient(clientDbId),
        realmId,
        clientDbId);
  }

  @Override
  public void insertRole(
      String id, String realmId, String clientDbId, String name, String description) {
    execute(
        em,
        "INSERT INTO iam_role (id, realm_id, client_id, name, description)"
            + " VALUES (?1, ?2, ?3, ?4, ?5)",
        id,
        realmId,
        clientDbId,
        name,
        description);
  }

  @Override
  public void touchRole(String roleId, String description) {
    execute(
        em,
        "UPDATE iam_role SET description = ?2, version = version + 1 WHERE id = ?1",
        roleId,
        description);
  }

  @Override
  public void deleteRole(String roleId) {
    execute(em, "DELETE FROM iam_role WHERE id = ?1", roleId);
  }

  @Override
  public void replaceComposites(String roleId, List<String> childIds) {
    execute(em, "DELETE FROM role_composite WHERE role_id = ?1", roleId);
    for (String child : childIds) {
      execute(em, "INSERT INTO role_composite (role_id, child_id) VALUES (?1, ?2)", roleId, child);
    }
  }

  @Override
  public void replacePermissions(String roleId, List<String> permissionIds) {
    execute(em, "DELETE FROM role_permission WHERE role_id = ?1", roleId);
    for (String permission : permissionIds) {
      execute(
          em,
          "INSERT INTO role_permission (role_id, permission_id) VALUES (?1, ?2)",
          roleId,
          permission);
    }
  }

  @Override
  public Map<String, List<String>> compositeGraph(String realmId) {
    Map<String, List<String>> graph = new HashMap<>();
    for (Object[] row :
        rows(
            em,
            "SELECT rc.role_id, rc.child_id FROM role_composite rc"
                + " JOIN iam_role r ON r.id = rc.role_id WHERE r.realm_id = ?1",
            realmId)) {
      graph.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return graph;
  }

  @Override
  public Optional<PermissionSnapshot> permission(String realmId, String name) {
    return first(em, PERMISSION_COLUMNS + " WHERE p.realm_id = ?1 AND p.name = ?2", realmId, name)
        .map(row -> permission((Object[]) row));
  }

  @Override
  public List<PermissionSnapshot> permissions(String realmId, int offset, int limit) {
    return rows(
            em,
            PERMISSION_COLUMNS + " WHERE p.realm_id = ?1 ORDER BY p.name OFFSET ?2 LIMIT ?3",
            realmId,
            offset,
            limit)
        .stream()
        .map(JpaRoleRepository::permission)
        .toList();
  }

  @Override
  public long countPermissions(String realmId) {
    return number(em, "SELECT count(*) FROM iam_permission WHERE realm_id = ?1", realmId);
  }

  @Override
  public void insertPermission(
      String id, String realmId, String clientDbId, String name, String description) {
    execute(
        em,
        "INSERT INTO iam_permission (id, realm_id, client_id, name, description)"
            + " VALUES (?1, ?2, ?3, ?4, ?5)",
        id,
        realmId,
        clientDbId,
        name,
        description);
  }

  @Override
  public void touchPermission(String permissionId, String description) {
    execute(
        em,
        "UPDATE iam_permission SET description = ?2, version = version + 1 WHERE id = ?1",
        permissionId,
        description);
  }

  @Override
  public void deletePermission(String permissionId) {
    execute(em, "DELETE FROM iam_permission WHERE id = ?1", permissionId);
  }

  @Override
  public boolean userExists(String realmId, String userId) {
    return exists(em, "SELECT 1 FROM app_user WHERE realm_id = ?1 AND id = ?2", realmId, userId);
  }

  @Override
  public boolean groupExists(String realmId, String groupId) {
    return exists(em, "SELECT 1 FROM iam_group WHERE realm_id = ?1 AND id = ?2", realmId, groupId);
  }

  @Override
  public boolean map(MappingTarget target, String targetId, String roleId) {
    return execute(
            em,
            "INSERT INTO "
                + table(target)
                + " ("
                + column(target)
                + ", role_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            targetId,
            roleId)
        == 1;
  }

  @Override
  public boolean unmap(MappingTarget target, String targetId, String roleId) {
    return execute(
            em,
            "DELETE FROM " + table(target) + " WHERE " + column(target) + " = ?1 AND role_id = ?2",
            targetId,
            roleId)
        == 1;
  }

  @Override
  public List<RoleRef> mapped(MappingTarget target, String targetId) {
    return roleRefs(
        "SELECT c.client_id, r.name FROM "
            + table(target)
            + " m JOIN iam_role r ON r.id = m.role_id"
            + " LEFT JOIN oauth_client c ON c.id = r.client_id WHERE m."
            + column(target)
            + " = ?1 ORDER BY c.client_id NULLS FIRST, r.name",
        targetId);
  }

  @Override
  public long enabledClientsMapped(String roleId, String exceptClientDbId) {
    return number(
        em,
        "SELECT count(*) FROM client_role m JOIN oauth_client c ON c.id = m.client_id"
            + " WHERE m.role_id = ?1 AND c.enabled AND c.id <> ?2",
        roleId,
        exceptClientDbId);
  }

  @Override
  public void lock(String realmId) {
    AdvisoryLock.acquire(em, "access:" + realmId);
  }

  @Override
  public void announceChanged(String realmId) {
    CacheNotice.send(em, CacheNotice.Topic.ACCESS, realmId);
  }

  /**
   * The roles of one client ({@code ?2} its row id) or, for a null id, the realm's own. Both forms
   * bind {@code ?2}, so the statements around them number their parameters alike; each form meets
   * the index on (realm_id, client_id, name).
   */
  private static String ofClient(String clientDbId) {
    return clientDbId == null
        ? " r.client_id IS NULL AND CAST(?2 AS VARCHAR) IS NULL"
        : " r.client_id = ?2";
  }

  private static String table(MappingTarget target) {
    return switch (target) {
      case USER -> "user_role";
      case GROUP -> "group_role";
      case CLIENT -> "client_role";
    };
  }

  private static String column(MappingTarget target) {
    return switch (target) {
      case USER -> "user_id";
      case GROUP -> "group_id";
      case CLIENT -> "client_id";
    };
  }

  private List<RoleRef> roleRefs(String sql, String id) {
    return rows(em, sql, id).stream().map(r -> new RoleRef((String) r[0], (String) r[1])).toList();
  }

  private RoleSnapshot role(Object[] row) {
    String id = (String) row[0];
    List<RoleRef> composites =
        roleRefs(
            "SELECT c.client_id, r.name FROM role_composite rc"
                + " JOIN iam_role r ON r.id = rc.child_id"
                + " LEFT JOIN oauth_client c ON c.id = r.client_id"
                + " WHERE rc.role_id = ?1 ORDER BY c.client_id NULLS FIRST, r.name",
            id);
    List<String> permissions =
        strings(
            em,
            "SELECT p.name FROM role_permission rp JOIN iam_permission p"
                + " ON p.id = rp.permission_id WHERE rp.role_id = ?1 ORDER BY p.name",
            id);
    return new RoleSnapshot(
        id,
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        Boolean.TRUE.equals(row[6]),
        composites,
        permissions,
        instant(row[7]),
        ((Number) row[8]).longValue());
  }

  private static PermissionSnapshot permission(Object[] row) {
    return new PermissionSnapshot(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        instant(row[6]),
        ((Number) row[7]).longValue());
  }
}
