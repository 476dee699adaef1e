package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.AccessFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delegated administration by people (issue 6 point 14): users of a realm, signed in through the
 * legacy password grant with the {@code admin} scope, call exactly what their realm roles open, and
 * organisation admins exactly their organisation's members and organisation roles. Access is
 * decided from live state: removing the role or disabling the user ends it with the next call.
 */
class UserDelegationIT {

  static final String PASSWORD = "Delegated-pass-7731";

  static String realm;
  static String other;
  static String secret;
  static String helpdesk;
  static String olga;
  static String member;
  static String target;

  @BeforeAll
  static void setUp() {
    realm = Iam.newRealm("people");
    other = Iam.newRealm("people-other");
    Reply client =
        Iam.admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\"cli\",\"type\":\"confidential\",\"grantTypes\":[\"password\"],"
                + "\"allowedScopes\":[\"admin\"]}");
    assertEquals(201, client.status(), client.body());
    secret = client.string("clientSecret");
    helpdesk = user("helpdesk");
    olga = user("olga");
    member = user("mona");
    target = user("tom");
    ok(Iam.admin("PUT", "/" + realm + "/users/" + helpdesk + "/roles/view-users", null));
    for (String alias : List.of("acme", "globex")) {
      ok(
          Iam.admin(
              "POST",
              "/" + realm + "/organizations",
              "{\"alias\":\"" + alias + "\",\"name\":\"" + alias + "\"}"));
    }
    for (String role : List.of("approver", "auditor")) {
      ok(Iam.admin("POST", "/" + realm + "/organization-roles", "{\"name\":\"" + role + "\"}"));
    }
    for (String id : List.of(olga, member, target)) {
      ok(Iam.admin("PUT", org("acme") + "/members/" + id, null));
    }
    ok(Iam.admin("PUT", org("globex") + "/members/" + target, null));
    ok(Iam.admin("PUT", org("acme") + "/members/" + olga + "/roles/org-admin", null));
    ok(Iam.admin("PUT", org("acme") + "/members/" + olga + "/roles/approver", null));
  }

  private static String user(String name) {
    Reply reply =
        Iam.admin(
            "POST",
            "/" + realm + "/users",
            "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(201, reply.status(), reply.body());
    return reply.string("id");
  }

  private static String org(String alias) {
    return "/" + realm + "/organizations/" + alias;
  }

  /** The user's access token with the admin scope, through the password grant. */
  private static String tokenOf(String username) {
    Reply reply =
        Iam.token(
            realm,
            Iam.params(
                "grant_type",
                "password",
                "username",
                username,
                "password",
                PASSWORD,
                "scope",
                "admin"),
            Iam.basic("cli", secret));
    assertEquals(200, reply.status(), reply.body());
    return reply.string("access_token");
  }

  private static int status(String token, String method, String path) {
    return Iam.adminAs(token, method, path, null).status();
  }

  @Test
  void viewUsersWhenReadingThenAllowedAndEveryWriteOrOtherFamilyOrRealmIs403() {
    String token = tokenOf("helpdesk");
    assertEquals(200, status(token, "GET", "/" + realm + "/users"));
    assertEquals(200, status(token, "GET", "/" + realm + "/users/" + target));
    assertEquals(200, status(token, "GET", "/" + realm + "/users/" + target + "/effective-roles"));
    assertEquals(200, status(token, "GET", "/" + realm));
    List<String> wrong = new ArrayList<>();
    for (String[] call :
        List.of(
            new String[] {"PATCH", "/" + realm + "/users/" + target},
            new String[] {"DELETE", "/" + realm + "/users/" + target},
            new String[] {"PUT", "/" + realm + "/users/" + target + "/roles/view-users"},
            new String[] {"GET", "/" + realm + "/clients"},
            new String[] {"GET", "/" + realm + "/audit"},
            new String[] {"GET", "/" + other},
            new String[] {"GET", "/" + other + "/users"},
            new String[] {"POST", ""})) {
      int status = status(token, call[0], call[1]);
      if (status != 403) {
        wrong.add(call[0] + " " + call[1] + " → " + status);
      }
    }
    assertEquals(List.of(), wrong);
    Reply realms = Iam.adminAs(token, "GET", "", null);
    assertEquals(200, realms.status(), realms.body());
    assertEquals(List.of(realm), realms.items().stream().map(r -> (String) r.get("name")).toList());
  }

  @Test
  void orgAdminWhenManagingOwnOrganisationThenAllowedAndNothingElse() {
    String token = tokenOf("olga");
    assertEquals(200, status(token, "GET", org("acme") + "/members"));
    assertEquals(201, status(token, "PUT", org("acme") + "/members/" + member + "/roles/approver"));
    assertEquals(
        204, status(token, "DELETE", org("acme") + "/members/" + member + "/roles/approver"));
    String newcomer = user("nora");
    assertEquals(201, status(token, "PUT", org("acme") + "/members/" + newcomer));
    assertEquals(204, status(token, "DELETE", org("acme") + "/members/" + newcomer));
    assertEquals(200, status(token, "GET", org("acme")));
    // Granting an organisation role the caller does not hold is escalation.
    assertEquals(403, status(token, "PUT", org("acme") + "/members/" + member + "/roles/auditor"));
    List<String> wrong = new ArrayList<>();
    for (String[] call :
        List.of(
            new String[] {"PATCH", org("acme")},
            new String[] {"DELETE", org("acme")},
            new String[] {"GET", "/" + realm + "/organizations"},
            new String[] {"GET", org("globex") + "/members"},
            new String[] {"PUT", org("globex") + "/members/" + target + "/roles/approver"},
            new String[] {"POST", "/" + realm + "/organization-roles"},
            new String[] {"GET", "/" + realm + "/users"},
            new String[] {"GET", "/" + realm + "/clients"},
            new String[] {"GET", "/" + other + "/organizations/acme/members"})) {
      int status = status(token, call[0], call[1]);
      if (status != 403) {
        wrong.add(call[0] + " " + call[1] + " → " + status);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void plainMemberWhenCallingAnythingThen403() {
    String token = tokenOf("mona");
    assertEquals(403, status(token, "GET", org("acme") + "/members"));
    assertEquals(403, status(token, "GET", "/" + realm + "/users"));
    assertEquals(403, status(token, "PUT", org("acme") + "/members/" + member + "/roles/approver"));
  }

  @Test
  void orgAdminWhenRoleRemovedOrUserDisabledThenNextCallRefused() {
    String dora = user("dora");
    ok(Iam.admin("PUT", org("acme") + "/members/" + dora, null));
    ok(Iam.admin("PUT", org("acme") + "/members/" + dora + "/roles/org-admin", null));
    String token = tokenOf("dora");
    assertEquals(200, status(token, "GET", org("acme") + "/members"));
    ok(Iam.admin("DELETE", org("acme") + "/members/" + dora + "/roles/org-admin", null));
    assertEquals(403, status(token, "GET", org("acme") + "/members"));

    String hank = user("hank");
    ok(Iam.admin("PUT", "/" + realm + "/users/" + hank + "/roles/view-users", null));
    String hankToken = tokenOf("hank");
    assertEquals(200, status(hankToken, "GET", "/" + realm + "/users"));
    ok(Iam.admin("PATCH", "/" + realm + "/users/" + hank, "{\"enabled\":false}"));
    Reply refused = Iam.adminAs(hankToken, "GET", "/" + realm + "/users", null);
    assertEquals(401, refused.status());
    assertTrue(refused.header("WWW-Authenticate").contains("invalid_token"));
  }

  @Test
  void changeByOrgAdminWhenAuditedThenActorIsTheUser() {
    String token = tokenOf("olga");
    assertEquals(201, status(token, "PUT", org("acme") + "/members/" + target + "/roles/approver"));
    List<Map<String, Object>> events =
        Iam.admin("GET", "/" + realm + "/audit?limit=200", null).items().stream()
            .filter(e -> "user".equals(e.get("actorType")) && olga.equals(e.get("actorId")))
            .toList();
    assertTrue(!events.isEmpty(), "an audit event names olga as the actor");
  }
}
