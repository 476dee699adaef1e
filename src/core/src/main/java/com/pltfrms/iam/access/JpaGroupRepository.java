package com.pltfrms.iam.access;

import static com.pltfrms.iam.shared.NativeSql.execute;
import static com.pltfrms.iam.shared.NativeSql.exists;
import static com.pltfrms.iam.shared.NativeSql.first;
import static com.pltfrms.iam.shared.NativeSql.instant;
import static com.pltfrms.iam.shared.NativeSql.number;
import static com.pltfrms.iam.shared.NativeSql.rows;
import static com.pltfrms.iam.shared.NativeSql.strings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
    return first(em, COLUMNS + " WHERE g.realm_id = ?1 AND g.id = ?2", realmId, groupId)
        .map(row -> group((Object[]) row));
  }

  @Override
  public List<GroupSnapshot> children(String realmId, String parentId, int offset, int limit) {
    return rows(
            em,
            COLUMNS
                + " WHERE g.realm_id = ?1 AND"
                + ofParent(parentId)
                + " ORDER BY g.name OFFSET ?3 LIMIT ?4",
            realmId,
            parentId,
            offset,
            limit)
        .stream()
        .map(JpaGroupRepository::group)
        .toList();
  }

  @Override
  public long countChildren(String realmId, String parentId) {
    return number(
        em,
        "SELECT count(*) FROM iam_group g WHERE g.realm_id = ?1 AND" + ofParent(parentId),
        realmId,
        parentId);
  }

  @Override
  public boolean pathTaken(String realmId, String path) {
    return exists(em, "SELECT 1 FROM iam_group WHERE realm_id = ?1 AND path = ?2", realmId, path);
  }

  @Override
  public boolean externalIdTaken(String realmId, String externalId, String exceptGroupId) {
    return exists(
        em,
        "SELECT 1 FROM iam_group WHERE realm_id = ?1 AND external_id = ?2 AND id <> ?3",
        realmId,
        externalId,
        exceptGroupId == null ? "" : exceptGroupId);
  }

  @Override
  public void insert(GroupSnapshot group) {
    execute(
        em,
        "INSERT INTO iam_group (id, realm_id, parent_id, name, path, depth, external_id,"
            + " attributes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS JSONB))",
        group.id(),
        group.realmId(),
        group.parentId(),
        group.name(),
        group.path(),
        group.depth(),
        group.externalId(),
        group.attributes());
  }

  @Override
  public void update(String groupId, String name, String externalId, String attributes) {
    execute(
        em,
        "UPDATE iam_group SET name = ?2, external_id = ?3, attributes = CAST(?4 AS JSONB),"
            + " updated_at = now(), version = version + 1 WHERE id = ?1",
        groupId,
        name,
        externalId,
        attributes);
  }

  @Override
  public void move(
      String realmId,
      String groupId,
      String parentId,
      String oldPath,
      String newPath,
      int depthDelta) {
    execute(em, "UPDATE iam_group SET parent_id = ?2 WHERE id = ?1", groupId, parentId);
    execute(
        em,
        "UPDATE iam_group g SET path = ?3 || substr(g.path, length(?2) + 1),"
            + " depth = g.depth + ?4 WHERE g.realm_id = ?1 AND"
            + WITHIN,
        realmId,
        oldPath,
        newPath,
        depthDelta);
  }

  @Override
  public int deepestWithin(String realmId, String path) {
    return (int)
        number(
            em,
            "SELECT COALESCE(max(g.depth), 0) FROM iam_group g WHERE g.realm_id = ?1 AND" + WITHIN,
            realmId,
            path);
  }

  @Override
  public void delete(String groupId) {
    execute(em, "DELETE FROM iam_group WHERE id = ?1", groupId);
  }

  @Override
  public boolean userExists(String realmId, String userId) {
    return exists(em, "SELECT 1 FROM app_user WHERE realm_id = ?1 AND id = ?2", realmId, userId);
  }

  @Override
  public boolean addMember(String groupId, String userId) {
    return execute(
            em,
            "INSERT INTO group_member (group_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            groupId,
            userId)
        == 1;
  }

  @Override
  public boolean removeMember(String groupId, String userId) {
    return execute(
            em, "DELETE FROM group_member WHERE group_id = ?1 AND user_id = ?2", groupId, userId)
        == 1;
  }

  @Override
  public List<String> members(String groupId, int offset, int limit) {
    return strings(
        em,
        "SELECT user_id FROM group_member WHERE group_id = ?1 ORDER BY user_id OFFSET ?2 LIMIT ?3",
        groupId,
        offset,
        limit);
  }

  @Override
  public long countMembers(String groupId) {
    return number(em, "SELECT count(*) FROM group_member WHERE group_id = ?1", groupId);
  }

  @Override
  public List<GroupSnapshot> groupsOf(String realmId, String userId, int offset, int limit) {
    return rows(
            em,
            COLUMNS
                + " JOIN group_member m ON m.group_id = g.id WHERE g.realm_id = ?1"
                + " AND m.user_id = ?2 ORDER BY g.path OFFSET ?3 LIMIT ?4",
            realmId,
            userId,
            offset,
            limit)
        .stream()
        .map(JpaGroupRepository::group)
        .toList();
  }

  @Override
  public long countGroupsOf(String userId) {
    return number(em, "SELECT count(*) FROM group_member WHERE user_id = ?1", userId);
  }

  @Override
  public List<String> selfAndAncestors(String realmId, String path) {
    List<String> prefixes = new ArrayList<>();
    for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
      prefixes.add(path.substring(0, i));
    }
    prefixes.add(path);
    return strings(
        em,
        "SELECT id FROM iam_group WHERE realm_id = ?1"
            + " AND path = ANY (string_to_array(?2, chr(1)))",
        realmId,
        String.join("\u0001", prefixes));
  }

  /**
   * The children of one group ({@code ?2} its id) or, for a null id, the top-level groups. Both
   * forms bind {@code ?2}, so the statements around them number their parameters alike.
   */
  private static String ofParent(String parentId) {
    return parentId == null
        ? " g.parent_id IS NULL AND CAST(?2 AS VARCHAR) IS NULL"
        : " g.parent_id = ?2";
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
