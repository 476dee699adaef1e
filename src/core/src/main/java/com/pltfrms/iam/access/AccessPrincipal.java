package com.pltfrms.iam.access;

/**
 * Whose effective access is asked for.
 *
 * @param kind a user or a service client's service account
 * @param realmId the realm it belongs to
 * @param id its stable id ({@code app_user.id} or {@code oauth_client.id})
 */
public record AccessPrincipal(Kind kind, String realmId, String id) {

  /** The kinds of principal that hold roles. */
  public enum Kind {
    USER,
    SERVICE_CLIENT
  }

  public static AccessPrincipal user(String realmId, String userId) {
    return new AccessPrincipal(Kind.USER, realmId, userId);
  }

  public static AccessPrincipal serviceClient(String realmId, String clientDbId) {
    return new AccessPrincipal(Kind.SERVICE_CLIENT, realmId, clientDbId);
  }
}
