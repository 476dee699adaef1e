package com.pltfrms.iam.oauth.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an admin may change on a client; an empty value leaves it as it is. A link set to "" and a
 * lifetime set to 0 are cleared (the realm's lifetime applies again).
 */
public record ClientChanges(
    Optional<String> displayName,
    Optional<Boolean> enabled,
    Optional<List<String>> allowedScopes,
    Optional<List<String>> roles,
    Optional<List<String>> redirectUris,
    Optional<List<String>> postLogoutRedirectUris,
    Optional<List<String>> grantTypes,
    Optional<Boolean> consentRequired,
    Optional<Boolean> pkceRequired,
    Optional<Integer> accessTokenLifetimeSeconds,
    Optional<Boolean> introspectionAllowed,
    Optional<Integer> refreshTokenIdleSeconds,
    Optional<Integer> refreshTokenMaxSeconds,
    Optional<String> logoUri,
    Optional<String> clientUri,
    Optional<String> policyUri,
    Optional<String> tosUri) {

  /** A change of the fields every client type has had from the start. */
  public ClientChanges(
      Optional<String> displayName,
      Optional<Boolean> enabled,
      Optional<List<String>> allowedScopes,
      Optional<List<String>> roles) {
    this(
        displayName,
        enabled,
        allowedScopes,
        roles,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** What changed, as the details of the audit event. */
  public Map<String, String> auditDetails() {
    Map<String, String> details = new TreeMap<>();
    displayName.ifPresent(v -> details.put("displayName", v));
    enabled.ifPresent(v -> details.put("enabled", v.toString()));
    allowedScopes.ifPresent(v -> details.put("allowedScopes", String.join(" ", v)));
    roles.ifPresent(v -> details.put("roles", String.join(" ", v)));
    redirectUris.ifPresent(v -> details.put("redirectUris", String.join(" ", v)));
    postLogoutRedirectUris.ifPresent(
        v -> details.put("postLogoutRedirectUris", String.join(" ", v)));
    grantTypes.ifPresent(v -> details.put("grantTypes", String.join(" ", v)));
    consentRequired.ifPresent(v -> details.put("consentRequired", v.toString()));
    pkceRequired.ifPresent(v -> details.put("pkceRequired", v.toString()));
    accessTokenLifetimeSeconds.ifPresent(
        v -> details.put("accessTokenLifetimeSeconds", v.toString()));
    introspectionAllowed.ifPresent(v -> details.put("introspectionAllowed", v.toString()));
    refreshTokenIdleSeconds.ifPresent(v -> details.put("refreshTokenIdleSeconds", v.toString()));
    refreshTokenMaxSeconds.ifPresent(v -> details.put("refreshTokenMaxSeconds", v.toString()));
    logoUri.ifPresent(v -> details.put("logoUri", v));
    clientUri.ifPresent(v -> details.put("clientUri", v));
    policyUri.ifPresent(v -> details.put("policyUri", v));
    tosUri.ifPresent(v -> details.put("tosUri", v));
    return details;
  }
}
