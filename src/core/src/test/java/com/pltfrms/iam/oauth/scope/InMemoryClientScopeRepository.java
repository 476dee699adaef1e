package com.pltfrms.iam.oauth.scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link ClientScopeRepository} in a map, for plain-Java tests. */
public final class InMemoryClientScopeRepository implements ClientScopeRepository {

  private final Map<String, ClientScope> scopes = new TreeMap<>();
  private final Map<String, String> realms = new TreeMap<>();

  @Override
  public List<ClientScope> list(String realmId) {
    List<ClientScope> found = new ArrayList<>();
    scopes.forEach(
        (key, scope) -> {
          if (realms.get(key).equals(realmId)) {
            found.add(scope);
          }
        });
    found.sort(Comparator.comparing(ClientScope::name));
    return found;
  }

  @Override
  public Optional<ClientScope> find(String realmId, String name) {
    return Optional.ofNullable(scopes.get(realmId + " " + name));
  }

  @Override
  public void add(ClientScope scope) {
    String realmId = realmOf(scope);
    scopes.put(realmId + " " + scope.name(), scope);
    realms.put(realmId + " " + scope.name(), realmId);
  }

  @Override
  public void remove(ClientScope scope) {
    String key = realmOf(scope) + " " + scope.name();
    scopes.remove(key);
    realms.remove(key);
  }

  @Override
  public void lockName(String realmId, String name) {}

  private static String realmOf(ClientScope scope) {
    return scope.realmId();
  }
}
