package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Endpoints.admin;
import static it.com.pltfrms.iam.Endpoints.fields;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import it.com.pltfrms.iam.Endpoints.Type;
import java.util.List;
import java.util.Map;

/** Web and public clients' client scopes (issue 7), for {@link Endpoints}. */
final class ClientEndpoints {

  /** The settings web and public clients add to a client's body. */
  static final Map<String, Type> WEB_CLIENT_FIELDS =
      fields(
          "redirectUris",
          Type.STRINGS,
          "postLogoutRedirectUris",
          Type.STRINGS,
          "grantTypes",
          Type.STRINGS,
          "consentRequired",
          Type.BOOLEAN,
          "pkceRequired",
          Type.BOOLEAN,
          "accessTokenLifetimeSeconds",
          Type.INTEGER,
          "logoUri",
          "clientUri",
          "policyUri",
          "tosUri");

  private static final String SCOPES = "admin/realms/{realm}/client-scopes";

  static final List<Endpoint> ALL =
      List.of(
          admin("GET", SCOPES),
          admin("POST", SCOPES, fields("name", "description")),
          admin("GET", SCOPES + "/{scope}"),
          admin("DELETE", SCOPES + "/{scope}"));

  private ClientEndpoints() {}
}
