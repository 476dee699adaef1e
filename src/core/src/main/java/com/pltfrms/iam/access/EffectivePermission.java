package com.pltfrms.iam.access;

import java.util.List;

/**
 * A permission a principal holds, with the roles it holds it through.
 *
 * @param name the permission's name (unique in its realm)
 * @param clientId the client id of the client that owns it, or null for a realm-wide permission
 * @param grants the roles that carry it ({@link Grant.Source#ROLE})
 */
public record EffectivePermission(String name, String clientId, List<Grant> grants) {

  public EffectivePermission {
    grants = List.copyOf(grants);
  }
}
