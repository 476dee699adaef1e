package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confidential (web) and public clients beside service clients, and a realm's client scopes (issue
 * 7 point 1): the new fields, the combinations refused with a 400 naming the field, no secret for
 * public clients, and the client-credentials grant only for clients registered for it.
 */
class WebClientAdminIT {

  static String realm;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("webclients");
  }

  private static String clients() {
    return "/" + realm + "/clients";
  }

  @SuppressWarnings("unchecked")
  private static String pointer(Reply reply) {
    List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.json().get("errors");
    return errors == null || errors.isEmpty() ? null : (String) errors.get(0).get("pointer");
  }

  private static void assertInvalid(String field, String json) {
    Reply reply = Iam.admin("POST", clients(), json);
    assertEquals(400, reply.status(), json + " -> " + reply.body());
    assertEquals("application/problem+json", reply.header("Content-Type"));
    assertEquals("#/" + field, pointer(reply), reply.body());
  }

  @Test
  void createWhenConfidentialThen201WithSecretAndEveryField() {
    Reply created =
        Iam.admin(
            "POST",
            clients(),
            "{\"clientId\":\"web\",\"type\":\"confidential\",\"displayName\":\"Web app\","
                + "\"redirectUris\":[\"https://app.example/cb\",\"http://localhost:3000/cb\"],"
                + "\"postLogoutRedirectUris\":[\"https://app.example/bye\"],"
                + "\"allowedScopes\":[\"openid\",\"profile\",\"email\"],"
                + "\"consentRequired\":true,\"accessTokenLifetimeSeconds\":600,"
                + "\"logoUri\":\"https://app.example/logo.png\","
                + "\"clientUri\":\"https://app.example/\","
                + "\"policyUri\":\"https://app.example/privacy\","
                + "\"tosUri\":\"https://app.example/terms\"}");
    assertEquals(201, created.status(), created.body());
    assertTrue(created.string("clientSecret").length() >= 43);
    Map<String, Object> json = Iam.admin("GET", clients() + "/web", null).json();
    assertEquals("confidential", json.get("type"));
    assertEquals(
        List.of("https://app.example/cb", "http://localhost:3000/cb"), json.get("redirectUris"));
    assertEquals(List.of("https://app.example/bye"), json.get("postLogoutRedirectUris"));
    assertEquals(List.of("authorization_code", "refresh_token"), json.get("grantTypes"));
    assertEquals(true, json.get("consentRequired"));
    assertEquals(true, json.get("pkceRequired"));
    assertEquals(600L, ((Number) json.get("accessTokenLifetimeSeconds")).longValue());
    assertEquals("https://app.example/logo.png", json.get("logoUri"));
    assertEquals("https://app.example/terms", json.get("tosUri"));
    assertNull(json.get("clientSecret"));
  }

  @Test
  void createWhenPublicThenNoSecretAndRotateIs400() {
    Reply created =
        Iam.admin(
            "POST",
            clients(),
            "{\"clientId\":\"spa\",\"type\":\"public\","
                + "\"redirectUris\":[\"https://spa.example/cb\"],\"allowedScopes\":[\"openid\"]}");
    assertEquals(201, created.status(), created.body());
    assertNull(created.json().get("clientSecret"));
    assertFalse(created.json().containsKey("clientSecret"));
    assertEquals(true, created.json().get("pkceRequired"));
    Reply rotate = Iam.admin("POST", clients() + "/spa/secret", null);
    assertEquals(400, rotate.status(), rotate.body());
    assertEquals("#/type", pointer(rotate));
  }

  @Test
  void createWhenInvalidCombinationThen400NamingTheField() {
    assertInvalid(
        "pkceRequired",
        "{\"clientId\":\"p1\",\"type\":\"public\",\"redirectUris\":[\"https://a.example/cb\"],"
            + "\"pkceRequired\":false}");
    assertInvalid(
        "grantTypes",
        "{\"clientId\":\"p2\",\"type\":\"public\",\"redirectUris\":[\"https://a.example/cb\"],"
            + "\"grantTypes\":[\"authorization_code\",\"client_credentials\"]}");
    assertInvalid("grantTypes", "{\"clientId\":\"s1\",\"grantTypes\":[\"password\"]}");
    assertInvalid("grantTypes", "{\"clientId\":\"s2\",\"grantTypes\":[\"implicit\"]}");
    assertInvalid("redirectUris", "{\"clientId\":\"c1\",\"type\":\"confidential\"}");
    assertInvalid(
        "redirectUris", "{\"clientId\":\"s3\",\"redirectUris\":[\"https://a.example/cb\"]}");
    for (String uri :
        List.of(
            "https://a.example/cb#frag",
            "https://*.example/cb",
            "http://a.example/cb",
            "/relative",
            "https://user@a.example/cb")) {
      assertInvalid(
          "redirectUris",
          "{\"clientId\":\"c2\",\"type\":\"confidential\",\"redirectUris\":[\"" + uri + "\"]}");
    }
    assertInvalid(
        "logoUri",
        "{\"clientId\":\"c3\",\"type\":\"confidential\",\"redirectUris\":[\"https://a.example/cb\"],"
            + "\"logoUri\":\"http://cdn.example/logo.png\"}");
    assertInvalid(
        "accessTokenLifetimeSeconds",
        "{\"clientId\":\"c4\",\"type\":\"confidential\",\"redirectUris\":[\"https://a.example/cb\"],"
            + "\"accessTokenLifetimeSeconds\":5}");
    assertInvalid(
        "allowedScopes",
        "{\"clientId\":\"c5\",\"type\":\"confidential\",\"redirectUris\":[\"https://a.example/cb\"],"
            + "\"allowedScopes\":[\"openid\",\"not-defined\"]}");
    assertEquals(404, Iam.admin("GET", clients() + "/c1", null).status());
  }

  @Test
  void patchWhenBreakingCombinationThen400AndUnchanged() {
    Iam.admin(
        "POST",
        clients(),
        "{\"clientId\":\"web2\",\"type\":\"confidential\",\"redirectUris\":[\"https://a.example/cb\"]}");
    Reply patched = Iam.admin("PATCH", clients() + "/web2", "{\"redirectUris\":[]}");
    assertEquals(400, patched.status(), patched.body());
    assertEquals("#/redirectUris", pointer(patched));
    Reply ok =
        Iam.admin(
            "PATCH",
            clients() + "/web2",
            "{\"grantTypes\":[\"client_credentials\"],\"redirectUris\":[],\"logoUri\":null}");
    assertEquals(200, ok.status(), ok.body());
    assertEquals(List.of("client_credentials"), ok.json().get("grantTypes"));
  }

  @Test
  void clientCredentialsWhenClientNotRegisteredForItThenUnauthorizedClient() {
    Reply created =
        Iam.admin(
            "POST",
            clients(),
            "{\"clientId\":\"web3\",\"type\":\"confidential\",\"redirectUris\":[\"https://a.example/cb\"]}");
    String secret = created.string("clientSecret");
    Iam.token(realm, Iam.params("grant_type", "client_credentials"), Iam.basic("web3", secret))
        .assertOAuthError(400, "unauthorized_client");
    assertEquals(
        200,
        Iam.admin(
                "PATCH",
                clients() + "/web3",
                "{\"grantTypes\":[\"authorization_code\",\"client_credentials\"]}")
            .status());
    Reply token =
        Iam.token(realm, Iam.params("grant_type", "client_credentials"), Iam.basic("web3", secret));
    assertEquals(200, token.status(), token.body());
  }

  @Test
  void clientScopesWhenListedThenBuiltInsFirstAndDefinedOnesDeletable() {
    String scopes = "/" + realm + "/client-scopes";
    Reply list = Iam.admin("GET", scopes, null);
    assertEquals(200, list.status());
    List<Object> names = list.items().stream().map(i -> i.get("name")).toList();
    assertEquals(
        List.of(
            "openid",
            "profile",
            "email",
            "address",
            "phone",
            "offline_access",
            "groups",
            "organization",
            "admin"),
        names.subList(0, 9));
    assertTrue(list.items().stream().limit(9).allMatch(i -> Boolean.TRUE.equals(i.get("builtIn"))));

    Reply created =
        Iam.admin("POST", scopes, "{\"name\":\"billing:read\",\"description\":\"Read invoices\"}");
    assertEquals(201, created.status(), created.body());
    assertEquals(false, created.json().get("builtIn"));
    assertEquals(Iam.BASE + "/admin/realms" + scopes + "/billing:read", created.header("Location"));
    assertEquals(409, Iam.admin("POST", scopes, "{\"name\":\"billing:read\"}").status());
    assertEquals(409, Iam.admin("POST", scopes, "{\"name\":\"openid\"}").status());
    assertEquals(400, Iam.admin("POST", scopes, "{\"name\":\"has space\"}").status());
    assertEquals(200, Iam.admin("GET", scopes + "/billing:read", null).status());
    assertEquals(true, Iam.admin("GET", scopes + "/email", null).json().get("builtIn"));

    Reply client =
        Iam.admin(
            "POST",
            clients(),
            "{\"clientId\":\"biller\",\"type\":\"confidential\","
                + "\"redirectUris\":[\"https://a.example/cb\"],\"allowedScopes\":[\"billing:read\"]}");
    assertEquals(201, client.status(), client.body());

    assertEquals(409, Iam.admin("DELETE", scopes + "/profile", null).status());
    assertEquals(204, Iam.admin("DELETE", scopes + "/billing:read", null).status());
    assertEquals(404, Iam.admin("GET", scopes + "/billing:read", null).status());
    assertEquals(404, Iam.admin("DELETE", scopes + "/billing:read", null).status());
  }

  @Test
  void serviceClientWhenFreeScopesThenStillAllowed() {
    Iam.newClient(realm, "svc-free", "[\"read\",\"write\"]", "[]");
    assertEquals(
        List.of("client_credentials"),
        Iam.admin("GET", clients() + "/svc-free", null).json().get("grantTypes"));
  }
}
