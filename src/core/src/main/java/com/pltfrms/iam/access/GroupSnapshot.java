package com.pltfrms.iam.access;

import java.time.Instant;

/**
 * A group as stored.
 *
 * @param parentId its parent's id, or null for a top-level group
 * @param path the names from the root, {@code /eng/platform}
 * @param depth 1 for a top-level group, at most {@link GroupPaths#MAX_DEPTH}
 * @param externalId the id a provisioning system knows it by, or null
 * @param attributes a JSON object of attribute name → array of strings
 */
public record GroupSnapshot(
    String id,
    String realmId,
    String parentId,
    String name,
    String path,
    int depth,
    String externalId,
    String attributes,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
