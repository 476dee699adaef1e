package com.pltfrms.iam.api.support;

import com.pltfrms.iam.shared.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request came from and which origin it was sent to: scheme, host and port as the client
 * used them, and the client's address (for audit and rate limits).
 *
 * <p>Forwarding headers count only when the direct peer is one of {@code IAM_TRUSTED_PROXIES}
 * ({@link TrustedProxies}): then {@code Forwarded} (RFC 7239) is read, or, when a trusted proxy
 * sends none, {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port}. The chain
 * is walked from the right through trusted hops; the client is the first address not trusted, and
 * the scheme and host are those the outermost trusted proxy recorded. From anyone else those
 * headers are ignored, and so is the {@code Host} header unless it names a loopback host (a
 * developer's own machine): the origin is then the address and port the connection arrived at, so
 * an untrusted caller never chooses an issuer, a redirect target or a cookie's scope. With {@code
 * IAM_BASE_URL} set (production), {@link BaseUrl} uses that and only the client address comes from
 * here.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7239#section-5">RFC 7239 §5</a>
 */
public record RequestOrigin(String scheme, String host, int port, String clientAddress) {

  private static final Logger LOG = Logger.getLogger(RequestOrigin.class.getName());

  /** A host (registered name, IPv4 or bracketed IPv6) with an optional port (RFC 9110 §7.2). */
  private static final Pattern HOST =
      Pattern.compile(
          "(\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}))(?::(\\d{1,5}))?");

  private static final TrustedProxies LOOPBACK = TrustedProxies.parse("127.0.0.0/8, ::1");

  /** The request's own view, before forwarding headers: what the servlet container saw. */
  public record Inbound(
      String scheme,
      String hostHeader,
      String localAddress,
      int localPort,
      String peer,
      Function<String, List<String>> headers) {}

  /** The origin, {@code scheme://host[:port]}, without the port when it is the scheme's default. */
  public String origin() {
    return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
  }

  /** The origin and client of {@code request}, trusting the configured proxies. */
  public static RequestOrigin of(HttpServletRequest request) {
    return resolve(
        new Inbound(
            request.getScheme(),
            hostHeader(request),
            request.getLocalAddr(),
            request.getLocalPort(),
            request.getRemoteAddr(),
            name -> {
              var values = request.getHeaders(name);
              return values == null ? List.of() : Collections.list(values);
            }),
        Configured.PROXIES);
  }

  /**
   * The configured proxies, read once; a malformed setting stops the start (ProductionSettings).
   */
  private static final class Configured {
    static final TrustedProxies PROXIES = read();

    private static TrustedProxies read() {
      try {
        return TrustedProxies.fromSettings();
      } catch (IllegalArgumentException e) {
        LOG.log(Level.SEVERE, "trusting no proxy: {0}", e.getMessage());
        return TrustedProxies.NONE;
      }
    }
  }

  /**
   * The {@code Host} header; over HTTP/2 (which has {@code :authority} instead) the name and port
   * the container took from it.
   */
  private static String hostHeader(HttpServletRequest request) {
    String host = request.getHeader("Host");
    return host != null ? host : request.getServerName() + ":" + request.getServerPort();
  }

  /** Resolves {@code inbound} against {@code proxies}. */
  public static RequestOrigin resolve(Inbound inbound, TrustedProxies proxies) {
    String scheme = "https".equalsIgnoreCase(inbound.scheme()) ? "https" : "http";
    if (proxies.trusts(inbound.peer())) {
      Optional<RequestOrigin> forwarded =
          inbound.headers().apply("Forwarded").isEmpty()
              ? xForwarded(inbound, proxies, scheme)
              : forwarded(inbound, proxies, scheme);
      if (forwarded.isPresent()) {
        return forwarded.get();
      }
    }
    String peer = stripPort(inbound.peer());
    Optional<RequestOrigin> fromHost = hostPort(scheme, inbound.hostHeader(), peer);
    if (fromHost.isPresent() && LOOPBACK.trusts(hostOnly(fromHost.get().host()))) {
      return fromHost.get();
    }
    return local(scheme, inbound, peer);
  }

  private static RequestOrigin local(String scheme, Inbound inbound, String client) {
    String address = inbound.localAddress() == null ? "localhost" : inbound.localAddress();
    String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    int port = inbound.localPort() > 0 ? inbound.localPort() : defaultPort(scheme);
    return new RequestOrigin(scheme, host.toLowerCase(Locale.ROOT), port, client);
  }

  /**
   * RFC 7239: one element per hop; the walk picks the element the outermost trusted proxy wrote.
   */
  private static Optional<RequestOrigin> forwarded(
      Inbound inbound, TrustedProxies proxies, String scheme) {
    List<Map<String, String>> elements =
        ForwardedHeader.parse(String.join(",", inbound.headers().apply("Forwarded")));
    if (elements.isEmpty()) {
      return Optional.empty(); // malformed: believe none of it
    }
    List<String> hops = new ArrayList<>();
    for (Map<String, String> element : elements) {
      hops.add(stripPort(element.getOrDefault("for", "")));
    }
    TrustedProxies.Walk walk = proxies.walk(inbound.peer(), hops);
    Map<String, String> edge = elements.get(walk.element());
    String proto = proto(edge.get("proto")).orElse(scheme);
    String host = edge.get("host");
    return Optional.of(
        hostPort(proto, host, walk.client())
            .or(() -> hostPort(proto, inbound.hostHeader(), walk.client()))
            .orElseGet(() -> local(proto, inbound, walk.client())));
  }

  /** The de-facto headers; lists are read from the right, one entry per trusted hop. */
  private static Optional<RequestOrigin> xForwarded(
      Inbound inbound, TrustedProxies proxies, String scheme) {
    List<String> hops = new ArrayList<>();
    for (String entry : list(inbound.headers().apply("X-Forwarded-For"))) {
      hops.add(stripPort(entry));
    }
    TrustedProxies.Walk walk = proxies.walk(inbound.peer(), hops);
    int trustedHops = walk.element() < 0 ? 0 : hops.size() - 1 - walk.element();
    String proto =
        pick(list(inbound.headers().apply("X-Forwarded-Proto")), trustedHops)
            .flatMap(RequestOrigin::proto)
            .orElse(scheme);
    Optional<String> port =
        pick(list(inbound.headers().apply("X-Forwarded-Port")), trustedHops)
            .filter(p -> p.matches("\\d{1,5}"));
    String client = walk.element() < 0 ? stripPort(inbound.peer()) : walk.client();
    RequestOrigin origin =
        pick(list(inbound.headers().apply("X-Forwarded-Host")), trustedHops)
            .flatMap(h -> hostPort(proto, h, client))
            .or(() -> hostPort(proto, inbound.hostHeader(), client))
            .orElseGet(() -> local(proto, inbound, client));
    if (port.isPresent()) {
      int value = Integer.parseInt(port.get());
      if (value > 0 && value <= 65535) {
        origin = new RequestOrigin(origin.scheme(), origin.host(), value, client);
      }
    }
    return Optional.of(origin);
  }

  private static Optional<String> pick(List<String> values, int trustedHops) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(values.get(Math.max(0, values.size() - 1 - trustedHops)));
  }

  private static List<String> list(List<String> headerValues) {
    List<String> entries = new ArrayList<>();
    for (String value : headerValues) {
      for (String entry : value.split(",", -1)) {
        entries.add(entry.strip());
      }
    }
    return entries;
  }

  private static Optional<String> proto(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String proto = value.toLowerCase(Locale.ROOT);
    return proto.equals("http") || proto.equals("https") ? Optional.of(proto) : Optional.empty();
  }

  private static Optional<RequestOrigin> hostPort(String scheme, String value, String client) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = HOST.matcher(value.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && TrustedProxies.address(host).isEmpty()) {
      return Optional.empty();
    }
    int port = m.group(2) == null ? defaultPort(scheme) : Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      return Optional.empty();
    }
    return Optional.of(new RequestOrigin(scheme, host, port, client));
  }

  private static String hostOnly(String host) {
    return host.equals("localhost") ? "127.0.0.1" : host;
  }

  /** A node identifier without its port: {@code [v6]:p} → {@code [v6]}, {@code v4:p} → v4. */
  static String stripPort(String node) {
    if (node == null) {
      return "";
    }
    String value = node.strip();
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      return close < 0 ? value : value.substring(0, close + 1);
    }
    int colon = value.indexOf(':');
    return colon >= 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }

  /** The {@code Forwarded} field value: elements of {@code name=value} pairs (RFC 7239 §4). */
  static final class ForwardedHeader {

    private ForwardedHeader() {}

    /** The elements, left to right, parameter names lower-cased; empty when malformed. */
    static List<Map<String, String>> parse(String value) {
      List<Map<String, String>> elements = new ArrayList<>();
      Map<String, String> element = new TreeMap<>();
      int i = 0;
      int n = value.length();
      while (true) {
        i = skipSpace(value, i);
        int nameStart = i;
        while (i < n && isTokenChar(value.charAt(i))) {
          i++;
        }
        if (i > nameStart) {
          String name = value.substring(nameStart, i).toLowerCase(Locale.ROOT);
          if (i >= n || value.charAt(i) != '=') {
            return List.of();
          }
          i++;
          StringBuilder v = new StringBuilder();
          if (i < n && value.charAt(i) == '"') {
            i++;
            while (i < n && value.charAt(i) != '"') {
              if (value.charAt(i) == '\\' && i + 1 < n) {
                i++;
              }
              v.append(value.charAt(i++));
            }
            if (i >= n) {
              return List.of();
            }
            i++;
          } else {
            while (i < n && isTokenChar(value.charAt(i))) {
              v.append(value.charAt(i++));
            }
          }
          if (element.putIfAbsent(name, v.toString()) != null) {
            return List.of(); // §4: a parameter MUST NOT occur more than once per element
          }
        }
        i = skipSpace(value, i);
        if (i >= n) {
          elements.add(element);
          return elements;
        }
        char c = value.charAt(i++);
        if (c == ',') {
          elements.add(element);
          element = new TreeMap<>();
        } else if (c != ';') {
          return List.of();
        }
      }
    }

    private static int skipSpace(String value, int i) {
      while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
        i++;
      }
      return i;
    }

    /** RFC 9110 §5.6.2 tchar. */
    private static boolean isTokenChar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }
}
