package com.pltfrms.iam.oauth.client;

import java.util.List;
import java.util.Optional;

/** Where a realm's OAuth clients are stored; the one place that knows how they are queried. */
public interface ClientRepository {

  /** The client, managed by the current transaction. */
  Optional<OAuthClient> find(String realmId, String clientId);

  /** The client, locked against concurrent writers until the transaction ends. */
  Optional<OAuthClient> findForUpdate(String realmId, String clientId);

  /** The client as PostgreSQL holds it now (for the token endpoint's cache). */
  Optional<ClientSnapshot> loadSnapshot(String realmId, String clientId);

  /** A page of the realm's clients ordered by client id. */
  List<OAuthClient> list(String realmId, int offset, int limit);

  long count(String realmId);

  /** The longest access-token lifetime a client of the realm has of its own, or 0 if none has. */
  int longestAccessTokenLifetime(String realmId);

  /** The realm's enabled clients that hold {@code role}. */
  List<OAuthClient> enabledWithRole(String realmId, String role);

  /** Stores the client (and its direct realm-role mappings, if it has any). */
  void add(OAuthClient client);

  /**
   * Writes the client's direct realm-role mappings if {@link OAuthClient#setRoles} changed them,
   * creating realm roles for names that have none yet, and tells every node at commit.
   */
  void storeRoles(OAuthClient client);

  /** Writes pending changes now, so that versions and constraints are current. */
  void flush();

  void remove(OAuthClient client);

  /** Serializes work on one client id of a realm across every node until the transaction ends. */
  void lockClientId(String realmId, String clientId);

  /** Serializes changes that could take away a realm's last administrator. */
  void lockAdministrators(String realmId);

  /** Tells every node, when the transaction commits, that this client changed. */
  void announceChanged(String realmId, String clientId);
}
