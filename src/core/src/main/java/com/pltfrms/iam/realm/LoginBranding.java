package com.pltfrms.iam.realm;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a realm's hosted pages look: a logo (an absolute {@code https} URL the browser loads, which
 * the pages' Content-Security-Policy admits as {@code img-src https:}), a primary colour ({@code
 * #rrggbb}: served as the realm's own style sheet, never inline) and a footer text (plain text,
 * escaped on every page). Each is optional.
 *
 * @param logoUri the logo's URL, or null
 * @param primaryColor the colour of buttons and links, {@code #rrggbb} in lower case, or null
 * @param footerText a line under the form, or null
 */
public record LoginBranding(String logoUri, String primaryColor, String footerText) {

  public static final LoginBranding NONE = new LoginBranding(null, null, null);

  public static final int MAX_LOGO_URI = 2048;
  public static final int MAX_FOOTER_TEXT = 500;
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** Checks the values an admin sent; a bad one is a 400 naming it. Blank means none. */
  public static LoginBranding of(String logoUri, String primaryColor, String footerText) {
    return new LoginBranding(
        logo(blankToNull(logoUri)),
        color(blankToNull(primaryColor)),
        footer(blankToNull(footerText)));
  }

  /** Whether nothing is set: the pages look as every realm's do. */
  public boolean isEmpty() {
    return logoUri == null && primaryColor == null && footerText == null;
  }

  private static String logo(String uri) {
    if (uri == null) {
      return null;
    }
    if (uri.length() > MAX_LOGO_URI) {
      throw invalid("logoUri", "must be at most " + MAX_LOGO_URI + " characters");
    }
    try {
      URI parsed = new URI(uri);
      if (!"https".equalsIgnoreCase(parsed.getScheme())
          || parsed.getHost() == null
          || parsed.getRawUserInfo() != null
          || parsed.getRawFragment() != null) {
        throw invalid("logoUri", "must be an absolute https URL without userinfo or fragment");
      }
    } catch (URISyntaxException e) {
      throw invalid("logoUri", "must be an absolute https URL");
    }
    return uri;
  }

  private static String color(String color) {
    if (color == null) {
      return null;
    }
    if (!COLOR.matcher(color).matches()) {
      throw invalid("primaryColor", "must be a colour as #rrggbb");
    }
    return color.toLowerCase(Locale.ROOT);
  }

  private static String footer(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() > MAX_FOOTER_TEXT) {
      throw invalid("footerText", "must be at most " + MAX_FOOTER_TEXT + " characters");
    }
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      throw invalid("footerText", "must not contain control characters");
    }
    return text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static ApplicationProblem invalid(String field, String why) {
    return ApplicationProblem.invalid("loginBranding." + field + " " + why);
  }
}
