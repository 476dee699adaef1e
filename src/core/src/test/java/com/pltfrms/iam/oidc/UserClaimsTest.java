package com.pltfrms.iam.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.identity.Address;
import com.pltfrms.iam.identity.AttributeDefinition;
import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserProfile;
import com.pltfrms.iam.identity.UserSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserClaimsTest {

  static final Instant UPDATED = Instant.parse("2026-12-01T10:00:00Z");

  static final UserFields ALICE =
      new UserFields(
          "alice",
          "alice@example.com",
          true,
          "Alice",
          "Liddell",
          null,
          "ally",
          "en-GB",
          "Europe/London",
          "+44 20 7946 0958",
          false,
          new Address(null, "1 Rabbit Hole", "Oxford", null, "OX1", "GB"),
          null,
          null,
          "1852-05-04",
          true,
          null,
          Map.of("department", List.of("R&D"), "clearance", List.of("3")));

  static final UserProfile PROFILE =
      new UserProfile(
          List.of(
              attribute("department", AttributeDefinition.Type.STRING, false, "org"),
              attribute("clearance", AttributeDefinition.Type.INTEGER, false, null)),
          false,
          Set.of());

  static AttributeDefinition attribute(
      String name, AttributeDefinition.Type type, boolean multi, String scope) {
    return new AttributeDefinition(
        name, type, List.of(), false, multi, 255, null, AttributeDefinition.Editor.ADMIN, scope);
  }

  static UserSnapshot user(UserFields fields) {
    return new UserSnapshot("u-1", "r-1", fields, UPDATED, UPDATED, 1);
  }

  @Test
  void ofWhenOpenidOnlyThenNoClaims() {
    assertEquals(Map.of(), UserClaims.of(user(ALICE), Set.of("openid"), Set.of(), PROFILE));
  }

  @Test
  void ofWhenProfileThenItsClaimsThatHaveValuesAndNoNulls() {
    Map<String, Object> claims =
        UserClaims.of(user(ALICE), Set.of("openid", "profile"), Set.of(), PROFILE);
    assertEquals("Alice Liddell", claims.get("name"));
    assertEquals("Alice", claims.get("given_name"));
    assertEquals("Liddell", claims.get("family_name"));
    assertEquals("alice", claims.get("preferred_username"));
    assertEquals("ally", claims.get("nickname"));
    assertEquals(UPDATED.getEpochSecond(), claims.get("updated_at"));
    assertEquals("1852-05-04", claims.get("birthdate"));
    assertFalse(claims.containsKey("middle_name"));
    assertFalse(claims.containsKey("picture"));
    assertFalse(claims.containsKey("email"));
    assertFalse(claims.containsValue(null));
  }

  @Test
  void ofWhenEmailAddressPhoneThenTheirClaims() {
    Map<String, Object> claims =
        UserClaims.of(user(ALICE), Set.of("email", "address", "phone"), Set.of(), PROFILE);
    assertEquals("alice@example.com", claims.get("email"));
    assertEquals(true, claims.get("email_verified"));
    assertEquals("+44 20 7946 0958", claims.get("phone_number"));
    assertEquals(false, claims.get("phone_number_verified"));
    assertEquals(
        Map.of(
            "street_address", "1 Rabbit Hole",
            "locality", "Oxford",
            "postal_code", "OX1",
            "country", "GB"),
        claims.get("address"));
  }

  @Test
  void ofWhenNoEmailThenNeitherEmailNorItsVerifiedFlag() {
    UserFields none = UserFields.of("bob");
    Map<String, Object> claims =
        UserClaims.of(user(none), Set.of("email", "address", "profile"), Set.of(), PROFILE);
    assertFalse(claims.containsKey("email_verified"));
    assertFalse(claims.containsKey("address"));
    assertFalse(claims.containsKey("name"));
    assertEquals("bob", claims.get("preferred_username"));
  }

  @Test
  void ofWhenClaimRequestedIndividuallyThenReturnedWithoutItsScope() {
    Map<String, Object> claims =
        UserClaims.of(user(ALICE), Set.of("openid"), Set.of("email", "unknown_claim"), PROFILE);
    assertEquals(Map.of("email", "alice@example.com"), claims);
  }

  @Test
  void ofWhenAttributeScopeGrantedThenAttributeTypedAsDeclared() {
    assertEquals(
        Map.of("department", "R&D"), UserClaims.of(user(ALICE), Set.of("org"), Set.of(), PROFILE));
    assertEquals(
        Map.of("clearance", 3L),
        UserClaims.of(user(ALICE), Set.of("openid"), Set.of("clearance"), PROFILE));
  }

  @Test
  void ofWhenMultiValuedAttributeThenList() {
    UserProfile multi =
        new UserProfile(
            List.of(attribute("team", AttributeDefinition.Type.STRING, true, "teams")),
            false,
            Set.of());
    UserFields fields =
        new UserFields(
            "carol",
            null,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            true,
            null,
            Map.of("team", List.of("a", "b")));
    assertEquals(
        Map.of("team", List.of("a", "b")),
        UserClaims.of(user(fields), Set.of("teams"), Set.of(), multi));
  }

  @Test
  void supportedWhenListedThenCoversEveryScopeClaim() {
    UserClaims.BY_SCOPE
        .values()
        .forEach(names -> assertTrue(UserClaims.SUPPORTED.containsAll(names)));
  }
}
