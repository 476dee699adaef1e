package com.pltfrms.iam.realm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link RealmRepository} in a map, for plain-Java tests. */
public final class InMemoryRealmRepository implements RealmRepository {

  private final Map<String, Realm> byName = new LinkedHashMap<>();
  public final List<String> announced = new ArrayList<>();
  public final List<String> locked = new ArrayList<>();

  @Override
  public Optional<Realm> findByName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public Optional<Realm> findByNameForUpdate(String name) {
    locked.add("row:" + name);
    return findByName(name);
  }

  @Override
  public Optional<RealmSnapshot> loadSnapshot(String name) {
    return findByName(name).map(Realm::snapshot);
  }

  @Override
  public List<Realm> list(int offset, int limit) {
    return byName.values().stream()
        .sorted(Comparator.comparing(Realm::name))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public List<Realm> listAfter(String after, int limit) {
    return sorted()
        .filter(r -> after == null || r.name().compareTo(after) > 0)
        .limit(limit)
        .toList();
  }

  @Override
  public List<Realm> listBefore(String before, int limit) {
    List<Realm> earlier = sorted().filter(r -> r.name().compareTo(before) < 0).toList();
    return earlier.subList(Math.max(0, earlier.size() - limit), earlier.size());
  }

  @Override
  public long countBefore(String name) {
    return sorted().filter(r -> r.name().compareTo(name) < 0).count();
  }

  private java.util.stream.Stream<Realm> sorted() {
    return byName.values().stream().sorted(Comparator.comparing(Realm::name));
  }

  @Override
  public long count() {
    return byName.size();
  }

  @Override
  public void add(Realm realm) {
    byName.put(realm.name(), realm);
  }

  @Override
  public void flush() {}

  @Override
  public void remove(Realm realm) {
    byName.remove(realm.name());
  }

  @Override
  public void lockName(String name) {
    locked.add("name:" + name);
  }

  @Override
  public void announceChanged(String name) {
    announced.add(name);
  }
}
