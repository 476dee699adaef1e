package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Endpoints.admin;
import static it.com.pltfrms.iam.Endpoints.fields;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import it.com.pltfrms.iam.Endpoints.Type;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of users, credentials, the user profile and the password policy, for {@link
 * Endpoints}.
 */
final class IdentityEndpoints {

  private static final Object[] USER =
      new Object[] {
        "username",
        "email",
        "emailVerified",
        Type.BOOLEAN,
        "firstName",
        "lastName",
        "middleName",
        "nickname",
        "locale",
        "zoneinfo",
        "phoneNumber",
        "phoneNumberVerified",
        Type.BOOLEAN,
        "address",
        Type.OBJECT,
        "picture",
        "website",
        "birthdate",
        "enabled",
        Type.BOOLEAN,
        "externalId",
        "attributes",
        Type.OBJECT
      };

  private static final Map<String, Type> USER_CREATE =
      with(USER, "password", "passwordTemporary", Type.BOOLEAN);
  private static final Map<String, Type> USER_UPDATE = fields(USER);
  private static final Map<String, Type> PASSWORD = fields("password", "temporary", Type.BOOLEAN);
  private static final Map<String, Type> POLICY =
      fields(
          "minLength",
          Type.INTEGER,
          "maxLength",
          Type.INTEGER,
          "notUsername",
          Type.BOOLEAN,
          "notEmail",
          Type.BOOLEAN,
          "denyList",
          Type.BOOLEAN,
          "history",
          Type.INTEGER,
          "requireLowercase",
          Type.BOOLEAN,
          "requireUppercase",
          Type.BOOLEAN,
          "requireDigit",
          Type.BOOLEAN,
          "requireSpecial",
          Type.BOOLEAN);
  private static final Map<String, Type> PROFILE =
      fields("attributes", Type.OBJECT, "unmanagedAttributes", "retiredAttributes", Type.STRINGS);

  static final List<Endpoint> ALL =
      List.of(
          admin("POST", "admin/realms/{realm}/users", USER_CREATE),
          admin(
              "GET",
              "admin/realms/{realm}/users",
              List.of(
                  "q",
                  "username",
                  "email",
                  "enabled",
                  "attribute",
                  "externalId",
                  "offset",
                  "limit")),
          admin("GET", "admin/realms/{realm}/users/{userId}"),
          admin("PATCH", "admin/realms/{realm}/users/{userId}", USER_UPDATE),
          admin("PUT", "admin/realms/{realm}/users/{userId}", USER_UPDATE),
          admin("DELETE", "admin/realms/{realm}/users/{userId}"),
          admin("POST", "admin/realms/{realm}/users/{userId}/password", PASSWORD),
          admin("GET", "admin/realms/{realm}/password-policy"),
          admin("PUT", "admin/realms/{realm}/password-policy", POLICY),
          admin("GET", "admin/realms/{realm}/user-profile"),
          admin("PUT", "admin/realms/{realm}/user-profile", PROFILE),
          admin("DELETE", "admin/realms/{realm}/user-profile/attributes/{attribute}/values"));

  private static Map<String, Type> with(Object[] base, Object... more) {
    Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return fields(all);
  }

  private IdentityEndpoints() {}
}
