package com.pltfrms.iam.access;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
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
            em.createNativeQuery(
                    "SELECT id FROM oauth_client WHERE realm_id = ?1 AND client_id = ?2")
                .setParameter(1, realmId)
                .setParameter(2, clientId))
        .map(String.class::cast);
  }

  @Override
  public Optional<RoleSnapshot> role(String realmId, String clientDbId, String name) {
    Query query =
        clientDbId == null
            ? em.createNativeQuery(
                    ROLE_COLUMNS + " WHERE r.realm_id = ?1 AND r.client_id IS NULL AND r.name = ?2")
                .setParameter(1, realmId)
                .setParameter(2, name)
            : em.createNativeQuery(
                    ROLE_COLUMNS + " WHERE r.realm_id = ?1 AND r.client_id = ?2 AND r.name = ?3")
                .setParameter(1, realmId)
                .setParameter(2, clientDbId)
                .setParameter(3, name);
    return first(query).map(row -> role((Object[]) row));
  }

  @Override
  public Optional<RoleSnapshot> roleById(String roleId) {
    return first(em.createNativeQuery(ROLE_COLUMNS + " WHERE r.id = ?1").setParameter(1, roleId))
        .map(row -> role((Object[]) row));
  }

  @Override
  public List<RoleSnapshot> roles(String realmId, String clientDbId, int offset, int limit) {
    Query query =
        clientDbId == null
            ? em.createNativeQuery(
                    ROLE_COLUMNS
                        + " WHERE r.realm_id = ?1 AND r.client_id IS NULL ORDER BY r.name"
                        + " OFFSET ?2 LIMIT ?3")
                .setParameter(1, realmId)
                .setParameter(2, offset)
                .setParameter(3, limit)
            : em.createNativeQuery(
                    ROLE_COLUMNS
                        + " WHERE r.realm_id = ?1 AND r.client_id = ?2 ORDER BY r.name"
                        + " OFFSET ?3 LIMIT ?4")
                .setParameter(1, realmId)
                .setParameter(2, clientDbId)
                .setParameter(3, offset)
                .setParameter(4, limit);
    return rows(query).stream().map(this::role).toList();
  }

  @Override
  public long countRoles(String realmId, String clientDbId) {
    Query query =
        clientDbId == null
            ? em.createNativeQuery(
                    "SELECT count(*) FROM iam_role WHERE realm_id = ?1 AND client_id IS NULL")
                .setParameter(1, realmId)
            : em.createNativeQuery(
                    "SELECT count(*) FROM iam_role WHERE realm_id = ?1 AND client_id = ?2")
                .setParameter(1, realmId)
                .setParameter(2, clientDbId);
    return ((Number) query.getSingleResult()).longValue();
  }

  @Override
  public void insertRole(
      String id, String realmId, String clientDbId, String name, String description) {
    em.createNativeQuery(
            "INSERT INTO iam_role (id, realm_id, client_id, name, description)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, id)
        .setParameter(2, realmId)
        .setParameter(3, clientDbId)
        .setParameter(4, name)
        .setParameter(5, description)
        .executeUpdate();
  }

  @Override
  public void touchRole(String roleId, String description) {
    em.createNativeQuery(
            "UPDATE iam_role SET description = ?2, version = version + 1 WHERE id = ?1")
        .setParameter(1, roleId)
        .setParameter(2, description)
        .executeUpdate();
  }

  @Override
  public void deleteRole(String roleId) {
    em.createNativeQuery("DELETE FROM iam_role WHERE id = ?1")
        .setParameter(1, roleId)
        .executeUpdate();
  }

  @Override
  public void replaceComposites(String roleId, List<String> childIds) {
    em.createNativeQuery("DELETE FROM role_composite WHERE role_id = ?1")
        .setParameter(1, roleId)
        .executeUpdate();
    for (String child : childIds) {
      em.createNativeQuery("INSERT INTO role_composite (role_id, child_id) VALUES (?1, ?2)")
          .setParameter(1, roleId)
          .setParameter(2, child)
          .executeUpdate();
    }
  }

  @Override
  public void replacePermissions(String roleId, List<String> permissionIds) {
    em.createNativeQuery("DELETE FROM role_permission WHERE role_id = ?1")
        .setParameter(1, roleId)
        .executeUpdate();
    for (String permission : permissionIds) {
      em.createNativeQuery("INSERT INTO role_permission (role_id, permission_id) VALUES (?1, ?2)")
          .setParameter(1, roleId)
          .setParameter(2, permission)
          .executeUpdate();
    }
  }

  @Override
  public Map<String, List<String>> compositeGraph(String realmId) {
    Map<String, List<String>> graph = new HashMap<>();
    for (Object[] row :
        rows(
            em.createNativeQuery(
                    "SELECT rc.role_id, rc.child_id FROM role_composite rc"
                        + " JOIN iam_role r ON r.id = rc.role_id WHERE r.realm_id = ?1")
                .setParameter(1, realmId))) {
      graph.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return graph;
  }

  @Override
  public Optional<PermissionSnapshot> permission(String realmId, String name) {
    return first(
            em.createNativeQuery(PERMISSION_COLUMNS + " WHERE p.realm_id = ?1 AND p.name = ?2")
                .setParameter(1, realmId)
                .setParameter(2, name))
        .map(row -> permission((Object[]) row));
  }

  @Override
  public List<PermissionSnapshot> permissions(String realmId, int offset, int limit) {
    return rows(
            em.createNativeQuery(
                    PERMISSION_COLUMNS
                        + " WHERE p.realm_id = ?1 ORDER BY p.name OFFSET ?2 LIMIT ?3")
                .setParameter(1, realmId)
                .setParameter(2, offset)
                .setParameter(3, limit))
        .stream()
        .map(JpaRoleRepository::permission)
        .toList();
  }

  @Override
  public long countPermissions(String realmId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM iam_permission WHERE realm_id = ?1")
                .setParameter(1, realmId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public void insertPermission(
      String id, String realmId, String clientDbId, String name, String description) {
    em.createNativeQuery(
            "INSERT INTO iam_permission (id, realm_id, client_id, name, description)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, id)
        .setParameter(2, realmId)
        .setParameter(3, clientDbId)
        .setParameter(4, name)
        .setParameter(5, description)
        .executeUpdate();
  }

  @Override
  public void touchPermission(String permissionId, String description) {
    em.createNativeQuery(
            "UPDATE iam_permission SET description = ?2, version = version + 1 WHERE id = ?1")
        .setParameter(1, permissionId)
        .setParameter(2, description)
        .executeUpdate();
  }

  @Override
  public void deletePermission(String permissionId) {
    em.createNativeQuery("DELETE FROM iam_permission WHERE id = ?1")
        .setParameter(1, permissionId)
        .executeUpdate();
  }

  @Override
  public boolean userExists(String realmId, String userId) {
    return first(
            em.createNativeQuery("SELECT 1 FROM app_user WHERE realm_id = ?1 AND id = ?2")
                .setParameter(1, realmId)
                .setParameter(2, userId))
        .isPresent();
  }

  @Override
  public boolean groupExists(String realmId, String groupId) {
    return first(
            em.createNativeQuery("SELECT 1 FROM iam_group WHERE realm_id = ?1 AND id = ?2")
                .setParameter(1, realmId)
                .setParameter(2, groupId))
        .isPresent();
  }

  @Override
  public boolean map(MappingTarget target, String targetId, String roleId) {
    return em.createNativeQuery(
                "INSERT INTO "
                    + table(target)
                    + " ("
                    + column(target)
                    + ", role_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
            .setParameter(1, targetId)
            .setParameter(2, roleId)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean unmap(MappingTarget target, String targetId, String roleId) {
    return em.createNativeQuery(
                "DELETE FROM "
                    + table(target)
                    + " WHERE "
                    + column(target)
                    + " = ?1 AND role_id = ?2")
            .setParameter(1, targetId)
            .setParameter(2, roleId)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<RoleRef> mapped(MappingTarget target, String targetId) {
    return rows(
            em.createNativeQuery(
                    "SELECT c.client_id, r.name FROM "
                        + table(target)
                        + " m JOIN iam_role r ON r.id = m.role_id"
                        + " LEFT JOIN oauth_client c ON c.id = r.client_id WHERE m."
                        + column(target)
                        + " = ?1 ORDER BY c.client_id NULLS FIRST, r.name")
                .setParameter(1, targetId))
        .stream()
        .map(row -> new RoleRef((String) row[0], (String) row[1]))
        .toList();
  }

  @Override
  public long enabledClientsMapped(String roleId, String exceptClientDbId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM client_role m JOIN oauth_client c ON c.id = m.client_id"
                        + " WHERE m.role_id = ?1 AND c.enabled AND c.id <> ?2")
                .setParameter(1, roleId)
                .setParameter(2, exceptClientDbId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public void lock(String realmId) {
    AdvisoryLock.acquire(em, "access:" + realmId);
  }

  @Override
  public void announceChanged(String realmId) {
    CacheNotice.send(em, CacheNotice.Topic.ACCESS, realmId);
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

  private RoleSnapshot role(Object[] row) {
    String id = (String) row[0];
    List<RoleRef> composites =
        rows(
                em.createNativeQuery(
                        "SELECT c.client_id, r.name FROM role_composite rc"
                            + " JOIN iam_role r ON r.id = rc.child_id"
                            + " LEFT JOIN oauth_client c ON c.id = r.client_id"
                            + " WHERE rc.role_id = ?1 ORDER BY c.client_id NULLS FIRST, r.name")
                    .setParameter(1, id))
            .stream()
            .map(r -> new RoleRef((String) r[0], (String) r[1]))
            .toList();
    @SuppressWarnings("unchecked")
    List<String> permissions =
        em.createNativeQuery(
                "SELECT p.name FROM role_permission rp JOIN iam_permission p"
                    + " ON p.id = rp.permission_id WHERE rp.role_id = ?1 ORDER BY p.name")
            .setParameter(1, id)
            .getResultList();
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

  static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }

  @SuppressWarnings("unchecked")
  static List<Object[]> rows(Query query) {
    return query.getResultList();
  }

  @SuppressWarnings("unchecked")
  static Optional<Object> first(Query query) {
    List<Object> rows = query.setMaxResults(1).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }
}
