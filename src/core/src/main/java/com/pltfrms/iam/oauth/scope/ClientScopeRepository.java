package com.pltfrms.iam.oauth.scope;

import java.util.List;
import java.util.Optional;

/** Where the client scopes admins define are stored. */
public interface ClientScopeRepository {

  /** The realm's defined scopes, by name. */
  List<ClientScope> list(String realmId);

  Optional<ClientScope> find(String realmId, String name);

  void add(ClientScope scope);

  void remove(ClientScope scope);

  /** Serializes work on one scope name of a realm across every node until the transaction ends. */
  void lockName(String realmId, String name);
}
