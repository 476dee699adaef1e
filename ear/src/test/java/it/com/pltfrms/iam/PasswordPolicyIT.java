package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A realm's password policy: defaults, replacement, enforcement, history, bad input. */
class PasswordPolicyIT {

  @Test
  void getWhenNeverSetThenNistDefaults() {
    String r = Iam.newRealm("policy");
    Reply policy = Iam.admin("GET", "/" + r + "/password-policy", null);
    assertEquals(200, policy.status());
    assertEquals(12L, ((Number) policy.json().get("minLength")).longValue());
    assertEquals(256L, ((Number) policy.json().get("maxLength")).longValue());
    assertEquals(Boolean.TRUE, policy.json().get("denyList"));
    assertEquals("\"0\"", policy.header("ETag"));
  }

  @Test
  void putWhenStricterThenEnforcedNamingEveryRule() {
    String r = Iam.newRealm("policy-strict");
    Reply put =
        Iam.admin(
            "PUT",
            "/" + r + "/password-policy",
            "{\"minLength\":14,\"requireDigit\":true,\"requireUppercase\":true}",
            Map.of("If-Match", "\"0\""));
    assertEquals(200, put.status(), put.body());
    assertEquals(14L, ((Number) put.json().get("minLength")).longValue());
    Reply weak =
        Iam.admin(
            "POST", "/" + r + "/users", "{\"username\":\"u\",\"password\":\"lowercaseonly\"}");
    assertEquals(400, weak.status());
    for (String rule : new String[] {"minLength", "requireDigit", "requireUppercase"}) {
      assertTrue(weak.body().contains("\"rule\":\"" + rule + "\""), weak.body());
    }
    assertEquals(
        412,
        Iam.admin("PUT", "/" + r + "/password-policy", "{}", Map.of("If-Match", "\"0\"")).status());
    Reply audit = Iam.admin("GET", "/" + r + "/audit?type=PASSWORD_POLICY_UPDATED", null);
    assertTrue(audit.body().contains("PASSWORD_POLICY_UPDATED"), audit.body());
  }

  @Test
  void setPasswordWhenHistoryOnThenRecentPasswordRefused() {
    String r = Iam.newRealm("policy-history");
    assertEquals(200, Iam.admin("PUT", "/" + r + "/password-policy", "{\"history\":3}").status());
    Reply user =
        Iam.admin(
            "POST", "/" + r + "/users", "{\"username\":\"h\",\"password\":\"First-long-pass-1\"}");
    assertEquals(201, user.status(), user.body());
    String path = "/" + r + "/users/" + user.string("id") + "/password";
    assertEquals(204, Iam.admin("POST", path, "{\"password\":\"Second-long-pass-2\"}").status());
    Reply again = Iam.admin("POST", path, "{\"password\":\"First-long-pass-1\"}");
    assertEquals(400, again.status());
    assertTrue(again.body().contains("\"rule\":\"history\""), again.body());
    assertEquals(204, Iam.admin("POST", path, "{\"password\":\"Third-long-pass-3\"}").status());
  }

  @Test
  void putWhenInvalidThen400() {
    String path = "/" + Iam.newRealm("policy-bad") + "/password-policy";
    assertEquals(400, Iam.admin("PUT", path, "{\"minLength\":0}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"maxLength\":257}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"minLength\":20,\"maxLength\":10}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"history\":-1}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"minLength\":\"12\"}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"colour\":1}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"history\":1,\"history\":2}").status());
    assertEquals(404, Iam.admin("GET", "/no-such-realm/password-policy", null).status());
  }
}
