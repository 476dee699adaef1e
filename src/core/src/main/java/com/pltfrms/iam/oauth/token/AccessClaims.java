package com.pltfrms.iam.oauth.token;

import java.util.List;
import java.util.Map;

/**
 * What an access token says its principal may do, as Keycloak's tokens say it: {@code roles} (the
 * effective realm roles), {@code resource_access} ({@code {"clientId":{"roles":[...]}}}, the
 * effective client roles) and {@code permissions}.
 */
public record AccessClaims(
    List<String> roles, Map<String, List<String>> clientRoles, List<String> permissions) {

  public static final AccessClaims NONE = new AccessClaims(List.of(), Map.of(), List.of());

  public AccessClaims {
    roles = List.copyOf(roles);
    clientRoles = Map.copyOf(clientRoles);
    permissions = List.copyOf(permissions);
  }
}
