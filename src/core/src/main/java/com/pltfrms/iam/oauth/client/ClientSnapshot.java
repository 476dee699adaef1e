package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.Scope;
import java.time.Instant;
import java.util.List;

/**
 * An immutable view of a client, as cached for the token endpoint. Holds the secret's hash for the
 * constant-time check; {@link #toString()} leaves it out.
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
    Instant createdAt,
    long version) {

  public boolean secretMatches(String presented) {
    return ClientSecrets.matches(presented, secretHash);
  }

  @Override
  public String toString() {
    return "ClientSnapshot[clientId=" + clientId + ", realmId=" + realmId + ", type=" + type + "]";
  }
}
