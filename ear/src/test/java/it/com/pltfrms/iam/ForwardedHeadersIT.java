package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/**
 * Forwarding headers ({@code Forwarded}, {@code X-Forwarded-*}) and the {@code Host} header change
 * neither issuer nor client address unless the direct peer is one of {@code IAM_TRUSTED_PROXIES}.
 * The untrusted cases run against any server without {@code IAM_BASE_URL}. Run with {@code
 * -Dliberty.env.IAM_TRUSTED_PROXIES=::1}, the same server trusts callers on {@code [::1]} while
 * {@code 127.0.0.1} stays untrusted, and the trusted cases run too.
 */
class ForwardedHeadersIT {

  private static final int PORT = URI.create(Iam.BASE).getPort();
  private static final String DISCOVERY =
      "GET /realms/system/.well-known/openid-configuration HTTP/1.1\r\n";

  private static boolean trustsIpv6Loopback() {
    return Optional.ofNullable(System.getProperty("liberty.env.IAM_TRUSTED_PROXIES"))
        .filter(v -> v.contains("::1"))
        .isPresent();
  }

  private static boolean baseConfigured() {
    return System.getProperty("liberty.env.IAM_BASE_URL") != null;
  }

  /** A raw HTTP/1.1 exchange with {@code address}, so every header can be anything. */
  private static String[] exchange(String address, String request) throws Exception {
    try (Socket socket = new Socket(address, PORT)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      return new String[] {response.substring(0, split), response.substring(split + 4)};
    }
  }

  private static String issuer(String address, String headers) throws Exception {
    String[] response = exchange(address, DISCOVERY + headers + "Connection: close\r\n\r\n");
    assertTrue(response[0].startsWith("HTTP/1.1 200"), response[0]);
    Map<String, Object> metadata = JsonUtil.parseJson(response[1]);
    String issuer = (String) metadata.get("issuer");
    assertEquals(issuer + "/oauth2/token", metadata.get("token_endpoint"));
    return issuer;
  }

  @Test
  void discoveryWhenUntrustedCallerSendsForwardingHeadersThenIssuerUnchanged() throws Exception {
    String issuer =
        issuer(
            "127.0.0.1",
            "Host: localhost:"
                + PORT
                + "\r\n"
                + "Forwarded: for=192.0.2.1;host=evil.example;proto=https\r\n"
                + "X-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Port: 443\r\n"
                + "X-Forwarded-For: 192.0.2.1\r\n"
                // Liberty's own private headers, which it would believe from anyone by default
                + "$WSSC: https\r\n$WSIS: true\r\n$WSSN: evil.example\r\n$WSSP: 443\r\n");
    assertEquals(Iam.BASE + "/realms/system", issuer);
  }

  @Test
  void discoveryWhenUntrustedCallerSendsHostileHostThenNotItsIssuer() throws Exception {
    assumeTrue(!baseConfigured(), "with IAM_BASE_URL, ConfiguredBaseUrlCheck covers this");
    String issuer = issuer("127.0.0.1", "Host: evil.example:" + PORT + "\r\n");
    assertFalse(issuer.contains("evil"), issuer);
    assertEquals("http://127.0.0.1:" + PORT + "/realms/system", issuer);
  }

  @Test
  void discoveryWhenTrustedProxySendsForwardedThenItsOrigin() throws Exception {
    assumeTrue(trustsIpv6Loopback() && !baseConfigured());
    assertEquals(
        "https://id.example.com/realms/system",
        issuer(
            "::1",
            "Host: iam.internal:"
                + PORT
                + "\r\n"
                + "Forwarded: for=192.0.2.1;host=evil.example;proto=http,"
                + " for=198.51.100.7;host=id.example.com;proto=https\r\n"));
  }

  @Test
  void discoveryWhenTrustedProxySendsXForwardedThenItsOrigin() throws Exception {
    assumeTrue(trustsIpv6Loopback() && !baseConfigured());
    assertEquals(
        "https://id.example.com:8443/realms/system",
        issuer(
            "::1",
            "Host: iam.internal:"
                + PORT
                + "\r\n"
                + "X-Forwarded-Host: id.example.com\r\n"
                + "X-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Port: 8443\r\n"
                + "X-Forwarded-For: 198.51.100.7\r\n"));
  }

  @Test
  void tokenWhenClientFailsThroughProxyThenAuditNamesTheRightAddress() throws Exception {
    String realm = Iam.newRealm("fwd");
    Iam.newClient(realm, "svc", "[]", "[]");
    String body = "grant_type=client_credentials";
    String request =
        "POST /realms/"
            + realm
            + "/oauth2/token HTTP/1.1\r\nHost: localhost:"
            + PORT
            + "\r\n"
            + "Authorization: "
            + Iam.basic("svc", "wrong-secret")
            + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n"
            + "X-Forwarded-For: %s\r\n$WSRA: 198.51.100.9\r\nConnection: close\r\n\r\n"
            + body;
    assertTrue(exchange("127.0.0.1", request.formatted("198.51.100.8"))[0].contains(" 401 "));
    if (trustsIpv6Loopback()) {
      assertTrue(exchange("::1", request.formatted("198.51.100.7"))[0].contains(" 401 "));
    }
    List<Map<String, Object>> windows =
        Iam.admin("GET", "/" + realm + "/audit/failures", null).items();
    List<Object> sources = windows.stream().map(w -> w.get("source")).toList();
    assertTrue(sources.contains("127.0.0.1"), sources.toString());
    assertFalse(sources.contains("198.51.100.8"), sources.toString());
    assertFalse(sources.contains("198.51.100.9"), sources.toString());
    if (trustsIpv6Loopback()) {
      assertTrue(sources.contains("198.51.100.7"), sources.toString());
    }
  }

  /**
   * The 9080 and 9443 listeners resolve to one base: with IAM_BASE_URL that base, without it the
   * verifier accepts any origin before {@code /realms/{realm}} (the realm's signature counts).
   */
  @Test
  void tokenWhenIssuedOverHttpThenAcceptedOverHttpsAndBack() throws Exception {
    HttpClient https = HttpClient.newBuilder().sslContext(TrustAnything.context()).build();
    HttpResponse<String> admin =
        https.send(
            HttpRequest.newBuilder(URI.create(Iam.HTTPS_BASE + "/admin/realms/system"))
                .header("Authorization", "Bearer " + Iam.adminToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, admin.statusCode(), admin.body());
    HttpResponse<String> token =
        https.send(
            HttpRequest.newBuilder(URI.create(Iam.HTTPS_BASE + "/realms/system/oauth2/token"))
                .header("Authorization", Iam.basic("iam-admin", Iam.ADMIN_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, token.statusCode(), token.body());
    String overHttps = (String) JsonUtil.parseJson(token.body()).get("access_token");
    assertEquals(200, Iam.adminAs(overHttps, "GET", "/system", null).status());
  }
}
