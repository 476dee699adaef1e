package com.pltfrms.iam.organisation;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An organisation's alias: its key in admin URLs ({@code …/organizations/{alias}}) and in the
 * {@code organization} claim, unique within its realm and fixed once created. Lower-case letters,
 * digits and inner hyphens, 1 to {@value #MAX_LENGTH} characters: URL-safe without encoding (RFC
 * 3986 §2.3 unreserved characters) and the same in every locale.
 */
public record OrganisationAlias(String value) {

  public static final int MAX_LENGTH = 64;

  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

  public OrganisationAlias {
    if (value == null || value.isEmpty()) {
      throw ApplicationProblem.invalid("alias is required");
    }
    if (!isWellFormed(value)) {
      throw ApplicationProblem.invalid(
          "alias must be 1 to 64 characters of a-z, 0-9 and '-', not starting or ending with '-'");
    }
  }

  /** Whether {@code value} could be an alias at all; used to answer 404 without parsing errors. */
  public static boolean isWellFormed(String value) {
    return value != null && value.length() <= MAX_LENGTH && SYNTAX.matcher(value).matches();
  }

  /**
   * The alias an organisation gets when none is given, derived from its name as Keycloak does:
   * lower case, every run of other characters a single '-', cut to {@value #MAX_LENGTH}.
   */
  public static OrganisationAlias fromName(String name) {
    String derived =
        name == null
            ? ""
            : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
    if (derived.length() > MAX_LENGTH) {
      derived = derived.substring(0, MAX_LENGTH);
    }
    derived = derived.replaceAll("-+$", "");
    if (derived.isEmpty()) {
      throw ApplicationProblem.invalid("alias is required (none can be derived from this name)");
    }
    return new OrganisationAlias(derived);
  }

  @Override
  public String toString() {
    return value;
  }
}
