package com.pltfrms.iam.identity;

import java.util.List;
import java.util.Optional;

/** Where a realm's users are stored; the one place that knows how they are queried. */
public interface UserRepository {

  void add(User user);

  /** Writes pending changes now, so that versions and constraints are current. */
  void flush();

  void remove(User user);

  Optional<User> find(String realmId, String id);

  /** The user, locked against concurrent writers until the transaction ends. */
  Optional<User> findForUpdate(String realmId, String id);

  /** Whether another user of the realm than {@code exceptId} has this (normalised) username. */
  boolean usernameTaken(String realmId, String username, String exceptId);

  /** Whether another user of the realm than {@code exceptId} has this (lower-case) e-mail. */
  boolean emailTaken(String realmId, String email, String exceptId);

  boolean externalIdTaken(String realmId, String externalId, String exceptId);

  /**
   * A page of the users matching {@code query}, ordered by username in code point order: those
   * after the username {@code after} (when not null), from {@code offset} on.
   */
  List<User> search(String realmId, UserQuery query, String after, int offset, int limit);

  /**
   * How many users match {@code query}, counted no further than {@code cap + 1}: a result above
   * {@code cap} says only that more than {@code cap} match.
   */
  long count(String realmId, UserQuery query, long cap);

  /** Removes every stored value of the attribute {@code name} from the realm's users. */
  int purgeAttribute(String realmId, String name);

  /** Serializes work on one key (a username, an e-mail) across every node until commit. */
  void lock(String key);
}
