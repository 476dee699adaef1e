package com.pltfrms.iam.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An immutable view of an organisation with its domains, for the web layer and other features. */
public record OrganisationSnapshot(
    String id,
    String realmId,
    String alias,
    String name,
    String description,
    boolean enabled,
    List<OrganisationDomain> domains,
    Map<String, List<String>> attributes,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public OrganisationSnapshot {
    domains = List.copyOf(domains);
    attributes = Map.copyOf(attributes);
  }
}
