package com.pltfrms.iam.realm;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A realm's name, which is also a path segment of its issuer ({@code {base}/realms/{name}}): lower
 * case letters, digits, '-' and '_', starting with a letter or digit, 1 to 63 characters.
 */
public record RealmName(String value) {

  public static final String SYSTEM = "system";
  public static final int MAX_LENGTH = 63;

  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** Names that would be confusing or clash with paths we use; {@code system} exists already. */
  private static final Set<String> RESERVED =
      Set.of(
          SYSTEM,
          "admin",
          "master",
          "api",
          "console",
          "health",
          "realms",
          "oauth2",
          "scim",
          "well-known",
          "metrics",
          "openapi",
          "default",
          "import",
          "null");

  public RealmName {
    if (value == null || value.isEmpty()) {
      throw ApplicationProblem.invalid("realm name is required");
    }
    if (value.length() > MAX_LENGTH || !SYNTAX.matcher(value).matches()) {
      throw ApplicationProblem.invalid(
          "realm name must be 1 to 63 characters of a-z, 0-9, '-' or '_', starting with a letter"
              + " or digit");
    }
  }

  /** A name an admin may create: valid and not reserved. */
  public static RealmName forCreation(String value) {
    RealmName name = new RealmName(value);
    if (RESERVED.contains(name.value())) {
      throw ApplicationProblem.invalid("realm name '" + value + "' is reserved");
    }
    return name;
  }

  /** Whether {@code value} could name a realm at all; used to answer 404 without parsing errors. */
  public static boolean isWellFormed(String value) {
    return value != null && value.length() <= MAX_LENGTH && SYNTAX.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
