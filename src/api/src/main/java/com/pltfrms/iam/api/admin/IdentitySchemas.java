package com.pltfrms.iam.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of users, passwords, the password policy and the user profile, for the OpenAPI
 * document only (see {@link AdminSchemas}): {@link UsersResource}, {@link PasswordPolicyResource}
 * and {@link UserProfileResource} read bodies through {@link JsonInput} and write them with {@link
 * Views}; these classes describe what those accept and produce.
 */
final class IdentitySchemas {

  private IdentitySchemas() {}

  private static final String ATTRIBUTES =
      "Custom attributes, each a list of strings, as the realm's user profile declares them.";

  @Schema(
      name = "UserAddress",
      description = "OpenID Connect Core §5.1.1 address claim; only the parts that are set.")
  static final class Address {
    public String formatted;

    public String streetAddress;

    public String locality;

    public String region;

    public String postalCode;

    public String country;
  }

  @Schema(
      name = "User",
      description =
          "A user of a realm: the OpenID Connect Core §5.1 standard claims that are set, custom"
              + " attributes and times; never a password or hash.",
      requiredProperties = {
        "id",
        "username",
        "emailVerified",
        "phoneNumberVerified",
        "enabled",
        "attributes",
        "createdAt",
        "updatedAt"
      })
  static final class User {
    @Schema(format = "uuid", readOnly = true, description = "Stable; the sub of the user's tokens.")
    public String id;

    @Schema(maxLength = 255, description = "Unique in the realm, stored NFKC and lower case.")
    public String username;

    @Schema(format = "email")
    public String email;

    public boolean emailVerified;

    @Schema(description = "given_name")
    public String firstName;

    @Schema(description = "family_name")
    public String lastName;

    public String middleName;

    public String nickname;

    public String locale;

    public String zoneinfo;

    public String phoneNumber;

    public boolean phoneNumberVerified;

    public Address address;

    public String picture;

    public String website;

    public String birthdate;

    public boolean enabled;

    @Schema(description = "An id from a provisioning system; unique in the realm.")
    public String externalId;

    @Schema(description = ATTRIBUTES)
    public Map<String, List<String>> attributes;

    @Schema(readOnly = true)
    public Instant createdAt;

    @Schema(readOnly = true)
    public Instant updatedAt;
  }

  @Schema(
      name = "NewUser",
      description = "A user to create, optionally with a first password.",
      requiredProperties = "username")
  static final class NewUser {
    @Schema(maxLength = 255)
    public String username;

    @Schema(format = "email")
    public String email;

    public Boolean emailVerified;

    public String firstName;

    public String lastName;

    public String middleName;

    public String nickname;

    public String locale;

    public String zoneinfo;

    public String phoneNumber;

    public Boolean phoneNumberVerified;

    public Address address;

    public String picture;

    public String website;

    public String birthdate;

    @Schema(defaultValue = "true")
    public Boolean enabled;

    public String externalId;

    @Schema(description = ATTRIBUTES)
    public Map<String, List<String>> attributes;

    @Schema(
        writeOnly = true,
        maxLength = 256,
        description = "Checked against the realm's password policy.")
    public String password;

    @Schema(defaultValue = "false", description = "The user must replace it at the next sign-in.")
    public Boolean passwordTemporary;
  }

  @Schema(
      name = "UserChanges",
      description =
          "A partial update: fields left out stay, a field sent as null is cleared (the username"
              + " cannot be), attributes merge per name as in RFC 7396 (null removes one).")
  static final class UserChanges {
    @Schema(maxLength = 255)
    public String username;

    @Schema(format = "email", nullable = true)
    public String email;

    public Boolean emailVerified;

    @Schema(nullable = true)
    public String firstName;

    @Schema(nullable = true)
    public String lastName;

    @Schema(nullable = true)
    public String middleName;

    @Schema(nullable = true)
    public String nickname;

    @Schema(nullable = true)
    public String locale;

    @Schema(nullable = true)
    public String zoneinfo;

    @Schema(nullable = true)
    public String phoneNumber;

    public Boolean phoneNumberVerified;

    @Schema(nullable = true)
    public Address address;

    @Schema(nullable = true)
    public String picture;

    @Schema(nullable = true)
    public String website;

    @Schema(nullable = true)
    public String birthdate;

    public Boolean enabled;

    @Schema(nullable = true)
    public String externalId;

    @Schema(description = "Merged per name; a name sent as null is removed.")
    public Map<String, List<String>> attributes;
  }

  @Schema(
      name = "UserReplacement",
      description =
          "The whole user (RFC 9110 §9.3.4): a field left out takes its default (absent, false;"
              + " enabled true; no attributes). id, createdAt and updatedAt may be sent back; the"
              + " id cannot change.",
      requiredProperties = "username")
  static final class UserReplacement {
    @Schema(format = "uuid", description = "If sent, the user's id.")
    public String id;

    @Schema(maxLength = 255)
    public String username;

    @Schema(format = "email")
    public String email;

    public Boolean emailVerified;

    public String firstName;

    public String lastName;

    public String middleName;

    public String nickname;

    public String locale;

    public String zoneinfo;

    public String phoneNumber;

    public Boolean phoneNumberVerified;

    public Address address;

    public String picture;

    public String website;

    public String birthdate;

    @Schema(defaultValue = "true")
    public Boolean enabled;

    public String externalId;

    @Schema(description = ATTRIBUTES)
    public Map<String, List<String>> attributes;

    @Schema(description = "Ignored.")
    public String createdAt;

    @Schema(description = "Ignored.")
    public String updatedAt;
  }

  @Schema(
      name = "UserPage",
      description =
          "A page of users in username order (Unicode code points). total counts the matching"
              + " users up to 1000; when more match, total is 1000 and totalCapped is true."
              + " next is the cursor of the following page: pass it as after=.",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class UserPage {
    public List<User> items;

    public int offset;

    public int limit;

    @Schema(description = "How many users match, counted up to 1000 (see totalCapped).")
    public long total;

    @Schema(
        description =
            "Present and true when more than 1000 users match: total is then a lower bound.")
    public Boolean totalCapped;

    @Schema(description = "Pass as after= for the next page; absent on the last page.")
    public String next;
  }

  @Schema(name = "NewPassword", requiredProperties = "password")
  static final class NewPassword {
    @Schema(
        writeOnly = true,
        maxLength = 256,
        description = "Checked against the realm's password policy (400 naming every broken rule).")
    public String password;

    @Schema(defaultValue = "false", description = "The user must replace it at the next sign-in.")
    public Boolean temporary;
  }

  @Schema(
      name = "PasswordPolicy",
      description =
          "A realm's password rules (NIST SP 800-63B §5.1.1.2). In a PUT, a field left out takes"
              + " its default.",
      requiredProperties = {
        "minLength",
        "maxLength",
        "notUsername",
        "notEmail",
        "denyList",
        "history",
        "requireLowercase",
        "requireUppercase",
        "requireDigit",
        "requireSpecial"
      })
  static final class PasswordPolicy {
    @Schema(minimum = "1", maximum = "256", defaultValue = "12")
    public int minLength;

    @Schema(minimum = "1", maximum = "256", defaultValue = "256")
    public int maxLength;

    @Schema(defaultValue = "true", description = "Not the username, nor containing it.")
    public boolean notUsername;

    @Schema(defaultValue = "true", description = "Not the e-mail address, nor containing it.")
    public boolean notEmail;

    @Schema(defaultValue = "true", description = "Not on the bundled list of breached passwords.")
    public boolean denyList;

    @Schema(
        minimum = "0",
        maximum = "24",
        defaultValue = "0",
        description = "Not one of the user's last N passwords; 0 is off.")
    public int history;

    @Schema(defaultValue = "false")
    public boolean requireLowercase;

    @Schema(defaultValue = "false")
    public boolean requireUppercase;

    @Schema(defaultValue = "false")
    public boolean requireDigit;

    @Schema(defaultValue = "false")
    public boolean requireSpecial;
  }

  @Schema(
      name = "UserProfileAttribute",
      description = "A custom attribute the realm's users may carry.",
      requiredProperties = "name")
  static final class UserProfileAttribute {
    public String name;

    @Schema(
        enumeration = {"string", "boolean", "integer", "date", "enum"},
        defaultValue = "string")
    public String type;

    @Schema(description = "The allowed values of an enum attribute.")
    public List<String> values;

    @Schema(defaultValue = "false")
    public boolean required;

    @Schema(defaultValue = "false")
    public boolean multiValued;

    @Schema(minimum = "1", maximum = "2048", defaultValue = "255")
    public int maxLength;

    @Schema(maxLength = 512, description = "A regular expression each value must match.")
    public String pattern;

    @Schema(
        enumeration = {"admin", "user"},
        defaultValue = "admin",
        description = "Who may edit it.")
    public String edit;

    @Schema(description = "The OAuth scope whose tokens carry it (RFC 6749 §3.3).")
    public String scope;
  }

  @Schema(
      name = "UserProfile",
      description = "A realm's declarative user profile: every user write is validated against it.",
      requiredProperties = {"unmanagedAttributes", "attributes", "retiredAttributes"})
  static final class UserProfile {
    @Schema(
        enumeration = {"refused", "allowed"},
        defaultValue = "refused",
        description = "Whether attributes the profile does not declare are accepted.")
    public String unmanagedAttributes;

    public List<UserProfileAttribute> attributes;

    @Schema(
        description =
            "Attributes declared once and no longer: their values stay stored, never returned."
                + " May be sent back; the server keeps its own.")
    public List<String> retiredAttributes;
  }

  @Schema(
      name = "AttributePurge",
      description = "How many users had values of the attribute removed.",
      requiredProperties = {"attribute", "users"})
  static final class AttributePurge {
    public String attribute;

    public int users;
  }
}
