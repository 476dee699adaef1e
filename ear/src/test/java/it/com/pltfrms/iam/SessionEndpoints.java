package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Endpoints.admin;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import java.util.List;
import java.util.Map;

/** The SSO-session and consent endpoints of the admin API, for {@link Endpoints}. */
final class SessionEndpoints {

  private static final String SESSIONS = "admin/realms/{realm}/users/{userId}/sessions";
  private static final String CONSENTS = "admin/realms/{realm}/users/{userId}/consents";

  static final List<Endpoint> ALL =
      List.of(
          admin("GET", SESSIONS),
          admin("DELETE", SESSIONS),
          admin("DELETE", SESSIONS + "/{sessionId}"),
          admin("GET", CONSENTS),
          admin("DELETE", CONSENTS + "/{clientId}"));

  /** Values for the catalogue's own variables: a session that does not exist (404). */
  static final Map<String, String> FIXTURES =
      Map.of("sessionId", "00000000-0000-4000-8000-000000000000");

  private SessionEndpoints() {}
}
