package com.pltfrms.iam.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an admin sets on an organisation; an empty value leaves the setting as it is (a PATCH sends
 * some, a PUT and a create all that they mean to set). The alias is not here: it never changes.
 */
public record OrganisationChanges(
    Optional<String> name,
    Optional<String> description,
    Optional<Boolean> enabled,
    Optional<List<OrganisationDomain>> domains,
    Optional<Map<String, List<String>>> attributes) {

  /** What changed, as the details of the audit event (attribute values left out: free text). */
  public Map<String, String> auditDetails() {
    Map<String, String> details = new TreeMap<>();
    name.ifPresent(v -> details.put("name", v));
    enabled.ifPresent(v -> details.put("enabled", v.toString()));
    description.ifPresent(v -> details.put("description", "changed"));
    domains.ifPresent(
        v ->
            details.put(
                "domains", String.join(" ", v.stream().map(OrganisationDomain::name).toList())));
    attributes.ifPresent(v -> details.put("attributes", String.join(" ", v.keySet())));
    return details;
  }
}
