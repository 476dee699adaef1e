package com.pltfrms.iam.oauth.consent;

import java.time.Instant;
import java.util.List;

/**
 * A user's consent to one client, as the admin API lists it.
 *
 * @param clientId the client's {@code clientId}
 * @param scopes the scopes granted, in the order first granted
 */
public record ConsentView(
    String clientId, List<String> scopes, Instant createdAt, Instant updatedAt) {

  public ConsentView {
    scopes = List.copyOf(scopes);
  }
}
