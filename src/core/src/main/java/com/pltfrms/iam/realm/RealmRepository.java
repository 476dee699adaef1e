package com.pltfrms.iam.realm;

import java.util.List;
import java.util.Optional;

/**
 * Where realms are stored. The one place that knows how realms are queried: services load, change
 * and store {@link Realm} aggregates through it inside their transaction.
 */
public interface RealmRepository {

  /** The realm of this name, managed by the current transaction. */
  Optional<Realm> findByName(String name);

  /** The realm of this name, locked against concurrent writers until the transaction ends. */
  Optional<Realm> findByNameForUpdate(String name);

  /** The realm of this name as PostgreSQL holds it now (never a copy an earlier read left). */
  Optional<RealmSnapshot> loadSnapshot(String name);

  /** A page of realms ordered by name, {@code offset} realms in (an index walk of that length). */
  List<Realm> list(int offset, int limit);

  /** Up to {@code limit} realms ordered by name, those after {@code after} (all if null). */
  List<Realm> listAfter(String after, int limit);

  /** The last {@code limit} realms before {@code before} by name, ordered by name. */
  List<Realm> listBefore(String before, int limit);

  long count();

  /** How many realms sort before {@code name} (the index of the first one that does not). */
  long countBefore(String name);

  /** Stores a new realm and writes it at once, so that rows referring to it may follow. */
  void add(Realm realm);

  /** Writes pending changes now, so that versions and constraints are current. */
  void flush();

  void remove(Realm realm);

  /** Serializes work on one realm name across every node until the transaction ends. */
  void lockName(String name);

  /** Tells every node, when the transaction commits, that this realm changed. */
  void announceChanged(String name);
}
