package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Endpoints.PAGE;
import static it.com.pltfrms.iam.Endpoints.admin;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import it.com.pltfrms.iam.Endpoints.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of groups, roles, permissions, role mappings and effective access, for {@link
 * Endpoints}.
 */
final class AccessEndpoints {

  private static final String REALM = "admin/realms/{realm}";
  private static final String GROUPS = REALM + "/groups";
  private static final String GROUP = GROUPS + "/{id}";
  private static final String ROLES = REALM + "/roles";
  private static final String CLIENT_ROLES = REALM + "/clients/{clientId}/roles";
  private static final String PERMISSIONS = REALM + "/permissions";
  private static final String SERVICE_ACCOUNT = REALM + "/clients/{clientId}/service-account";
  private static final String USER_FACET =
      REALM + "/users/{userId}/{facet: roles|groups|effective-roles|effective-permissions}";

  private static final Map<String, Type> GROUP_CREATE =
      fields(
          "name",
          Type.STRING,
          "parentId",
          Type.STRING,
          "attributes",
          Type.OBJECT,
          "externalId",
          Type.STRING);
  private static final Map<String, Type> GROUP_UPDATE = GROUP_CREATE;
  private static final Map<String, Type> ROLE_CREATE =
      fields(
          "name",
          Type.STRING,
          "description",
          Type.STRING,
          "composites",
          Type.STRINGS,
          "permissions",
          Type.STRINGS);
  private static final Map<String, Type> ROLE_UPDATE =
      fields("description", Type.STRING, "composites", Type.STRINGS, "permissions", Type.STRINGS);
  private static final Map<String, Type> PERMISSION_CREATE =
      fields("name", Type.STRING, "description", Type.STRING, "clientId", Type.STRING);
  private static final Map<String, Type> PERMISSION_UPDATE = fields("description", Type.STRING);

  static final List<Endpoint> ALL =
      List.of(
          admin("POST", GROUPS, GROUP_CREATE),
          admin("GET", GROUPS, PAGE),
          admin("GET", GROUP),
          admin("PATCH", GROUP, GROUP_UPDATE),
          admin("DELETE", GROUP),
          admin("GET", GROUP + "/children", PAGE),
          admin("GET", GROUP + "/members", PAGE),
          admin("PUT", GROUP + "/members/{userId}"),
          admin("DELETE", GROUP + "/members/{userId}"),
          admin("GET", GROUP + "/roles"),
          admin("PUT", GROUP + "/roles/{role}"),
          admin("DELETE", GROUP + "/roles/{role}"),
          admin("POST", ROLES, ROLE_CREATE),
          admin("GET", ROLES, PAGE),
          admin("GET", ROLES + "/{name}"),
          admin("PATCH", ROLES + "/{name}", ROLE_UPDATE),
          admin("DELETE", ROLES + "/{name}"),
          admin("POST", CLIENT_ROLES, ROLE_CREATE),
          admin("GET", CLIENT_ROLES, PAGE),
          admin("GET", CLIENT_ROLES + "/{name}"),
          admin("PATCH", CLIENT_ROLES + "/{name}", ROLE_UPDATE),
          admin("DELETE", CLIENT_ROLES + "/{name}"),
          admin("POST", PERMISSIONS, PERMISSION_CREATE),
          admin("GET", PERMISSIONS, PAGE),
          admin("GET", PERMISSIONS + "/{name}"),
          admin("PATCH", PERMISSIONS + "/{name}", PERMISSION_UPDATE),
          admin("DELETE", PERMISSIONS + "/{name}"),
          admin("GET", SERVICE_ACCOUNT + "/roles"),
          admin("PUT", SERVICE_ACCOUNT + "/roles/{role}"),
          admin("DELETE", SERVICE_ACCOUNT + "/roles/{role}"),
          admin("GET", SERVICE_ACCOUNT + "/effective-roles"),
          admin("GET", SERVICE_ACCOUNT + "/effective-permissions"),
          admin("GET", USER_FACET, PAGE),
          admin("PUT", USER_FACET + "/{role}"),
          admin("DELETE", USER_FACET + "/{role}"));

  /** Fixture values for the variables of these templates (unknown ids: every call is a 404). */
  static final Map<String, String> FIXTURES =
      Map.of(
          "id", "00000000-0000-4000-8000-000000000000",
          "userId", "00000000-0000-4000-8000-000000000001",
          "name", "fuzz-none",
          "role", "fuzz-none",
          "facet", "roles");

  private AccessEndpoints() {}

  private static Map<String, Type> fields(Object... pairs) {
    Map<String, Type> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], (Type) pairs[i + 1]);
    }
    return fields;
  }
}
