package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a screen, for black-box tests that walk a realm's hosted login over HTTP: it
 * keeps the cookies the server sets (the attempt and session cookies), fills in the login and
 * consent forms, and never follows a redirect, so a test sees where the server sends it.
 */
final class HostedLogin {

  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  final String realm;
  final Map<String, String> cookies = new LinkedHashMap<>();

  HostedLogin(String realm) {
    this.realm = realm;
  }

  /** Sends the request with this browser's cookies and keeps the cookies of the answer. */
  Reply send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          String.join(
              "; ",
              cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    Reply reply = Iam.send(request.build());
    for (String set : reply.raw().headers().allValues("Set-Cookie")) {
      String[] kv = set.split(";", 2)[0].split("=", 2);
      if (kv[1].isEmpty() || set.contains("Max-Age=0")) {
        cookies.remove(kv[0]);
      } else {
        cookies.put(kv[0], kv[1]);
      }
    }
    return reply;
  }

  /** Opens an absolute URL (e.g. an authorization request a client library built). */
  Reply open(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET());
  }

  /** GET the realm's authorization endpoint with these parameters. */
  Reply authorize(Map<String, String> parameters) {
    return send(
        Iam.request("/realms/" + realm + "/oauth2/authorize?" + Iam.form(parameters)).GET());
  }

  Reply login(String csrf, String username, String password) {
    return post("/login", Iam.params("csrf", csrf, "username", username, "password", password));
  }

  Reply consent(String csrf, String decision) {
    return post("/consent", Iam.params("csrf", csrf, "decision", decision));
  }

  private Reply post(String path, Map<String, String> form) {
    return send(
        Iam.request("/realms/" + realm + path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Iam.form(form))));
  }

  /**
   * Signs in on the login page {@code page} and returns where the server then sends the browser: a
   * 302 whose Location starts with {@code callback}.
   */
  URI signIn(Reply page, String username, String password, String callback) {
    return redirect(login(csrf(page), username, password), callback);
  }

  /** The login or consent page's CSRF token. */
  static String csrf(Reply page) {
    assertEquals(200, page.status(), page.body());
    Matcher m = CSRF.matcher(page.body());
    assertTrue(m.find(), page.body());
    return m.group(1);
  }

  /** The reply is a 302 to {@code target}, with a query; its Location. */
  static URI redirect(Reply reply, String target) {
    assertEquals(302, reply.status(), reply.body());
    String location = reply.header("Location");
    assertTrue(location.startsWith(target + "?"), location);
    return URI.create(location);
  }

  /** A URI's query parameters, decoded. */
  static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return query;
  }
}
