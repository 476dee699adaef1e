package com.pltfrms.iam.oauth.token;

import java.util.List;

/** The facts of an access token whose signature, issuer, audience and lifetime checked out. */
public record VerifiedToken(
    String realmName, String subject, String clientId, List<String> roles, String scope) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
