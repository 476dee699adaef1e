package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * A change made by another node reaches this node's caches through PostgreSQL NOTIFY, well before
 * the caches' own expiry (10 s): simulated here by changing a row and notifying the way another
 * node's service does, in one transaction.
 */
class CacheNoticeIT {

  @Test
  void clientDisabledElsewhereWhenNotifiedThenRefusedHereBeforeCacheExpiry() throws Exception {
    String realm = Iam.newRealm("notice");
    String realmId = Iam.admin("GET", "/" + realm, null).string("id");
    String secret = Iam.newClient(realm, "svc", "[]", "[]");
    Iam.clientToken(realm, "svc", secret); // now cached on this node

    try (Connection db = Iam.database()) {
      db.setAutoCommit(false);
      try (PreparedStatement disable =
              db.prepareStatement(
                  "UPDATE oauth_client SET enabled = false WHERE realm_id = ? AND client_id = 'svc'");
          PreparedStatement notify = db.prepareStatement("SELECT pg_notify('iam_cache', ?)")) {
        disable.setString(1, realmId);
        assertEquals(1, disable.executeUpdate());
        notify.setString(1, "CLIENT:" + realmId + " svc");
        notify.execute();
      }
      db.commit();
    }

    int status = 0;
    for (int attempt = 0; attempt < 25 && status != 401; attempt++) {
      Thread.sleep(200);
      status =
          Iam.token(realm, Iam.params("grant_type", "client_credentials"), Iam.basic("svc", secret))
              .status();
    }
    assertEquals(401, status, "the notice evicted the cached client within 5 s");
  }

  /** A user's access token of the realm, through the code flow; its UserInfo answered once. */
  private static String userToken(String realm) {
    Iam.Reply web =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"web\",\"type\":\"confidential\",\"redirectUris\":[\""
                + CodeFlowIT.WEB_CB
                + "\"]}");
    assertEquals(201, web.status(), web.body());
    assertEquals(
        201,
        Iam.admin(
                "POST",
                "/" + realm + "/users",
                "{\"username\":\"alice\",\"password\":\"" + CodeFlowIT.PASSWORD + "\"}")
            .status());
    CodeFlowIT.Browser browser = new CodeFlowIT.Browser(realm);
    String code = browser.codeFor("web", CodeFlowIT.WEB_CB);
    String token =
        Iam.token(
                realm,
                Iam.params(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "redirect_uri",
                    CodeFlowIT.WEB_CB,
                    "code_verifier",
                    browser.verifier),
                Iam.basic("web", web.string("clientSecret")))
            .string("access_token");
    assertEquals(200, userInfo(realm, token), "answered, so now cached on this node");
    return token;
  }

  private static int userInfo(String realm, String token) {
    return Iam.send(
            Iam.request("/realms/" + realm + "/oauth2/userinfo")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build())
        .status();
  }

  /** Runs {@code sql} with {@code parameter} and the notice in one transaction, as a node does. */
  private static void changeElsewhere(String sql, String parameter, String notice)
      throws Exception {
    try (Connection db = Iam.database()) {
      db.setAutoCommit(false);
      try (PreparedStatement change = db.prepareStatement(sql);
          PreparedStatement notify = db.prepareStatement("SELECT pg_notify('iam_cache', ?)")) {
        change.setString(1, parameter);
        assertEquals(1, change.executeUpdate());
        notify.setString(1, notice);
        notify.execute();
      }
      db.commit();
    }
  }

  private static int userInfoWithin5s(String realm, String token) throws InterruptedException {
    int status = 0;
    for (int attempt = 0; attempt < 25 && status != 401; attempt++) {
      Thread.sleep(200);
      status = userInfo(realm, token);
    }
    return status;
  }

  @Test
  void userDisabledElsewhereWhenNotifiedThenUserInfoRefusedHereBeforeCacheExpiry()
      throws Exception {
    String realm = Iam.newRealm("notice-user");
    String realmId = Iam.admin("GET", "/" + realm, null).string("id");
    String token = userToken(realm);
    String userId =
        (String) Iam.admin("GET", "/" + realm + "/users?q=alice", null).items().get(0).get("id");
    changeElsewhere(
        "UPDATE app_user SET enabled = false WHERE id = ?",
        userId,
        "USER:" + realmId + " " + userId);
    assertEquals(401, userInfoWithin5s(realm, token), "the notice evicted the cached user");
  }

  @Test
  void familyRevokedElsewhereWhenNotifiedThenUserInfoRefusedHereBeforeCacheExpiry()
      throws Exception {
    String realm = Iam.newRealm("notice-family");
    String token = userToken(realm);
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    String familyId = payload.replaceAll(".*\"fid\":\"([^\"]+)\".*", "$1");
    changeElsewhere(
        "UPDATE token_family SET revoked_at = now(), revoked_why = 'test' WHERE id = ?",
        familyId,
        "TOKEN_FAMILY:" + familyId);
    assertEquals(401, userInfoWithin5s(realm, token), "the notice evicted the cached family");
  }
}
