package com.pltfrms.iam.access;

import static com.pltfrms.iam.access.JpaRoleRepository.first;
import static com.pltfrms.iam.access.JpaRoleRepository.instant;
import static com.pltfrms.iam.access.JpaRoleRepository.rows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link GroupRepository} in SQL. Subtrees are found by path prefix ({@code left(path, n) = p ||
 * '/'}, which no name can fool: names hold no '/', and LIKE wildcards play no part).
 */
@ApplicationScoped
class JpaGroupRepository implements GroupRepository {

  private static final String COLUMNS =
      "SELECT g.id, g.realm_id, g.parent_id, g.name, g.path, g.depth, g.external_id,"
          + " CAST(g.attributes AS TEXT), g.created_at, g.updated_at, g.version FROM iam_group g";

  private static final String WITHIN = " (g.path = ?2 OR left(g.path, length(?2) + 1) = ?2 || '/')";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public Optional<GroupSnapshot> find(String realmId, String groupId) {
    return first(
            em.createNativeQuery(COLUMNS + " WHERE g.realm_id = ?1 AND g.id = ?2")
                .setParameter(1, realmId)
                .setParameter(2, groupId))
        .map(row -> group((Object[]) row));
  }

  @Override
  public List<GroupSnapshot> children(String realmId, String parentId, int offset, int limit) {
    Query query =
        parentId == null
            ? em.createNativeQuery(
                    COLUMNS
                        + " WHERE g.realm_id = ?1 AND g.parent_id IS NULL ORDER BY g.name"
                        + " OFFSET ?2 LIMIT ?3")
                .setParameter(1, realmId)
                .setParameter(2, offset)
                .setParameter(3, limit)
            : em.createNativeQuery(
                    COLUMNS
                        + " WHERE g.realm_id = ?1 AND g.parent_id = ?2 ORDER BY g.name"
                        + " OFFSET ?3 LIMIT ?4")
                .setParameter(1, realmId)
                .setParameter(2, parentId)
                .setParameter(3, offset)
                .setParameter(4, limit);
    return rows(query).stream().map(JpaGroupRepository::group).toList();
  }

  @Override
  public long countChildren(String realmId, String parentId) {
    Query query =
        parentId == null
            ? em.createNativeQuery(
                    "SELECT count(*) FROM iam_group WHERE realm_id = ?1 AND parent_id IS NULL")
                .setParameter(1, realmId)
            : em.createNativeQuery(
                    "SELECT count(*) FROM iam_group WHERE realm_id = ?1 AND parent_id = ?2")
                .setParameter(1, realmId)
                .setParameter(2, parentId);
    return ((Number) query.getSingleResult()).longValue();
  }

  @Override
  public boolean pathTaken(String realmId, String path) {
    return first(
            em.createNativeQuery("SELECT 1 FROM iam_group WHERE realm_id = ?1 AND path = ?2")
                .setParameter(1, realmId)
                .setParameter(2, path))
        .isPresent();
  }

  @Override
  public boolean externalIdTaken(String realmId, String externalId, String exceptGroupId) {
    return first(
            em.createNativeQuery(
                    "SELECT 1 FROM iam_group WHERE realm_id = ?1 AND external_id = ?2"
                        + " AND id <> ?3")
                .setParameter(1, realmId)
                .setParameter(2, externalId)
                .setParameter(3, exceptGroupId == null ? "" : exceptGroupId))
        .isPresent();
  }

  @Override
  public void insert(GroupSnapshot group) {
    em.createNativeQuery(
            "INSERT INTO iam_group (id, realm_id, parent_id, name, path, depth, external_id,"
                + " attributes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS JSONB))")
        .setParameter(1, group.id())
        .setParameter(2, group.realmId())
        .setParameter(3, group.parentId())
        .setParameter(4, group.name())
        .setParameter(5, group.path())
        .setParameter(6, group.depth())
        .setParameter(7, group.externalId())
        .setParameter(8, group.attributes())
        .executeUpdate();
  }

  @Override
  public void update(String groupId, String name, String externalId, String attributes) {
    em.createNativeQuery(
            "UPDATE iam_group SET name = ?2, external_id = ?3, attributes = CAST(?4 AS JSONB),"
                + " updated_at = now(), version = version + 1 WHERE id = ?1")
        .setParameter(1, groupId)
        .setParameter(2, name)
        .setParameter(3, externalId)
        .setParameter(4, attributes)
        .executeUpdate();
  }

  @Override
  public void move(
      String realmId,
      String groupId,
      String parentId,
      String oldPath,
      String newPath,
      int depthDelta) {
    em.createNativeQuery("UPDATE iam_group SET parent_id = ?2 WHERE id = ?1")
        .setParameter(1, groupId)
        .setParameter(2, parentId)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE iam_group g SET path = ?3 || substr(g.path, length(?2) + 1),"
                + " depth = g.depth + ?4 WHERE g.realm_id = ?1 AND"
                + WITHIN)
        .setParameter(1, realmId)
        .setParameter(2, oldPath)
        .setParameter(3, newPath)
        .setParameter(4, depthDelta)
        .executeUpdate();
  }

  @Override
  public int deepestWithin(String realmId, String path) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COALESCE(max(g.depth), 0) FROM iam_group g WHERE g.realm_id = ?1 AND"
                        + WITHIN)
                .setParameter(1, realmId)
                .setParameter(2, path)
                .getSingleResult())
        .intValue();
  }

  @Override
  public void delete(String groupId) {
    em.createNativeQuery("DELETE FROM iam_group WHERE id = ?1")
        .setParameter(1, groupId)
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
  public boolean addMember(String groupId, String userId) {
    return em.createNativeQuery(
                "INSERT INTO group_member (group_id, user_id) VALUES (?1, ?2)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, groupId)
            .setParameter(2, userId)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean removeMember(String groupId, String userId) {
    return em.createNativeQuery("DELETE FROM group_member WHERE group_id = ?1 AND user_id = ?2")
            .setParameter(1, groupId)
            .setParameter(2, userId)
            .executeUpdate()
        == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> members(String groupId, int offset, int limit) {
    return em.createNativeQuery(
            "SELECT user_id FROM group_member WHERE group_id = ?1 ORDER BY user_id"
                + " OFFSET ?2 LIMIT ?3")
        .setParameter(1, groupId)
        .setParameter(2, offset)
        .setParameter(3, limit)
        .getResultList();
  }

  @Override
  public long countMembers(String groupId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM group_member WHERE group_id = ?1")
                .setParameter(1, groupId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public List<GroupSnapshot> groupsOf(String realmId, String userId, int offset, int limit) {
    return rows(
            em.createNativeQuery(
                    COLUMNS
                        + " JOIN group_member m ON m.group_id = g.id WHERE g.realm_id = ?1"
                        + " AND m.user_id = ?2 ORDER BY g.path OFFSET ?3 LIMIT ?4")
                .setParameter(1, realmId)
                .setParameter(2, userId)
                .setParameter(3, offset)
                .setParameter(4, limit))
        .stream()
        .map(JpaGroupRepository::group)
        .toList();
  }

  @Override
  public long countGroupsOf(String userId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM group_member WHERE user_id = ?1")
                .setParameter(1, userId)
                .getSingleResult())
        .longValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> selfAndAncestors(String realmId, String path) {
    List<String> prefixes = new ArrayList<>();
    for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
      prefixes.add(path.substring(0, i));
    }
    prefixes.add(path);
    return em.createNativeQuery(
            "SELECT id FROM iam_group WHERE realm_id = ?1"
                + " AND path = ANY (string_to_array(?2, chr(1)))")
        .setParameter(1, realmId)
        .setParameter(2, String.join("\u0001", prefixes))
        .getResultList();
  }

  private static GroupSnapshot group(Object[] row) {
    return new GroupSnapshot(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        ((Number) row[5]).intValue(),
        (String) row[6],
        (String) row[7],
        instant(row[8]),
        instant(row[9]),
        ((Number) row[10]).longValue());
  }
}
