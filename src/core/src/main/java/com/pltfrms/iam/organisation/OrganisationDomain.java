package com.pltfrms.iam.organisation;

import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UnsafeText;
import java.net.IDN;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An internet domain of an organisation, such as {@code globex.com}: what identifies its people by
 * their e-mail addresses. Stored in its ASCII form (IDNA, RFC 5891: {@code bücher.example} is kept
 * as {@code xn--bcher-kva.example}), lower case, without a trailing dot; a host name of at least
 * two labels (RFC 1035 §2.3.4: labels of 1 to 63 letters, digits and inner hyphens, 253 characters
 * in all), whose last label is not all digits (no IP addresses). A domain belongs to at most one
 * organisation of a realm.
 *
 * @param name the domain, normalised
 * @param verified whether the realm's admins have verified that the organisation owns it
 */
public record OrganisationDomain(String name, boolean verified) {

  /** The most domains one organisation may have. */
  public static final int MAX_PER_ORGANISATION = 100;

  public static final int MAX_LENGTH = 253;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  public OrganisationDomain {
    name = normalise(name);
  }

  public static OrganisationDomain unverified(String name) {
    return new OrganisationDomain(name, false);
  }

  /** The domain in its stored form, or 400 naming what is wrong with it. */
  public static String normalise(String value) {
    if (value == null || value.isBlank()) {
      throw ApplicationProblem.invalid("a domain must not be empty", "domains");
    }
    if (value.length() > MAX_LENGTH * 4 || UnsafeText.in(value)) {
      throw invalid(value);
    }
    String ascii;
    try {
      ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw invalid(value);
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
      throw invalid(value);
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2 || DIGITS.matcher(labels[labels.length - 1]).matches()) {
      throw invalid(value);
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw invalid(value);
      }
    }
    return ascii;
  }

  /** Checks a whole list: bounded, each valid, none twice. */
  public static List<OrganisationDomain> checkedList(List<OrganisationDomain> domains) {
    if (domains.size() > MAX_PER_ORGANISATION) {
      throw ApplicationProblem.invalid(
          "domains may hold at most " + MAX_PER_ORGANISATION + " entries", "domains");
    }
    Set<String> seen = new HashSet<>();
    for (OrganisationDomain domain : domains) {
      if (!seen.add(domain.name())) {
        throw ApplicationProblem.invalid("domains lists '" + domain.name() + "' twice", "domains");
      }
    }
    return List.copyOf(domains);
  }

  private static ApplicationProblem invalid(String value) {
    String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    if (UnsafeText.in(shown)) {
      return ApplicationProblem.invalid("a domain holds a control character", "domains");
    }
    return ApplicationProblem.invalid("'" + shown + "' is not a valid domain", "domains");
  }
}
