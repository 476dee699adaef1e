package com.pltfrms.iam.access;

import java.util.List;
import java.util.Optional;

/** What a PATCH of a role changes; an empty field stays as it is. */
public record RoleChanges(
    Optional<String> description,
    Optional<List<String>> composites,
    Optional<List<String>> permissions) {}
