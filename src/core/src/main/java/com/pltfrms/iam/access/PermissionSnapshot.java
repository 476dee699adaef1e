package com.pltfrms.iam.access;

import java.time.Instant;

/**
 * A named permission ({@code invoices:read}), unique in its realm.
 *
 * @param clientDbId the owning client's stable id, or null for a realm-wide permission
 * @param clientId the owning client's client id, or null
 */
public record PermissionSnapshot(
    String id,
    String realmId,
    String clientDbId,
    String clientId,
    String name,
    String description,
    Instant createdAt,
    long version) {}
