package com.pltfrms.iam.oauth.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * A registered redirection endpoint and the one rule that matches a request's {@code redirect_uri}
 * against it. Registration takes absolute URIs without fragment (RFC 6749 §3.1.2), without userinfo
 * and without wildcards, {@code https} or a private-use scheme of a native app ({@code
 * com.example.app:/cb}, RFC 8252 §7.1); {@code http} only for the loopback hosts {@code 127.0.0.1},
 * {@code [::1]} and {@code localhost}. Matching is exact string comparison (OAuth 2.1 §2.3.1, RFC
 * 9700 §4.1.3): no case folding, no normalisation, no trailing-slash or query leeway; the one
 * exception is the port of a loopback {@code http} URI, which may be any (RFC 8252 §7.3: native
 * apps listen on an ephemeral port).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 §7.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.1.3">RFC 9700 §4.1.3</a>
 */
public record RedirectUri(String value) {

  public static final int MAX_LENGTH = 1024;

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

  /** Refuses what may not be registered; the message says why, without echoing the value. */
  public RedirectUri {
    String problem = problem(value, true);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Why {@code value} cannot be registered as a redirect URI (or as a link shown to users, when
   * {@code customSchemes} is false: {@code https}, or {@code http} on loopback), or null if it can.
   */
  public static String problem(String value, boolean customSchemes) {
    if (value == null || value.isEmpty()) {
      return "must not be empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    if (value.indexOf('*') >= 0) {
      return "must not hold a wildcard";
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return "must be a valid URI";
    }
    if (!uri.isAbsolute() || uri.isOpaque()) {
      return "must be an absolute URI";
    }
    if (uri.getRawFragment() != null || value.indexOf('#') >= 0) {
      return "must not hold a fragment";
    }
    String scheme = uri.getScheme();
    if (!scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      return "must have a lower-case scheme";
    }
    if (scheme.equals("https") || scheme.equals("http")) {
      if (uri.getRawUserInfo() != null || uri.getHost() == null) {
        return "must name a host and no userinfo";
      }
      if (scheme.equals("http") && !isLoopback(uri)) {
        return "may use http only for 127.0.0.1, [::1] or localhost";
      }
      return null;
    }
    if (!customSchemes) {
      return "must be an https URL (http only for loopback)";
    }
    // a native app's private-use scheme: reverse DNS, so it holds a dot (RFC 8252 §7.1)
    if (scheme.indexOf('.') < 0 || uri.getRawUserInfo() != null) {
      return "must use https, http on loopback, or a reverse-DNS private-use scheme";
    }
    return null;
  }

  /** Whether {@code presented} (a request's {@code redirect_uri}) is one of {@code registered}. */
  public static boolean matchesAny(Collection<RedirectUri> registered, String presented) {
    if (presented == null) {
      return false;
    }
    for (RedirectUri uri : registered) {
      if (uri.matches(presented)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code presented} is this URI: the same string, except that for a loopback {@code http}
   * URI the port (present or absent on either side) may differ.
   */
  public boolean matches(String presented) {
    if (value.equals(presented)) {
      return true;
    }
    String prefix = loopbackPrefix();
    if (prefix == null || presented == null || !presented.startsWith(prefix)) {
      return false;
    }
    String rest = withoutPort(presented.substring(prefix.length()));
    return rest != null && rest.equals(withoutPort(value.substring(prefix.length())));
  }

  /** {@code http://host} for a loopback http URI, else null. */
  private String loopbackPrefix() {
    if (!value.startsWith("http://")) {
      return null;
    }
    for (String host : LOOPBACK_HOSTS) {
      String prefix = "http://" + host;
      if (value.startsWith(prefix)
          && (value.length() == prefix.length()
              || ":/?".indexOf(value.charAt(prefix.length())) >= 0)) {
        return prefix;
      }
    }
    return null;
  }

  /**
   * What follows the host once a port ({@code :} and 1 to 5 digits, 1 to 65535) is taken off; null
   * if what follows the host is neither a port nor the start of a path or query.
   */
  private static String withoutPort(String afterHost) {
    if (afterHost.isEmpty() || afterHost.charAt(0) == '/' || afterHost.charAt(0) == '?') {
      return afterHost;
    }
    if (afterHost.charAt(0) != ':') {
      return null;
    }
    int end = 1;
    while (end < afterHost.length() && Character.isDigit(afterHost.charAt(end)) && end <= 5) {
      end++;
    }
    String digits = afterHost.substring(1, end);
    if (digits.isEmpty()
        || digits.length() > 5
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      return null;
    }
    String rest = afterHost.substring(end);
    return rest.isEmpty() || rest.charAt(0) == '/' || rest.charAt(0) == '?' ? rest : null;
  }

  private static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    return host != null
        && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))
        && host.equals(host.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
