package com.pltfrms.iam.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounded groups and organization claims of user tokens. */
class AccessClaimsTest {

  @Test
  void withGroupsWhenFewThenAllInPathOrderWithoutOverflow() {
    AccessClaims claims = AccessClaims.NONE.withGroups(List.of("/eng/platform", "/eng", "/biz"));
    assertEquals(List.of("/biz", "/eng", "/eng/platform"), claims.groups());
    assertFalse(claims.groupsOverflow());
  }

  @Test
  void withGroupsWhenMoreThanTheBoundThenFirstHundredAndOverflow() {
    List<String> paths =
        IntStream.range(0, 5_000).mapToObj(i -> String.format("/g%05d", i)).toList();
    AccessClaims claims = AccessClaims.NONE.withGroups(paths);
    assertEquals(AccessClaims.MAX_GROUPS, claims.groups().size());
    assertEquals("/g00000", claims.groups().get(0));
    assertTrue(claims.groupsOverflow());
  }

  @Test
  void withOrganizationsWhenMoreThanTheBoundThenFirstHundredByAliasAndOverflow() {
    Map<String, Map<String, Object>> orgs = new TreeMap<>();
    IntStream.range(0, 150)
        .forEach(
            i -> orgs.put(String.format("org-%03d", i), Map.of("id", "x", "roles", List.of())));
    AccessClaims claims = AccessClaims.NONE.withOrganizations(orgs);
    assertEquals(AccessClaims.MAX_ORGANIZATIONS, claims.organizations().size());
    assertTrue(claims.organizations().containsKey("org-000"));
    assertFalse(claims.organizations().containsKey("org-149"));
    assertTrue(claims.organizationsOverflow());
  }
}
