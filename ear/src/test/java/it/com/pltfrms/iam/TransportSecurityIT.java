package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HSTS (RFC 6797) on every HTTPS answer, the API's and the console's, and never over plain HTTP
 * (§7.2); the console's session cookie is {@code Secure} when it is set over HTTPS.
 */
class TransportSecurityIT {

  private static final String HTTPS = Iam.HTTPS_BASE;

  @Test
  void httpsWhenApiAnswersThenStrictTransportSecurity() throws Exception {
    String hsts =
        https("/health/live").headers().firstValue("Strict-Transport-Security").orElse("");
    assertTrue(hsts.startsWith("max-age="), hsts);
  }

  @Test
  void httpsWhenConsoleAnswersThenStrictTransportSecurity() throws Exception {
    HttpResponse<String> console = https("/console/");
    assertEquals(200, console.statusCode());
    assertTrue(console.headers().firstValue("Strict-Transport-Security").isPresent());
  }

  @Test
  void plainHttpWhenAnsweredThenNoStrictTransportSecurity() {
    assertTrue(Iam.BASE.startsWith("http://"));
    assertNull(Iam.get("/health/live").header("Strict-Transport-Security"));
  }

  @Test
  void httpsWhenConsoleStartsSessionThenCookieSecure() throws Exception {
    List<String> cookies = https("/console/").headers().allValues("Set-Cookie");
    assertTrue(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), cookies.toString());
    assertTrue(
        cookies.stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .allMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("; secure")),
        cookies.toString());
  }

  private static HttpResponse<String> https(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(TrustAnything.context()).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(HTTPS + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
