package com.pltfrms.iam.realm;

import java.util.Optional;

/** The settings an admin may change on a realm; an empty value leaves the setting as it is. */
public record RealmChanges(
    Optional<String> displayName,
    Optional<Boolean> enabled,
    Optional<Integer> accessTokenLifetimeSeconds) {}
