package com.pltfrms.iam.access;

import java.util.List;
import java.util.Optional;

/** Where groups and their members are stored; the one place that knows their queries. */
public interface GroupRepository {

  Optional<GroupSnapshot> find(String realmId, String groupId);

  /** The group's children ({@code parentId} null: the top-level groups), by name. */
  List<GroupSnapshot> children(String realmId, String parentId, int offset, int limit);

  long countChildren(String realmId, String parentId);

  boolean pathTaken(String realmId, String path);

  boolean externalIdTaken(String realmId, String externalId, String exceptGroupId);

  void insert(GroupSnapshot group);

  /** Sets name, external id and attributes; moves the version and updated time on. */
  void update(String groupId, String name, String externalId, String attributes);

  /**
   * Re-roots the subtree at {@code oldPath} (the group and its descendants) at {@code newPath},
   * shifting depths by {@code depthDelta}, and sets the group's parent.
   */
  void move(
      String realmId,
      String groupId,
      String parentId,
      String oldPath,
      String newPath,
      int depthDelta);

  /** The greatest depth within the subtree at {@code path}. */
  int deepestWithin(String realmId, String path);

  void delete(String groupId);

  boolean userExists(String realmId, String userId);

  boolean addMember(String groupId, String userId);

  boolean removeMember(String groupId, String userId);

  /** User ids of the group's direct members, in order. */
  List<String> members(String groupId, int offset, int limit);

  long countMembers(String groupId);

  /** The groups the user is a direct member of, by path. */
  List<GroupSnapshot> groupsOf(String realmId, String userId, int offset, int limit);

  long countGroupsOf(String userId);

  /** The ids of the group and of every ancestor of it. */
  List<String> selfAndAncestors(String realmId, String path);
}
