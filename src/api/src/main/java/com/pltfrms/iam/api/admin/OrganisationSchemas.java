package com.pltfrms.iam.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of organisations, their members and organisation roles, for the OpenAPI document
 * only (see {@link AdminSchemas}): the resources read and write them through {@link
 * OrganisationJson}; these classes describe what it accepts and produces.
 */
final class OrganisationSchemas {

  private OrganisationSchemas() {}

  private static final String ALIAS_PATTERN = "^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$";

  @Schema(
      name = "OrganisationDomain",
      requiredProperties = {"name", "verified"})
  static final class Domain {
    public String name;

    public boolean verified;
  }

  @Schema(
      name = "Organization",
      description = "An organisation of a realm: a B2B customer or partner, with member users.",
      requiredProperties = {
        "id",
        "alias",
        "name",
        "enabled",
        "domains",
        "attributes",
        "createdAt",
        "updatedAt"
      })
  static final class Organisation {
    @Schema(format = "uuid", readOnly = true)
    public String id;

    @Schema(pattern = ALIAS_PATTERN, maxLength = 64, description = "Its key in URLs; fixed.")
    public String alias;

    public String name;

    public String description;

    public boolean enabled;

    public List<Domain> domains;

    @Schema(description = "Each name maps to a list of strings.")
    public Map<String, List<String>> attributes;

    @Schema(readOnly = true)
    public Instant createdAt;

    @Schema(readOnly = true)
    public Instant updatedAt;
  }

  @Schema(
      name = "NewOrganization",
      description = "An organisation to create; the alias defaults to one derived from the name.",
      requiredProperties = "name")
  static final class NewOrganisation {
    @Schema(pattern = ALIAS_PATTERN, maxLength = 64)
    public String alias;

    public String name;

    public String description;

    @Schema(defaultValue = "true")
    public Boolean enabled;

    @Schema(
        description = "Domain names, each a string (unverified) or an object {name, verified}.",
        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
        implementation = DomainInput.class)
    public List<Object> domains;

    @Schema(description = "Each name maps to a list of strings.")
    public Map<String, List<String>> attributes;
  }

  @Schema(
      name = "OrganizationDomainInput",
      description = "A domain name (unverified), or {name, verified}.",
      oneOf = {String.class, Domain.class})
  static final class DomainInput {}

  @Schema(
      name = "OrganizationChanges",
      description =
          "PATCH: fields left out stay as they are. PUT: the whole settings (name required, a"
              + " field left out takes its default; id, createdAt and updatedAt may be sent back"
              + " unchanged). The alias, if sent, is the current one.")
  static final class OrganisationChanges {
    @Schema(description = "If sent, the organisation's current alias.")
    public String alias;

    public String name;

    public String description;

    public Boolean enabled;

    @Schema(
        description = "Replaces them: each a string (unverified) or an object {name, verified}.",
        type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
        implementation = DomainInput.class)
    public List<Object> domains;

    @Schema(description = "Replaces them; each name maps to a list of strings.")
    public Map<String, List<String>> attributes;

    @Schema(format = "uuid", description = "PUT only; if sent, unchanged.")
    public String id;

    @Schema(description = "PUT only; ignored.")
    public String createdAt;

    @Schema(description = "PUT only; ignored.")
    public String updatedAt;
  }

  @Schema(
      name = "OrganizationPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class OrganisationPage {
    public List<Organisation> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(
      name = "OrganizationMember",
      description = "A user who is a member of the organisation, with its organisation roles.",
      requiredProperties = {"id", "username", "enabled", "joinedAt", "roles"})
  static final class Member {
    @Schema(format = "uuid", description = "The user's id.")
    public String id;

    public String username;

    public boolean enabled;

    @Schema(description = "When the user joined; empty if unknown.")
    public String joinedAt;

    public List<String> roles;
  }

  @Schema(
      name = "OrganizationMemberPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class MemberPage {
    public List<Member> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(name = "OrganizationMemberRoles", requiredProperties = "roles")
  static final class MemberRoles {
    @Schema(description = "The names of the member's organisation roles.")
    public List<String> roles;
  }

  @Schema(
      name = "OrganizationRole",
      description = "A role members hold within an organisation, defined once per realm.",
      requiredProperties = {"id", "name", "builtIn", "createdAt"})
  static final class Role {
    @Schema(format = "uuid", readOnly = true)
    public String id;

    public String name;

    public String description;

    @Schema(readOnly = true)
    public boolean builtIn;

    @Schema(readOnly = true)
    public Instant createdAt;
  }

  @Schema(name = "NewOrganizationRole", requiredProperties = "name")
  static final class NewRole {
    public String name;

    public String description;
  }

  @Schema(
      name = "OrganizationRolePage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class RolePage {
    public List<Role> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(
      name = "Membership",
      description = "An organisation the user is a member of, with the user's roles in it.",
      requiredProperties = {
        "id",
        "alias",
        "name",
        "enabled",
        "domains",
        "attributes",
        "createdAt",
        "updatedAt",
        "roles"
      })
  static final class Membership {
    @Schema(format = "uuid")
    public String id;

    public String alias;

    public String name;

    public String description;

    public boolean enabled;

    public List<Domain> domains;

    public Map<String, List<String>> attributes;

    public Instant createdAt;

    public Instant updatedAt;

    public List<String> roles;
  }

  @Schema(
      name = "MembershipPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class MembershipPage {
    public List<Membership> items;

    public int offset;

    public int limit;

    public long total;
  }
}
