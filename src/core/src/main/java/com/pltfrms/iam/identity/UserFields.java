package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an admin writes on a user: the username, the OIDC Core §5.1 standard claims (given and
 * family name as {@code firstName}/{@code lastName}), whether the user may sign in, the
 * provisioning system's id, and the custom attributes the realm's user profile declares (each a
 * list of strings). A PATCH overlays some fields on the current ones, a PUT sends them all; either
 * way the service validates the whole result with {@link #problems()}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims">OIDC Core
 *     §5.1</a>
 */
public record UserFields(
    String username,
    String email,
    boolean emailVerified,
    String firstName,
    String lastName,
    String middleName,
    String nickname,
    String locale,
    String zoneinfo,
    String phoneNumber,
    boolean phoneNumberVerified,
    Address address,
    String picture,
    String website,
    String birthdate,
    boolean enabled,
    String externalId,
    Map<String, List<String>> attributes) {

  public static final int MAX_EMAIL = 320;
  public static final int MAX_NAME = 255;
  public static final int MAX_URL = 2048;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*");
  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,7}");
  private static final Pattern PHONE =
      Pattern.compile("\\+?[0-9][0-9 ().\\-]{0,30}(;ext=[0-9]{1,10})?");
  private static final Pattern BIRTHDATE = Pattern.compile("[0-9]{4}(-[0-9]{2}-[0-9]{2})?");

  public UserFields {
    address = address == null ? Address.NONE : address;
    attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
  }

  /** A new user's fields: just the username, enabled, nothing else. */
  public static UserFields of(String username) {
    return new UserFields(
        username, null, false, null, null, null, null, null, null, null, false, null, null, null,
        null, true, null, Map.of());
  }

  /** These fields with {@code attributes} instead of their own. */
  public UserFields withAttributes(Map<String, List<String>> attributes) {
    return copy(username, email, enabled, attributes);
  }

  /** These fields, enabled or not. */
  public UserFields withEnabled(boolean enabled) {
    return copy(username, email, enabled, attributes);
  }

  /** These fields with the stored forms of username and e-mail (normalised, lower case). */
  UserFields normalised() {
    return copy(
        Usernames.normalise(username),
        email == null ? null : email.toLowerCase(Locale.ROOT),
        enabled,
        attributes);
  }

  /** These fields with the four that copies change replaced, every other one kept. */
  private UserFields copy(
      String username, String email, boolean enabled, Map<String, List<String>> attributes) {
    return new UserFields(
        username,
        email,
        emailVerified,
        firstName,
        lastName,
        middleName,
        nickname,
        locale,
        zoneinfo,
        phoneNumber,
        phoneNumberVerified,
        address,
        picture,
        website,
        birthdate,
        enabled,
        externalId,
        attributes);
  }

  /** Everything wrong with the standard fields (attributes are the user profile's to check). */
  public List<ApplicationProblem.Error> problems() {
    List<ApplicationProblem.Error> problems = new ArrayList<>();
    if (!Usernames.isValid(username)) {
      problems.add(
          error(
              "username",
              "username must be 1 to 255 characters, without control or white-space characters"));
    }
    if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
      problems.add(error("email", "email must be an e-mail address (local@domain)"));
    }
    bounded(problems, "firstName", firstName, MAX_NAME);
    bounded(problems, "lastName", lastName, MAX_NAME);
    bounded(problems, "middleName", middleName, MAX_NAME);
    bounded(problems, "nickname", nickname, MAX_NAME);
    bounded(problems, "externalId", externalId, MAX_NAME);
    if (locale != null && !LOCALE.matcher(locale).matches()) {
      problems.add(error("locale", "locale must be a BCP 47 language tag such as en-GB"));
    }
    if (zoneinfo != null && !isZone(zoneinfo)) {
      problems.add(error("zoneinfo", "zoneinfo must be a time zone such as Europe/Paris"));
    }
    if (phoneNumber != null && !PHONE.matcher(phoneNumber).matches()) {
      problems.add(error("phoneNumber", "phoneNumber must be a phone number, E.164 preferred"));
    }
    url(problems, "picture", picture);
    url(problems, "website", website);
    if (birthdate != null && !isBirthdate(birthdate)) {
      problems.add(
          error("birthdate", "birthdate must be YYYY-MM-DD, YYYY, or 0000-MM-DD (OIDC §5.1)"));
    }
    bounded(problems, "address/formatted", address.formatted(), 1024);
    bounded(problems, "address/streetAddress", address.streetAddress(), 512);
    bounded(problems, "address/locality", address.locality(), MAX_NAME);
    bounded(problems, "address/region", address.region(), MAX_NAME);
    bounded(problems, "address/postalCode", address.postalCode(), 64);
    bounded(problems, "address/country", address.country(), MAX_NAME);
    return problems;
  }

  private static void bounded(
      List<ApplicationProblem.Error> problems, String field, String value, int max) {
    if (value != null && (value.isEmpty() || value.length() > max)) {
      problems.add(error(field, field + " must be 1 to " + max + " characters"));
    }
  }

  private static void url(List<ApplicationProblem.Error> problems, String field, String value) {
    if (value == null) {
      return;
    }
    boolean ok = value.length() <= MAX_URL;
    if (ok) {
      try {
        URI uri = new URI(value);
        ok =
            uri.isAbsolute()
                && uri.getHost() != null
                && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()));
      } catch (URISyntaxException e) {
        ok = false;
      }
    }
    if (!ok) {
      problems.add(error(field, field + " must be an absolute http(s) URL"));
    }
  }

  private static boolean isZone(String zone) {
    try {
      return zone.length() <= 64 && ZoneId.of(zone) != null;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isBirthdate(String value) {
    if (!BIRTHDATE.matcher(value).matches()) {
      return false;
    }
    if (value.length() == 4) {
      return true;
    }
    try {
      // 0000 stands for "year omitted"; 2000 is a leap year, so 0000-02-29 is accepted.
      LocalDate.parse(value.startsWith("0000") ? "2000" + value.substring(4) : value);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  static ApplicationProblem.Error error(String field, String detail) {
    return new ApplicationProblem.Error("#/" + field, null, detail);
  }
}
