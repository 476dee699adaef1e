package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.RedirectUri;
import com.pltfrms.iam.oauth.protocol.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An immutable view of a client, as cached for the token endpoint. Holds the secret's hash for the
 * constant-time check; {@link #toString()} leaves it out.
 *
 * @param secretHash the SHA-256 of the secret; null for a public client
 * @param accessTokenLifetimeSeconds its own access-token lifetime, or null for the realm's
 * @param introspectionAllowed whether it may introspect every token of its realm (RFC 7662 §4: a
 *     protected resource), not only its own
 * @param refreshLifetimes its own refresh-token lifetimes
 */
public record ClientSnapshot(
    String id,
    String realmId,
    String clientId,
    ClientType type,
    String displayName,
    boolean enabled,
    String secretHash,
    Scope allowedScopes,
    List<String> roles,
    List<RedirectUri> redirectUris,
    List<RedirectUri> postLogoutRedirectUris,
    Set<GrantType> grantTypes,
    boolean consentRequired,
    boolean pkceRequired,
    Integer accessTokenLifetimeSeconds,
    boolean introspectionAllowed,
    RefreshLifetimes refreshLifetimes,
    ClientLinks links,
    Instant createdAt,
    long version) {

  public ClientSnapshot {
    roles = List.copyOf(roles);
    redirectUris = List.copyOf(redirectUris);
    postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    grantTypes = Set.copyOf(grantTypes);
    refreshLifetimes = refreshLifetimes == null ? RefreshLifetimes.REALM : refreshLifetimes;
  }

  public boolean secretMatches(String presented) {
    return ClientSecrets.matches(presented, secretHash);
  }

  /**
   * Whether the client is registered for {@code grant} (RFC 6749 §5.2 {@code unauthorized_client}).
   */
  public boolean allows(GrantType grant) {
    return grantTypes.contains(grant);
  }

  /** The access-token lifetime for this client: its own, else the realm's {@code realmDefault}. */
  public int accessTokenLifetime(int realmDefault) {
    return accessTokenLifetimeSeconds == null ? realmDefault : accessTokenLifetimeSeconds;
  }

  @Override
  public String toString() {
    return "ClientSnapshot[clientId=" + clientId + ", realmId=" + realmId + ", type=" + type + "]";
  }
}
