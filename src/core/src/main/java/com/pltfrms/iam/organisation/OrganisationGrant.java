package com.pltfrms.iam.organisation;

import java.util.List;

/**
 * A user's membership of one organisation as effective access sees it: the organisation's id and
 * alias and the organisation roles the user holds there. The {@code organization} claim renders a
 * user's grants as {@code {"globex":{"id":"…","roles":["approver"]}}}.
 *
 * @param organisationId the organisation's id
 * @param alias the organisation's alias, the claim's key
 * @param roles the organisation roles held in it, sorted
 */
public record OrganisationGrant(String organisationId, String alias, List<String> roles) {

  public OrganisationGrant {
    roles = List.copyOf(roles);
  }

  public boolean holds(String role) {
    return roles.contains(role);
  }
}
