package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Endpoints.admin;
import static it.com.pltfrms.iam.Endpoints.fields;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import it.com.pltfrms.iam.Endpoints.Type;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of organisations, their members, member roles and organisation roles, for {@link
 * Endpoints}. {@link OrganisationFixture} makes what their path variables name.
 */
final class OrganisationEndpoints {

  private static final String ORGS = "admin/realms/{realm}/organizations";
  private static final String ORG = ORGS + "/{alias}";
  private static final String MEMBER = ORG + "/members/{memberId}";
  private static final String ROLES = "admin/realms/{realm}/organization-roles";

  private static final Map<String, Type> ORGANISATION =
      fields(
          "alias",
          "name",
          "description",
          "enabled",
          Type.BOOLEAN,
          "domains",
          Type.STRINGS,
          "attributes",
          Type.OBJECT);
  private static final Map<String, Type> ROLE = fields("name", "description");

  static final List<Endpoint> ALL =
      List.of(
          admin("POST", ORGS, ORGANISATION),
          admin("GET", ORGS, List.of("q", "domain", "offset", "limit")),
          admin("GET", ORG),
          admin("PATCH", ORG, ORGANISATION),
          admin("PUT", ORG, ORGANISATION),
          admin("DELETE", ORG),
          admin("GET", ORG + "/members", Endpoints.PAGE),
          admin("GET", MEMBER),
          admin("PUT", MEMBER),
          admin("DELETE", MEMBER),
          admin("GET", MEMBER + "/roles"),
          admin("PUT", MEMBER + "/roles/{orgRole}"),
          admin("DELETE", MEMBER + "/roles/{orgRole}"),
          admin("POST", ROLES, ROLE),
          admin("GET", ROLES, Endpoints.PAGE),
          admin("GET", ROLES + "/{orgRole}"),
          admin("DELETE", ROLES + "/{orgRole}"),
          admin("GET", "admin/realms/{realm}/users/{userId}/organizations", Endpoints.PAGE));

  private OrganisationEndpoints() {}
}
