package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.organisation.OrganisationChanges;
import com.pltfrms.iam.organisation.OrganisationDomain;
import com.pltfrms.iam.organisation.OrganisationMember;
import com.pltfrms.iam.organisation.OrganisationMemberService.Membership;
import com.pltfrms.iam.organisation.OrganisationRoleSnapshot;
import com.pltfrms.iam.organisation.OrganisationSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Organisations in the admin API's JSON, read and written. Domains are sent as names ({@code
 * ["globex.com"]}) or, as GET shows them, as objects ({@code [{"name":"globex.com","verified":
 * true}]}), so a representation read can be sent back with PUT. Attributes map names to arrays of
 * strings, as Keycloak's do.
 */
final class OrganisationJson {

  private static final Set<String> DOMAIN_FIELDS = Set.of("name", "verified");

  private OrganisationJson() {}

  /** The settings a request carries; absent fields stay empty. */
  static OrganisationChanges changes(JsonInput json) {
    return new OrganisationChanges(
        json.string("name"),
        json.string("description"),
        json.bool("enabled"),
        domains(json),
        attributes(json));
  }

  /** All settings, for PUT: a writable field left out takes its default. */
  static OrganisationChanges replacement(JsonInput json) {
    return new OrganisationChanges(
        Optional.of(json.string("name").orElse("")),
        Optional.of(json.string("description").orElse("")),
        Optional.of(json.bool("enabled").orElse(true)),
        Optional.of(domains(json).orElse(List.of())),
        Optional.of(attributes(json).orElse(Map.of())));
  }

  static Optional<List<OrganisationDomain>> domains(JsonInput json) {
    Optional<JsonValue> value = json.value("domains");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid("domains must be an array of domain names", "domains");
    }
    if (value.get().asJsonArray().size() > OrganisationDomain.MAX_PER_ORGANISATION) {
      throw invalid(
          "domains may hold at most " + OrganisationDomain.MAX_PER_ORGANISATION + " entries",
          "domains");
    }
    List<OrganisationDomain> domains = new ArrayList<>();
    for (JsonValue item : value.get().asJsonArray()) {
      if (item instanceof JsonString name) {
        domains.add(OrganisationDomain.unverified(name.getString()));
      } else if (item.getValueType() == JsonValue.ValueType.OBJECT) {
        domains.add(domain(item.asJsonObject()));
      } else {
        throw invalid("domains must be an array of domain names", "domains");
      }
    }
    return Optional.of(domains);
  }

  private static OrganisationDomain domain(JsonObject object) {
    if (!DOMAIN_FIELDS.containsAll(object.keySet())) {
      throw invalid("a domain object has only name and verified", "domains");
    }
    JsonValue name = object.get("name");
    JsonValue verified = object.getOrDefault("verified", JsonValue.FALSE);
    if (!(name instanceof JsonString s)
        || (verified != JsonValue.TRUE && verified != JsonValue.FALSE)) {
      throw invalid("a domain object needs a string name and a boolean verified", "domains");
    }
    return new OrganisationDomain(s.getString(), verified == JsonValue.TRUE);
  }

  static Optional<Map<String, List<String>>> attributes(JsonInput json) {
    Optional<JsonValue> value = json.value("attributes");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid("attributes must be an object of arrays of strings", "attributes");
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : value.get().asJsonObject().entrySet()) {
      if (entry.getValue().getValueType() != JsonValue.ValueType.ARRAY) {
        throw invalid("attributes must be an object of arrays of strings", "attributes");
      }
      List<String> values = new ArrayList<>();
      for (JsonValue item : entry.getValue().asJsonArray()) {
        if (!(item instanceof JsonString s)) {
          throw invalid("attributes must be an object of arrays of strings", "attributes");
        }
        values.add(s.getString());
      }
      attributes.put(entry.getKey(), values);
    }
    return Optional.of(attributes);
  }

  // ---- views ----------------------------------------------------------------------------------

  static JsonObjectBuilder organisation(OrganisationSnapshot organisation) {
    JsonArrayBuilder domains = Json.createArrayBuilder();
    organisation
        .domains()
        .forEach(
            d ->
                domains.add(
                    Json.createObjectBuilder()
                        .add("name", d.name())
                        .add("verified", d.verified())));
    JsonObjectBuilder attributes = Json.createObjectBuilder();
    organisation.attributes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(a -> attributes.add(a.getKey(), strings(a.getValue())));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", organisation.id())
            .add("alias", organisation.alias())
            .add("name", organisation.name());
    if (organisation.description() != null) {
      json.add("description", organisation.description());
    }
    return json.add("enabled", organisation.enabled())
        .add("domains", domains)
        .add("attributes", attributes)
        .add("createdAt", organisation.createdAt().toString())
        .add("updatedAt", organisation.updatedAt().toString());
  }

  static JsonObject membership(Membership membership) {
    return organisation(membership.organisation())
        .add("roles", strings(membership.roles()))
        .build();
  }

  static JsonObject member(OrganisationMember member) {
    return Json.createObjectBuilder()
        .add("id", member.userId())
        .add("username", member.username())
        .add("enabled", member.enabled())
        .add("joinedAt", member.joinedAt() == null ? "" : member.joinedAt().toString())
        .add("roles", strings(member.roles()))
        .build();
  }

  static JsonObject role(OrganisationRoleSnapshot role) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("id", role.id()).add("name", role.name());
    if (role.description() != null) {
      json.add("description", role.description());
    }
    return json.add("builtIn", role.builtIn())
        .add("createdAt", role.createdAt().toString())
        .build();
  }

  static JsonArrayBuilder strings(Collection<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static ApplicationProblem invalid(String message, String field) {
    return ApplicationProblem.invalid(message, field);
  }
}
