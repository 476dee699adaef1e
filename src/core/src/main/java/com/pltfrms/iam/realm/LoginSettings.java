package com.pltfrms.iam.realm;

import com.pltfrms.iam.shared.ApplicationProblem;

/**
 * A realm's settings for signing people in: how long an SSO session lives while idle and at most,
 * whether ID tokens always carry the granted scopes' claims (OIDC Core §5.4 puts them in the ID
 * token only when no access token is issued; some relying parties read nothing else), and the
 * hosted pages' branding.
 *
 * @param ssoSessionIdleSeconds idle lifetime of an SSO session (default 30 min)
 * @param ssoSessionMaxSeconds maximum lifetime of an SSO session (default 10 h)
 * @param offlineSessionIdleSeconds idle lifetime of an offline grant's refresh tokens (OIDC Core
 *     §11 {@code offline_access}; default 30 days)
 * @param offlineSessionMaxSeconds maximum lifetime of an offline grant (default 60 days)
 * @param scopeClaimsInIdToken whether ID tokens carry the scopes' claims as UserInfo does
 * @param branding the hosted pages' logo, colour and footer
 */
public record LoginSettings(
    int ssoSessionIdleSeconds,
    int ssoSessionMaxSeconds,
    int offlineSessionIdleSeconds,
    int offlineSessionMaxSeconds,
    boolean scopeClaimsInIdToken,
    LoginBranding branding) {

  public static final int DEFAULT_IDLE = 1800;
  public static final int DEFAULT_MAX = 36_000;
  public static final int MIN_SESSION = 60;
  public static final int MAX_SESSION = 30 * 86_400;
  public static final int DEFAULT_OFFLINE_IDLE = 30 * 86_400;
  public static final int DEFAULT_OFFLINE_MAX = 60 * 86_400;
  public static final int MAX_OFFLINE = 730 * 86_400;

  public static final LoginSettings DEFAULT =
      new LoginSettings(
          DEFAULT_IDLE,
          DEFAULT_MAX,
          DEFAULT_OFFLINE_IDLE,
          DEFAULT_OFFLINE_MAX,
          false,
          LoginBranding.NONE);

  public LoginSettings {
    between("ssoSessionIdleSeconds", ssoSessionIdleSeconds, MAX_SESSION);
    between("ssoSessionMaxSeconds", ssoSessionMaxSeconds, MAX_SESSION);
    if (ssoSessionIdleSeconds > ssoSessionMaxSeconds) {
      throw ApplicationProblem.invalid(
          "ssoSessionIdleSeconds must not exceed ssoSessionMaxSeconds");
    }
    between("offlineSessionIdleSeconds", offlineSessionIdleSeconds, MAX_OFFLINE);
    between("offlineSessionMaxSeconds", offlineSessionMaxSeconds, MAX_OFFLINE);
    if (offlineSessionIdleSeconds > offlineSessionMaxSeconds) {
      throw ApplicationProblem.invalid(
          "offlineSessionIdleSeconds must not exceed offlineSessionMaxSeconds");
    }
    branding = branding == null ? LoginBranding.NONE : branding;
  }

  private static void between(String field, int seconds, int max) {
    if (seconds < MIN_SESSION || seconds > max) {
      throw ApplicationProblem.invalid(field + " must be between " + MIN_SESSION + " and " + max);
    }
  }
}
