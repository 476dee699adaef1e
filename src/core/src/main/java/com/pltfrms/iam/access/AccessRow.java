package com.pltfrms.iam.access;

/**
 * One row of the effective-access query: a role or a permission reached through one source.
 *
 * @param permission whether it names a permission (else a role)
 * @param name the role's or permission's name
 * @param clientId the owning client's client id, or null
 * @param grant where it comes from
 */
public record AccessRow(boolean permission, String name, String clientId, Grant grant) {}
