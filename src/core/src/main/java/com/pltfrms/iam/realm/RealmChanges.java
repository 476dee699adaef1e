package com.pltfrms.iam.realm;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The settings an admin may change on a realm; an empty value leaves the setting as it is. */
public record RealmChanges(
    Optional<String> displayName,
    Optional<Boolean> enabled,
    Optional<Integer> accessTokenLifetimeSeconds,
    Optional<Boolean> duplicateEmailsAllowed,
    Optional<Integer> ssoSessionIdleSeconds,
    Optional<Integer> ssoSessionMaxSeconds,
    Optional<Integer> offlineSessionIdleSeconds,
    Optional<Integer> offlineSessionMaxSeconds,
    Optional<Boolean> scopeClaimsInIdToken,
    Optional<LoginBranding> branding) {

  public RealmChanges(
      Optional<String> displayName,
      Optional<Boolean> enabled,
      Optional<Integer> accessTokenLifetimeSeconds,
      Optional<Boolean> duplicateEmailsAllowed) {
    this(
        displayName,
        enabled,
        accessTokenLifetimeSeconds,
        duplicateEmailsAllowed,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public RealmChanges(
      Optional<String> displayName,
      Optional<Boolean> enabled,
      Optional<Integer> accessTokenLifetimeSeconds) {
    this(displayName, enabled, accessTokenLifetimeSeconds, Optional.empty());
  }

  /** What changed, as the details of the audit event. */
  public Map<String, String> auditDetails() {
    Map<String, String> details = new TreeMap<>();
    displayName.ifPresent(v -> details.put("displayName", v));
    enabled.ifPresent(v -> details.put("enabled", v.toString()));
    accessTokenLifetimeSeconds.ifPresent(
        v -> details.put("accessTokenLifetimeSeconds", v.toString()));
    duplicateEmailsAllowed.ifPresent(v -> details.put("duplicateEmailsAllowed", v.toString()));
    ssoSessionIdleSeconds.ifPresent(v -> details.put("ssoSessionIdleSeconds", v.toString()));
    ssoSessionMaxSeconds.ifPresent(v -> details.put("ssoSessionMaxSeconds", v.toString()));
    offlineSessionIdleSeconds.ifPresent(
        v -> details.put("offlineSessionIdleSeconds", v.toString()));
    offlineSessionMaxSeconds.ifPresent(v -> details.put("offlineSessionMaxSeconds", v.toString()));
    scopeClaimsInIdToken.ifPresent(v -> details.put("scopeClaimsInIdToken", v.toString()));
    branding.ifPresent(v -> details.put("loginBranding", v.isEmpty() ? "none" : "changed"));
    return details;
  }
}
