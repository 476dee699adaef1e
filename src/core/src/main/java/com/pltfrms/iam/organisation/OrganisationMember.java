package com.pltfrms.iam.organisation;

import java.time.Instant;
import java.util.List;

/**
 * A user as a member of one organisation.
 *
 * @param userId the user's id
 * @param username the user's name
 * @param enabled whether the user is enabled
 * @param joinedAt when the user became a member
 * @param roles the organisation roles the user holds in this organisation, sorted
 */
public record OrganisationMember(
    String userId, String username, boolean enabled, Instant joinedAt, List<String> roles) {

  public OrganisationMember {
    roles = List.copyOf(roles);
  }
}
