package com.pltfrms.iam.access;

import java.time.Instant;
import java.util.List;

/**
 * A role as stored: a realm role ({@code clientDbId} null) or a client role.
 *
 * @param id its stable id
 * @param clientDbId the owning client's stable id, or null
 * @param clientId the owning client's client id, or null
 * @param composites the roles it includes directly
 * @param permissions the names of the permissions attached to it
 * @param builtIn whether the server created it (then it cannot be deleted)
 */
public record RoleSnapshot(
    String id,
    String realmId,
    String clientDbId,
    String clientId,
    String name,
    String description,
    boolean builtIn,
    List<RoleRef> composites,
    List<String> permissions,
    Instant createdAt,
    long version) {

  public RoleSnapshot {
    composites = List.copyOf(composites);
    permissions = List.copyOf(permissions);
  }

  public RoleRef ref() {
    return new RoleRef(clientId, name);
  }
}
