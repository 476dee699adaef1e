package com.pltfrms.iam.oauth.scope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client scopes every realm has, with what each lets a client see or do: the standard scopes of
 * OIDC Core §5.4 and §11 ({@code offline_access}), plus {@code groups} and {@code organization}
 * (the user's group paths and organisations in tokens) and {@code admin} (a token for the admin
 * API, {@link com.pltfrms.iam.shared.SystemAdmin#SCOPE}). They cannot be deleted or redefined.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OIDC Core
 *     §5.4</a>
 */
public final class BuiltInScopes {

  private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

  static {
    DESCRIPTIONS.put("openid", "Sign you in (OpenID Connect)");
    DESCRIPTIONS.put("profile", "Your name, nickname, picture, locale and time zone");
    DESCRIPTIONS.put("email", "Your e-mail address and whether it is verified");
    DESCRIPTIONS.put("address", "Your postal address");
    DESCRIPTIONS.put("phone", "Your phone number and whether it is verified");
    DESCRIPTIONS.put("offline_access", "Access while you are not signed in");
    DESCRIPTIONS.put("groups", "The groups you belong to");
    DESCRIPTIONS.put("organization", "The organizations you belong to and your roles in them");
    DESCRIPTIONS.put("admin", "Call the admin API as you, with your administrative roles");
  }

  private BuiltInScopes() {}

  /** Name to description, in the order a consent page lists them. */
  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(DESCRIPTIONS);
  }

  public static boolean isBuiltIn(String name) {
    return DESCRIPTIONS.containsKey(name);
  }
}
