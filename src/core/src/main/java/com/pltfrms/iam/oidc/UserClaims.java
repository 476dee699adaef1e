package com.pltfrms.iam.oidc;

import com.pltfrms.iam.identity.Address;
import com.pltfrms.iam.identity.AttributeDefinition;
import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserProfile;
import com.pltfrms.iam.identity.UserSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A user's claims for a set of granted scopes: the standard claims each standard scope asks for
 * (OIDC Core §5.4), individual claims the client asked for with the {@code claims} parameter
 * (§5.5), and the custom attributes whose user-profile declaration names a granted scope. Claims
 * without a value are left out (§5.3.2: "if a Claim is not returned, that Claim Name SHOULD be
 * omitted"), never sent as null; {@code sub} is the caller's, as it is in every response.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OIDC Core
 *     §5.4</a>
 */
public final class UserClaims {

  /** The standard claims of each standard scope, in the order OIDC Core §5.4 lists them. */
  public static final Map<String, List<String>> BY_SCOPE =
      Map.of(
          "profile",
          List.of(
              "name",
              "family_name",
              "given_name",
              "middle_name",
              "nickname",
              "preferred_username",
              "picture",
              "website",
              "birthdate",
              "zoneinfo",
              "locale",
              "updated_at"),
          "email",
          List.of("email", "email_verified"),
          "address",
          List.of("address"),
          "phone",
          List.of("phone_number", "phone_number_verified"));

  /** Every standard claim this server knows a value for (discovery's claims_supported). */
  public static final List<String> SUPPORTED =
      List.of(
          "sub",
          "name",
          "family_name",
          "given_name",
          "middle_name",
          "nickname",
          "preferred_username",
          "picture",
          "website",
          "birthdate",
          "zoneinfo",
          "locale",
          "updated_at",
          "email",
          "email_verified",
          "address",
          "phone_number",
          "phone_number_verified");

  private static final Map<String, Function<UserSnapshot, Object>> VALUES = values();

  private UserClaims() {}

  /**
   * The claims of {@code user} for {@code scopes}, plus those in {@code requested} (claim names
   * from a {@code claims} request) whatever the scopes, plus the attributes {@code profile} exposes
   * through one of the scopes.
   */
  public static Map<String, Object> of(
      UserSnapshot user, Set<String> scopes, Set<String> requested, UserProfile profile) {
    Map<String, Object> claims = new LinkedHashMap<>();
    for (String scope : List.of("profile", "email", "address", "phone")) {
      if (scopes.contains(scope)) {
        BY_SCOPE.get(scope).forEach(name -> put(claims, name, VALUES.get(name).apply(user)));
      }
    }
    for (String name : requested) {
      Function<UserSnapshot, Object> value = VALUES.get(name);
      if (value != null) {
        put(claims, name, value.apply(user));
      }
    }
    for (AttributeDefinition attribute : profile.attributes()) {
      boolean asked = attribute.scope() != null && scopes.contains(attribute.scope());
      if ((asked || requested.contains(attribute.name()))
          && !SUPPORTED.contains(attribute.name())) {
        put(claims, attribute.name(), attributeValue(attribute, user.fields().attributes()));
      }
    }
    return claims;
  }

  private static void put(Map<String, Object> claims, String name, Object value) {
    if (value != null) {
      claims.putIfAbsent(name, value);
    }
  }

  private static Object attributeValue(
      AttributeDefinition attribute, Map<String, List<String>> attributes) {
    List<String> values = attributes.get(attribute.name());
    if (values == null || values.isEmpty()) {
      return null;
    }
    List<Object> typed = values.stream().map(v -> typed(attribute.type(), v)).toList();
    return attribute.multiValued() ? typed : typed.get(0);
  }

  private static Object typed(AttributeDefinition.Type type, String value) {
    return switch (type) {
      case BOOLEAN -> Boolean.valueOf(value);
      case INTEGER -> Long.valueOf(value);
      default -> value;
    };
  }

  private static Map<String, Function<UserSnapshot, Object>> values() {
    Map<String, Function<UserSnapshot, Object>> values = new LinkedHashMap<>();
    values.put("name", u -> fullName(u.fields()));
    values.put("family_name", u -> u.fields().lastName());
    values.put("given_name", u -> u.fields().firstName());
    values.put("middle_name", u -> u.fields().middleName());
    values.put("nickname", u -> u.fields().nickname());
    values.put("preferred_username", u -> u.fields().username());
    values.put("picture", u -> u.fields().picture());
    values.put("website", u -> u.fields().website());
    values.put("birthdate", u -> u.fields().birthdate());
    values.put("zoneinfo", u -> u.fields().zoneinfo());
    values.put("locale", u -> u.fields().locale());
    values.put("updated_at", u -> u.updatedAt() == null ? null : u.updatedAt().getEpochSecond());
    values.put("email", u -> u.fields().email());
    values.put(
        "email_verified", u -> u.fields().email() == null ? null : u.fields().emailVerified());
    values.put("address", u -> address(u.fields().address()));
    values.put("phone_number", u -> u.fields().phoneNumber());
    values.put(
        "phone_number_verified",
        u -> u.fields().phoneNumber() == null ? null : u.fields().phoneNumberVerified());
    return Map.copyOf(values);
  }

  /** Given, middle and family name, those that are set, with single spaces. */
  private static String fullName(UserFields fields) {
    String name =
        String.join(
                " ",
                Stream.of(fields.firstName(), fields.middleName(), fields.lastName())
                    .filter(part -> part != null && !part.isBlank())
                    .toList())
            .strip();
    return name.isEmpty() ? null : name;
  }

  /** The address claim (OIDC Core §5.1.1): a JSON object of the parts that are set. */
  private static Map<String, String> address(Address address) {
    if (address.isEmpty()) {
      return null;
    }
    Map<String, String> parts = new LinkedHashMap<>();
    putPart(parts, "formatted", address.formatted());
    putPart(parts, "street_address", address.streetAddress());
    putPart(parts, "locality", address.locality());
    putPart(parts, "region", address.region());
    putPart(parts, "postal_code", address.postalCode());
    putPart(parts, "country", address.country());
    return parts;
  }

  private static void putPart(Map<String, String> parts, String name, String value) {
    if (value != null) {
      parts.put(name, value);
    }
  }
}
