package com.pltfrms.iam.oauth.client;

import java.util.List;
import java.util.Optional;

/** What an admin may change on a client; an empty value leaves it as it is. */
public record ClientChanges(
    Optional<String> displayName,
    Optional<Boolean> enabled,
    Optional<List<String>> allowedScopes,
    Optional<List<String>> roles) {}
