package com.pltfrms.iam.runtime;

import com.pltfrms.iam.shared.TrustedProxies;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a server that is not in zero-setup mode ({@code IAM_DB_URL} set) must be given rather than
 * generate or guess: the TLS keystore's password, and the external base URL. Issuers, discovery
 * documents (cached by anyone for five minutes) and the admin API's token checks derive from the
 * base URL, so in production it must never come from a request's Host header, which whoever sends
 * the request chooses. In zero-setup mode Liberty's generated keystore password serves and the base
 * URL follows the request, for convenience on a developer's machine. In every mode a malformed
 * {@code IAM_TRUSTED_PROXIES} stops the start: guessing what an operator meant by a list of proxies
 * to trust is worse than not starting.
 */
final class ProductionSettings {

  private ProductionSettings() {}

  /** Fails with what is missing; {@code settings} looks a deployment setting up by name. */
  static void check(Function<String, Optional<String>> settings) {
    Optional<String> baseUrl = settings.apply("IAM_BASE_URL");
    baseUrl.ifPresent(ProductionSettings::requireBaseUrl);
    settings.apply(TrustedProxies.SETTING).ifPresent(ProductionSettings::requireTrustedProxies);
    if (settings.apply("IAM_DB_URL").isEmpty()) {
      return;
    }
    if (settings.apply("IAM_KEYSTORE_PASSWORD").isEmpty()) {
      throw new IllegalStateException(
          "IAM_DB_URL is set, so IAM_KEYSTORE_PASSWORD must be too: the password of the server's"
              + " TLS keystore (see the README's production checklist)");
    }
    if (baseUrl.isEmpty()) {
      throw new IllegalStateException(
          "IAM_DB_URL is set, so IAM_BASE_URL must be too: the URL clients reach this server by"
              + " (e.g. https://id.example.com), from which every realm's issuer is derived; it is"
              + " never taken from a request's Host header (see the README's production checklist)");
    }
  }

  private static void requireTrustedProxies(String value) {
    try {
      TrustedProxies.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** An absolute http(s) URL with a host, and no query, fragment or user information. */
  private static void requireBaseUrl(String value) {
    try {
      URI uri = new URI(value);
      if ((!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new URISyntaxException(value, "not an http(s) base URL");
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          "IAM_BASE_URL must be an absolute http(s) URL such as https://id.example.com, without"
              + " query or fragment");
    }
  }
}
