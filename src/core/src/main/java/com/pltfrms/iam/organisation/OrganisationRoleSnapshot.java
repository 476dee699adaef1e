package com.pltfrms.iam.organisation;

import java.time.Instant;

/** An immutable view of an organisation role of a realm. */
public record OrganisationRoleSnapshot(
    String id, String name, String description, boolean builtIn, Instant createdAt) {}
