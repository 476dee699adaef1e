package com.pltfrms.iam.access;

import com.pltfrms.iam.organisation.OrganisationGrant;
import java.util.Map;

/**
 * A user's effective access and organisations at once, and the nanoseconds the effective-access
 * function took to answer them (a cache hit, or the computation after a change).
 */
public record UserEffectiveAccess(
    EffectiveAccess access, Map<String, OrganisationGrant> organisations, long functionNanos) {

  public UserEffectiveAccess {
    organisations = Map.copyOf(organisations);
  }
}
