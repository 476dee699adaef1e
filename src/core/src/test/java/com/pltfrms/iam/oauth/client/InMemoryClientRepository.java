package com.pltfrms.iam.oauth.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ClientRepository} in a map, for plain-Java tests. */
public final class InMemoryClientRepository implements ClientRepository {

  private record Key(String realmId, String clientId) {}

  private final Map<Key, OAuthClient> clients = new LinkedHashMap<>();
  public final List<String> announced = new ArrayList<>();
  public final List<String> locks = new ArrayList<>();

  @Override
  public Optional<OAuthClient> find(String realmId, String clientId) {
    return Optional.ofNullable(clients.get(new Key(realmId, clientId)));
  }

  @Override
  public Optional<OAuthClient> findForUpdate(String realmId, String clientId) {
    locks.add("row:" + clientId);
    return find(realmId, clientId);
  }

  @Override
  public Optional<ClientSnapshot> loadSnapshot(String realmId, String clientId) {
    return find(realmId, clientId).map(OAuthClient::snapshot);
  }

  @Override
  public List<OAuthClient> list(String realmId, int offset, int limit) {
    return inRealm(realmId).stream()
        .sorted(Comparator.comparing(OAuthClient::clientId))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(String realmId) {
    return inRealm(realmId).size();
  }

  @Override
  public int longestAccessTokenLifetime(String realmId) {
    return clients.values().stream()
        .filter(c -> c.realmId().equals(realmId) && c.accessTokenLifetimeSeconds() != null)
        .mapToInt(OAuthClient::accessTokenLifetimeSeconds)
        .max()
        .orElse(0);
  }

  @Override
  public List<OAuthClient> enabledWithRole(String realmId, String role) {
    return inRealm(realmId).stream()
        .filter(OAuthClient::isEnabled)
        .filter(c -> c.hasRole(role))
        .toList();
  }

  @Override
  public void storeRoles(OAuthClient client) {
    client.rolesStored();
  }

  /** The client of this stable id, in any realm. */
  public java.util.Optional<OAuthClient> byId(String id) {
    return clients.values().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  @Override
  public void add(OAuthClient client) {
    clients.put(new Key(client.realmId(), client.clientId()), client);
  }

  @Override
  public void flush() {}

  @Override
  public void remove(OAuthClient client) {
    clients.remove(new Key(client.realmId(), client.clientId()));
  }

  @Override
  public void lockClientId(String realmId, String clientId) {
    locks.add("client:" + clientId);
  }

  @Override
  public void lockAdministrators(String realmId) {
    locks.add("administrators");
  }

  @Override
  public void announceChanged(String realmId, String clientId) {
    announced.add(clientId);
  }

  private List<OAuthClient> inRealm(String realmId) {
    return clients.values().stream().filter(c -> c.realmId().equals(realmId)).toList();
  }
}
