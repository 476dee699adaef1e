package com.pltfrms.iam.api.support;

import com.pltfrms.iam.shared.Settings;
import jakarta.ws.rs.core.UriInfo;

/**
 * The server's external base URL: {@code IAM_BASE_URL} when set (behind a proxy, set it), else the
 * scheme, host and port the request came to. Issuers are {@code {base}/realms/{realm}}.
 */
public final class BaseUrl {

  private BaseUrl() {}

  public static String of(UriInfo uri) {
    String base = Settings.get("IAM_BASE_URL").orElseGet(() -> uri.getBaseUri().toString());
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public static String issuer(UriInfo uri, String realm) {
    return of(uri) + "/realms/" + realm;
  }
}
