package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A realm's declarative user profile: declare, validate writes, retire, purge. */
class UserProfileIT {

  private static final String PROFILE =
      "{\"attributes\":["
          + "{\"name\":\"department\",\"type\":\"string\",\"multiValued\":true,\"maxLength\":16},"
          + "{\"name\":\"level\",\"type\":\"integer\"},"
          + "{\"name\":\"tier\",\"type\":\"enum\",\"values\":[\"gold\",\"silver\"],\"scope\":\"tiers\"}]}";

  @Test
  void putWhenDeclaredThenWritesValidatedAgainstIt() {
    String r = Iam.newRealm("profile");
    Reply put = Iam.admin("PUT", "/" + r + "/user-profile", PROFILE, Map.of("If-Match", "\"0\""));
    assertEquals(200, put.status(), put.body());
    assertTrue(put.body().contains("\"refused\""), put.body());
    Reply ok =
        Iam.admin(
            "POST",
            "/" + r + "/users",
            "{\"username\":\"a\",\"attributes\":{\"department\":[\"R&D\"],\"level\":[\"3\"],\"tier\":[\"gold\"]}}");
    assertEquals(201, ok.status(), ok.body());
    Reply bad =
        Iam.admin(
            "POST",
            "/" + r + "/users",
            "{\"username\":\"b\",\"attributes\":{\"level\":[\"three\"],\"tier\":[\"bronze\"]}}");
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("#/attributes/level"), bad.body());
    assertTrue(bad.body().contains("#/attributes/tier"), bad.body());
    Reply get = Iam.admin("GET", "/" + r + "/user-profile", null);
    assertEquals(put.header("ETag"), get.header("ETag"));
    assertEquals(
        412,
        Iam.admin("PUT", "/" + r + "/user-profile", PROFILE, Map.of("If-Match", "\"0\"")).status());
  }

  @Test
  void putWhenAttributeRemovedThenValuesHiddenUntilPurged() {
    String r = Iam.newRealm("profile-retire");
    Iam.admin("PUT", "/" + r + "/user-profile", PROFILE);
    Reply user =
        Iam.admin(
            "POST",
            "/" + r + "/users",
            "{\"username\":\"keeper\",\"attributes\":{\"department\":[\"R&D\"],\"level\":[\"2\"]}}");
    String path = "/" + r + "/users/" + user.string("id");
    Reply retired =
        Iam.admin(
            "PUT",
            "/" + r + "/user-profile",
            "{\"attributes\":[{\"name\":\"level\",\"type\":\"integer\"}]}");
    assertEquals(200, retired.status(), retired.body());
    assertTrue(
        retired.body().contains("\"retiredAttributes\":[\"department\",\"tier\"]"), retired.body());
    Reply hidden = Iam.admin("GET", path, null);
    assertFalse(hidden.body().contains("R&D"), hidden.body());
    assertTrue(hidden.body().contains("\"level\""), hidden.body());
    // A write of the visible fields keeps the hidden values: declaring it again shows them.
    assertEquals(200, Iam.admin("PATCH", path, "{\"firstName\":\"K\"}").status());
    Iam.admin("PUT", "/" + r + "/user-profile", PROFILE);
    assertTrue(Iam.admin("GET", path, null).body().contains("R&D"));
    Iam.admin("PUT", "/" + r + "/user-profile", "{\"attributes\":[]}");
    assertEquals(
        404,
        Iam.admin("DELETE", "/" + r + "/user-profile/attributes/nothing-here/values", null)
            .status());
    Reply purge = Iam.admin("DELETE", "/" + r + "/user-profile/attributes/department/values", null);
    assertEquals(200, purge.status(), purge.body());
    assertEquals(1L, ((Number) purge.json().get("users")).longValue());
    Iam.admin("PUT", "/" + r + "/user-profile", PROFILE);
    assertFalse(Iam.admin("GET", path, null).body().contains("R&D"));
    Reply audit = Iam.admin("GET", "/" + r + "/audit?type=USER_PROFILE_UPDATED", null);
    assertTrue(audit.body().contains("purgedAttribute"), audit.body());
  }

  @Test
  void putWhenUnmanagedAllowedThenUndeclaredAttributesAccepted() {
    String r = Iam.newRealm("profile-open");
    assertEquals(
        200,
        Iam.admin("PUT", "/" + r + "/user-profile", "{\"unmanagedAttributes\":\"allowed\"}")
            .status());
    Reply user =
        Iam.admin(
            "POST", "/" + r + "/users", "{\"username\":\"u\",\"attributes\":{\"shoe\":[\"42\"]}}");
    assertEquals(201, user.status(), user.body());
    assertTrue(user.body().contains("\"shoe\":[\"42\"]"), user.body());
  }

  @Test
  void purgeWhenAttributeDeclaredThen409() {
    String r = Iam.newRealm("profile-purge");
    Iam.admin("PUT", "/" + r + "/user-profile", PROFILE);
    assertEquals(
        409, Iam.admin("DELETE", "/" + r + "/user-profile/attributes/level/values", null).status());
  }

  @Test
  void putWhenInvalidThen400NamingThePlace() {
    String path = "/" + Iam.newRealm("profile-bad") + "/user-profile";
    Reply unknown = Iam.admin("PUT", path, "{\"attributes\":[{\"name\":\"a\",\"colour\":1}]}");
    assertEquals(400, unknown.status());
    assertTrue(unknown.body().contains("#/attributes/0/colour"), unknown.body());
    assertEquals(400, Iam.admin("PUT", path, "{\"attributes\":{}}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"attributes\":[{\"name\":\"email\"}]}").status());
    assertEquals(
        400,
        Iam.admin("PUT", path, "{\"attributes\":[{\"name\":\"a\",\"type\":\"float\"}]}").status());
    assertEquals(
        400,
        Iam.admin("PUT", path, "{\"attributes\":[{\"name\":\"a\",\"pattern\":\"([\"}]}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"unmanagedAttributes\":\"sometimes\"}").status());
    assertEquals(400, Iam.admin("PUT", path, "{\"other\":1}").status());
    assertEquals(400, Iam.admin("PUT", path, "[]").status());
  }
}
