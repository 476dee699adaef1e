package com.pltfrms.iam.api.support;

import com.pltfrms.iam.shared.Settings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The server's external base URL: {@code IAM_BASE_URL} when set (production requires it), else the
 * origin the request was sent to as {@link RequestOrigin} establishes it (trusted proxies' headers,
 * a loopback {@code Host}, or the address the connection arrived at; never an untrusted caller's
 * {@code Host}). Issuers are {@code {base}/realms/{realm}}, so with a configured base a token
 * fetched over one listener (9080) is the same issuer's over the other (9443).
 */
public final class BaseUrl {

  private BaseUrl() {}

  public static String of(HttpServletRequest request) {
    String base = Settings.get("IAM_BASE_URL").orElseGet(() -> RequestOrigin.of(request).origin());
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public static String issuer(HttpServletRequest request, String realm) {
    return of(request) + "/realms/" + realm;
  }
}
