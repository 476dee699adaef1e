package com.pltfrms.iam.oauth.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What an admin may change on a client; an empty value leaves it as it is. */
public record ClientChanges(
    Optional<String> displayName,
    Optional<Boolean> enabled,
    Optional<List<String>> allowedScopes,
    Optional<List<String>> roles) {

  /** What changed, as the details of the audit event. */
  public Map<String, String> auditDetails() {
    Map<String, String> details = new TreeMap<>();
    displayName.ifPresent(v -> details.put("displayName", v));
    enabled.ifPresent(v -> details.put("enabled", v.toString()));
    allowedScopes.ifPresent(v -> details.put("allowedScopes", String.join(" ", v)));
    roles.ifPresent(v -> details.put("roles", String.join(" ", v)));
    return details;
  }
}
