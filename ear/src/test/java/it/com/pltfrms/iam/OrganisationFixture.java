package it.com.pltfrms.iam;

import java.util.Map;

/**
 * What FuzzIT fills the organisation endpoints' path variables with. A class of its own: {@link
 * OrganisationEndpoints} is initialised by {@link Endpoints}, never before it.
 */
final class OrganisationFixture {

  private OrganisationFixture() {}

  /**
   * Creates, in {@code realm}, an organisation with a member who holds an organisation role there,
   * and returns the path variables that name them: each of those endpoints would succeed with them.
   */
  static Map<String, String> create(String realm) {
    String userId = AccessFixtures.newUser(realm, "fuzz-member");
    expect(
        201,
        Iam.admin(
            "POST",
            "/" + realm + "/organizations",
            "{\"alias\":\"fuzz-org\",\"name\":\"Fuzz\",\"domains\":[\"fuzz.example\"]}"));
    expect(201, Iam.admin("POST", "/" + realm + "/organization-roles", "{\"name\":\"fuzz-role\"}"));
    expect(201, Iam.admin("PUT", "/" + realm + "/organizations/fuzz-org/members/" + userId, null));
    expect(
        201,
        Iam.admin(
            "PUT",
            "/" + realm + "/organizations/fuzz-org/members/" + userId + "/roles/fuzz-role",
            null));
    return Map.of(
        "alias", "fuzz-org", "memberId", userId, "orgRole", "fuzz-role", "userId", userId);
  }

  private static void expect(int status, Iam.Reply reply) {
    if (reply.status() != status) {
      throw new AssertionError("fixture: " + reply.status() + " " + reply.body());
    }
  }
}
