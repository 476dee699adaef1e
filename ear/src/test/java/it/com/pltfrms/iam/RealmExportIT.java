package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Realm export and import, the realm-as-code format, black-box: a populated realm exported,
 * imported under a new name and exported again gives the same document (it holds no ids or
 * timestamps, so "the same up to ids and timestamps" is equality but for the realm's name); an
 * imported client works with the secret the import returns; bad documents are a 4xx naming the
 * problem and leave no realm behind.
 */
class RealmExportIT {

  private static final String PROFILE =
      "{\"attributes\":["
          + "{\"name\":\"department\",\"type\":\"string\",\"multiValued\":true,\"maxLength\":16},"
          + "{\"name\":\"level\",\"type\":\"integer\"}]}";

  static String realm;

  @BeforeAll
  static void populate() {
    realm = Iam.newRealm("export");
    String r = "/" + realm;
    ok(Iam.admin("PATCH", r, "{\"accessTokenLifetimeSeconds\":600}"));
    ok(Iam.admin("PUT", r + "/user-profile", PROFILE));
    ok(Iam.admin("PUT", r + "/password-policy", "{\"minLength\":10,\"history\":2}"));
    Iam.newClient(realm, "billing", "[\"read\",\"write\"]", "[]");
    ok(Iam.admin("POST", r + "/client-scopes", "{\"name\":\"reports\",\"description\":\"R\"}"));
    ok(
        Iam.admin(
            "POST",
            r + "/clients",
            "{\"clientId\":\"portal\",\"type\":\"confidential\",\"displayName\":\"Portal\","
                + "\"redirectUris\":[\"https://portal.example/cb\"],"
                + "\"postLogoutRedirectUris\":[\"https://portal.example/\"],"
                + "\"grantTypes\":[\"authorization_code\",\"refresh_token\",\"password\"],"
                + "\"allowedScopes\":[\"openid\",\"reports\"],\"consentRequired\":true,"
                + "\"pkceRequired\":false,\"accessTokenLifetimeSeconds\":120,"
                + "\"logoUri\":\"https://portal.example/logo.png\"}"));
    ok(
        Iam.admin(
            "POST",
            r + "/clients",
            "{\"clientId\":\"cli\",\"type\":\"public\","
                + "\"redirectUris\":[\"http://127.0.0.1/cb\"],\"allowedScopes\":[\"openid\"]}"));
    ok(
        Iam.admin(
            "POST", r + "/permissions", "{\"name\":\"orders:read\",\"description\":\"Read\"}"));
    ok(Iam.admin("POST", r + "/permissions", "{\"name\":\"orders:write\"}"));
    ok(
        Iam.admin(
            "POST", r + "/permissions", "{\"name\":\"invoices:send\",\"clientId\":\"billing\"}"));
    ok(
        Iam.admin(
            "POST",
            r + "/roles",
            "{\"name\":\"reader\",\"description\":\"Reads\",\"permissions\":[\"orders:read\"]}"));
    ok(
        Iam.admin(
            "POST",
            r + "/roles",
            "{\"name\":\"writer\",\"composites\":[\"reader\"],\"permissions\":[\"orders:write\"]}"));
    ok(
        Iam.admin(
            "POST",
            r + "/clients/billing/roles",
            "{\"name\":\"invoicer\",\"permissions\":[\"invoices:send\"]}"));
    ok(
        Iam.admin(
            "POST",
            r + "/roles",
            "{\"name\":\"accountant\",\"composites\":[\"writer\",\"billing:invoicer\"]}"));
    ok(Iam.admin("PUT", r + "/clients/billing/service-account/roles/reader", null));

    Reply aliceCreated =
        Iam.admin(
            "POST",
            r + "/users",
            "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"firstName\":\"Alice\","
                + "\"emailVerified\":true,\"attributes\":{\"department\":[\"sales\",\"ops\"],"
                + "\"level\":[\"3\"]},\"password\":\"correct horse battery\"}");
    assertEquals(201, aliceCreated.status(), aliceCreated.body());
    String alice = aliceCreated.string("id");
    Reply bobCreated = Iam.admin("POST", r + "/users", "{\"username\":\"bob\",\"enabled\":false}");
    assertEquals(201, bobCreated.status(), bobCreated.body());
    String bob = bobCreated.string("id");
    ok(Iam.admin("PUT", r + "/users/" + alice + "/roles/accountant", null));
    ok(Iam.admin("PUT", r + "/users/" + bob + "/roles/billing:invoicer", null));

    String staff = AccessFixtures.newGroup(realm, "staff", null);
    String sales = AccessFixtures.newGroup(realm, "sales", staff);
    ok(Iam.admin("PATCH", r + "/groups/" + staff, "{\"attributes\":{\"site\":[\"hq\"]}}"));
    ok(Iam.admin("PUT", r + "/groups/" + sales + "/roles/writer", null));
    ok(Iam.admin("PUT", r + "/groups/" + sales + "/members/" + alice, null));
    ok(Iam.admin("PUT", r + "/groups/" + staff + "/members/" + bob, null));

    ok(Iam.admin("POST", r + "/organization-roles", "{\"name\":\"approver\"}"));
    ok(
        Iam.admin(
            "POST",
            r + "/organizations",
            "{\"alias\":\"globex\",\"name\":\"Globex\",\"domains\":[\"globex.com\"],"
                + "\"attributes\":{\"tier\":[\"gold\"]}}"));
    ok(Iam.admin("PUT", r + "/organizations/globex/members/" + alice, null));
    ok(Iam.admin("PUT", r + "/organizations/globex/members/" + alice + "/roles/approver", null));
  }

  private static void ok(Reply reply) {
    assertTrue(reply.status() / 100 == 2, reply.status() + " " + reply.body());
  }

  private static Reply export(String realmName, String query) {
    return Iam.admin("GET", "/" + realmName + "/export" + query, null);
  }

  private static Reply importDocument(String query, String document) {
    return Iam.admin("POST", "/import" + query, document);
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void roundTripWhenExportedImportedAndExportedAgainThenSameDocument() {
    Reply first = export(realm, "");
    assertEquals(200, first.status(), first.body());
    assertEquals("no-store", first.header("Cache-Control"));
    assertFalse(first.body().contains("\"id\""), first.body());
    assertTrue(first.body().contains("$argon2id$"), "the password hash is exported");

    String copy = fresh("imported");
    Reply imported = importDocument("?name=" + copy, first.body());
    assertEquals(201, imported.status(), imported.body());
    assertTrue(imported.header("Location").endsWith("/admin/realms/" + copy));
    assertEquals(copy, imported.string("realm"));

    Reply second = export(copy, "");
    assertEquals(200, second.status(), second.body());
    Map<String, Object> expected = new HashMap<>(first.json());
    Map<String, Object> actual = new HashMap<>(second.json());
    assertEquals(realm, expected.remove("realm"));
    assertEquals(copy, actual.remove("realm"));
    assertEquals(expected, actual);
  }

  @Test
  void importWhenClientImportedThenItsNewSecretObtainsTokens() {
    String copy = fresh("secrets");
    Reply imported = importDocument("?name=" + copy, export(realm, "").body());
    assertEquals(201, imported.status(), imported.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> secrets = (Map<String, Object>) imported.json().get("clientSecrets");
    String secret = (String) secrets.get("billing");
    assertNotNull(secret, imported.body());
    Reply token =
        Iam.token(
            copy,
            Iam.params("grant_type", "client_credentials", "scope", "read"),
            Iam.basic("billing", secret));
    assertEquals(200, token.status(), token.body());
  }

  @Test
  void exportWhenCredentialsFalseThenNoHashes() {
    Reply reply = export(realm, "?credentials=false");
    assertEquals(200, reply.status(), reply.body());
    assertFalse(reply.body().contains("$argon2"), reply.body());
    assertFalse(reply.body().contains("\"credentials\""), reply.body());
    assertEquals(400, export(realm, "?credentials=maybe").status());
  }

  @Test
  void exportWhenUnknownRealmThen404() {
    assertEquals(404, export("no-such-realm-" + UUID.randomUUID(), "").status());
  }

  @Test
  void importWhenNameInDocumentThenThatName() {
    String name = fresh("named");
    Reply reply = importDocument("", "{\"realm\":\"" + name + "\",\"displayName\":\"Named\"}");
    assertEquals(201, reply.status(), reply.body());
    assertEquals("Named", Iam.admin("GET", "/" + name, null).string("displayName"));
  }

  @Test
  void importWhenRealmExistsThen409AndNothingChanged() {
    Reply reply = importDocument("?name=" + realm, export(realm, "").body());
    assertProblem(reply, 409);
  }

  @Test
  void importWhenBadDocumentThen4xxAndNoRealm() {
    String exported = export(realm, "").body();
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("malformed", "{\"realm\":");
    cases.put("not an object", "[]");
    cases.put("unknown top-level field", "{\"realm\":\"x\",\"colour\":\"red\"}");
    cases.put("unknown nested field", "{\"users\":[{\"username\":\"u\",\"shoeSize\":42}]}");
    cases.put("wrong type", "{\"enabled\":\"yes\"}");
    cases.put("wrong section type", "{\"users\":{}}");
    cases.put("missing role", "{\"users\":[{\"username\":\"u\",\"roles\":[\"nope\"]}]}");
    cases.put(
        "missing composite", "{\"roles\":{\"realm\":[{\"name\":\"a\",\"composites\":[\"b\"]}]}}");
    cases.put(
        "missing permission",
        "{\"roles\":{\"realm\":[{\"name\":\"a\",\"permissions\":[\"x:y\"]}]}}");
    cases.put("missing group member", "{\"groups\":[{\"name\":\"g\",\"members\":[\"ghost\"]}]}");
    cases.put(
        "missing organisation member",
        "{\"organizations\":[{\"alias\":\"o\",\"name\":\"O\",\"members\":[{\"username\":\"ghost\"}]}]}");
    cases.put("duplicate usernames", "{\"users\":[{\"username\":\"u\"},{\"username\":\"U\"}]}");
    cases.put(
        "bad hash",
        "{\"users\":[{\"username\":\"u\",\"credentials\":[{\"type\":\"password\",\"hash\":\"plain\"}]}]}");
    cases.put("future format", "{\"formatVersion\":2}");
    // A valid export with one bad reference at the very end: everything before it rolls back too.
    cases.put(
        "late error",
        exported.substring(0, exported.lastIndexOf(']'))
            + (exported.contains("\"organizations\":[]") ? "" : ",")
            + "{\"alias\":\"late\",\"name\":\"Late\",\"members\":[{\"username\":\"ghost\"}]}]}");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String name = fresh("bad");
      Reply reply = importDocument("?name=" + name, c.getValue());
      assertTrue(
          reply.status() >= 400 && reply.status() < 500,
          c.getKey() + ": " + reply.status() + " " + reply.body());
      assertTrue(
          reply.header("Content-Type").startsWith("application/problem+json"),
          c.getKey() + ": " + reply.body());
      assertEquals(404, Iam.admin("GET", "/" + name, null).status(), c.getKey());
      assertEquals(
          0, AccessFixtures.count("SELECT count(*) FROM realm WHERE name = ?", name), c.getKey());
    }
  }

  @Test
  void importWhenReservedOrMalformedNameThen400() {
    assertProblem(importDocument("", "{\"realm\":\"admin\"}"), 400);
    assertProblem(importDocument("?name=import", "{}"), 400);
    assertProblem(importDocument("?name=Not%20A%20Name", "{}"), 400);
    assertProblem(importDocument("", "{}"), 400); // no name at all
  }

  @Test
  void importWhenDuplicateUsernamesThenPointerNamesTheSecond() {
    Reply reply =
        importDocument(
            "?name=" + fresh("dup"), "{\"users\":[{\"username\":\"u\"},{\"username\":\"u\"}]}");
    assertProblem(reply, 400);
    assertTrue(reply.body().contains("users/1/username"), reply.body());
  }

  @Test
  void importWhenDocumentTooLargeThen413() {
    String big = "{\"displayName\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
    String name = fresh("big");
    assertEquals(413, importDocument("?name=" + name, big).status());
    assertEquals(404, Iam.admin("GET", "/" + name, null).status());
  }

  @Test
  void importWhenEmptyBodyThen400() {
    assertProblem(importDocument("?name=" + fresh("empty"), ""), 400);
  }

  @Test
  void exportAndImportWhenAuditedThenNoSecretsInDetails() {
    String copy = fresh("audited");
    Reply imported = importDocument("?name=" + copy, export(realm, "").body());
    assertEquals(201, imported.status(), imported.body());
    Reply trail = Iam.admin("GET", "/" + copy + "/audit?limit=200", null);
    assertEquals(200, trail.status(), trail.body());
    assertTrue(trail.body().contains("REALM_IMPORTED"), trail.body());
    assertFalse(trail.body().contains("$argon2"), trail.body());
    Reply source = Iam.admin("GET", "/" + realm + "/audit?limit=200", null);
    assertTrue(source.body().contains("REALM_EXPORTED"), source.body());
  }

  private static void assertProblem(Reply reply, int status) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.body());
  }
}
