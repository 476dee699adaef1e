package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Two admins editing at once lose nothing silently (RFC 9110 §13.1.1, §9.3.4): every realm and
 * client carries an ETag, a write with a stale If-Match is 412 and changes nothing, PUT replaces
 * the whole representation and PATCH only what it names.
 */
class EditSemanticsIT {

  private static Map<String, String> ifMatch(String tag) {
    return Map.of("If-Match", tag);
  }

  @Test
  void getWhenRealmThenStrongEtagThatChangesWithEachWrite() {
    String realm = Iam.newRealm("etag");
    String first = Iam.admin("GET", "/" + realm, null).header("ETag");
    assertTrue(first.matches("\"[0-9]+\""), first);

    Reply changed =
        Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"Renamed\"}", ifMatch(first));
    assertEquals(200, changed.status(), changed.body());
    assertNotEquals(first, changed.header("ETag"));
    assertEquals(changed.header("ETag"), Iam.admin("GET", "/" + realm, null).header("ETag"));
  }

  @Test
  void patchWhenIfMatchStaleThen412AndNothingChanged() {
    String realm = Iam.newRealm("stale");
    String stale = Iam.admin("GET", "/" + realm, null).header("ETag");
    assertEquals(200, Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"First\"}").status());

    Reply refused = Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"Second\"}", ifMatch(stale));
    assertEquals(412, refused.status(), refused.body());
    assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("First", Iam.admin("GET", "/" + realm, null).string("displayName"));
  }

  @Test
  void writesWhenIfMatchWeakOrListedThenStrongComparison() {
    String realm = Iam.newRealm("weak");
    String tag = Iam.admin("GET", "/" + realm, null).header("ETag");
    assertEquals(
        412, Iam.admin("PATCH", "/" + realm, "{\"enabled\":true}", ifMatch("W/" + tag)).status());
    assertEquals(
        200,
        Iam.admin("PATCH", "/" + realm, "{\"enabled\":true}", ifMatch("\"999999\", " + tag))
            .status());
    assertEquals(200, Iam.admin("PATCH", "/" + realm, "{\"enabled\":true}", ifMatch("*")).status());
  }

  @Test
  void writesWhenIfMatchMalformedThen400() {
    String realm = Iam.newRealm("badtag");
    for (String bad : List.of("7", "\"7", "\"a b\"", "\"7\",,", "W/7")) {
      assertEquals(
          400,
          Iam.admin("PATCH", "/" + realm, "{\"enabled\":true}", ifMatch(bad)).status(),
          "If-Match: " + bad);
    }
  }

  @Test
  void deleteWhenIfMatchStaleThen412AndRealmStays() {
    String realm = Iam.newRealm("keep");
    String stale = Iam.admin("GET", "/" + realm, null).header("ETag");
    assertEquals(200, Iam.admin("PATCH", "/" + realm, "{\"displayName\":\"Moved on\"}").status());
    assertEquals(412, Iam.admin("DELETE", "/" + realm, null, ifMatch(stale)).status());
    assertEquals(200, Iam.admin("GET", "/" + realm, null).status());
    String current = Iam.admin("GET", "/" + realm, null).header("ETag");
    assertEquals(204, Iam.admin("DELETE", "/" + realm, null, ifMatch(current)).status());
  }

  @Test
  void putWhenFieldsLeftOutThenTheyTakeTheirDefaults() {
    String realm = Iam.newRealm("put");
    assertEquals(
        200,
        Iam.admin(
                "PATCH",
                "/" + realm,
                "{\"displayName\":\"Custom\",\"accessTokenLifetimeSeconds\":900}")
            .status());
    Reply replaced = Iam.admin("PUT", "/" + realm, "{\"enabled\":true}");
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(realm, replaced.string("displayName"));
    assertEquals(300L, ((Number) replaced.json().get("accessTokenLifetimeSeconds")).longValue());
  }

  @Test
  void putWhenRepresentationFromGetSentBackThenAccepted() {
    String realm = Iam.newRealm("roundtrip");
    Reply got = Iam.admin("GET", "/" + realm, null);
    String body = got.body().replace("\"enabled\":true", "\"enabled\":false");
    Reply put = Iam.admin("PUT", "/" + realm, body, ifMatch(got.header("ETag")));
    assertEquals(200, put.status(), put.body());
    assertEquals(Boolean.FALSE, put.json().get("enabled"));
  }

  @Test
  void putWhenIdentityChangedOrFieldUnknownThen400() {
    String realm = Iam.newRealm("putbad");
    assertEquals(400, Iam.admin("PUT", "/" + realm, "{\"name\":\"other\"}").status());
    assertEquals(
        400,
        Iam.admin("PUT", "/" + realm, "{\"id\":\"00000000-0000-0000-0000-000000000000\"}")
            .status());
    assertEquals(400, Iam.admin("PUT", "/" + realm, "{\"colour\":\"blue\"}").status());
    assertEquals(404, Iam.admin("PUT", "/no-such-realm-put", "{}").status());
  }

  @Test
  void clientWhenPutThenWholeRepresentationReplaced() {
    String realm = Iam.newRealm("clientput");
    Iam.newClient(realm, "svc", "[\"read\",\"write\"]", "[\"ops\"]");
    String path = "/" + realm + "/clients/svc";
    String tag = Iam.admin("GET", path, null).header("ETag");
    assertTrue(tag.matches("\"[0-9]+\""), tag);

    Reply replaced =
        Iam.admin("PUT", path, "{\"allowedScopes\":[\"read\"],\"type\":\"service\"}", ifMatch(tag));
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(List.of("read"), replaced.json().get("allowedScopes"));
    assertEquals(List.of(), replaced.json().get("roles"));
    assertNull(replaced.json().get("displayName"));
    assertEquals(412, Iam.admin("PUT", path, "{}", ifMatch(tag)).status());
    assertEquals(400, Iam.admin("PUT", path, "{\"clientId\":\"other\"}").status());
  }

  @Test
  void clientWhenDeleteWithStaleIfMatchThen412() {
    String realm = Iam.newRealm("clientdel");
    Iam.newClient(realm, "svc", "[]", "[]");
    String path = "/" + realm + "/clients/svc";
    String stale = Iam.admin("GET", path, null).header("ETag");
    assertEquals(200, Iam.admin("PATCH", path, "{\"displayName\":\"x\"}").status());
    assertEquals(412, Iam.admin("DELETE", path, null, ifMatch(stale)).status());
    assertEquals(200, Iam.admin("GET", path, null).status());
  }

  @Test
  void patchWhenTwoAdminsRaceWithTheSameEtagThenExactlyOneWins() throws Exception {
    String realm = Iam.newRealm("race");
    String tag = Iam.admin("GET", "/" + realm, null).header("ETag");
    Iam.adminToken(); // fetched once, before the race
    int writers = 6;
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String name = "Writer " + i;
      replies.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return Iam.admin(
                    "PATCH", "/" + realm, "{\"displayName\":\"" + name + "\"}", ifMatch(tag));
              }));
    }
    start.countDown();
    List<Integer> statuses = replies.stream().map(f -> f.join().status()).sorted().toList();
    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
  }
}
