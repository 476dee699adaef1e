package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/**
 * With IAM_BASE_URL configured (as production requires), nothing a client puts in the Host header
 * reaches an issuer: discovery, tokens and the admin API's checks all use the configured base. Run
 * by ci/test.sh's external-database stage, whose server has IAM_BASE_URL=http://localhost:9080.
 */
class ConfiguredBaseUrlCheck {

  private static final String CONFIGURED = "http://localhost:9080";

  /** A raw HTTP/1.1 exchange, so the Host header can be anything. */
  private static String[] exchange(String request) throws Exception {
    URI base = URI.create(Iam.BASE);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
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

  @Test
  void discoveryWhenHostHeaderHostileThenIssuerIsTheConfiguredOne() throws Exception {
    String[] response =
        exchange(
            "GET /realms/system/.well-known/openid-configuration HTTP/1.1\r\n"
                + "Host: evil.example:9080\r\nConnection: close\r\n\r\n");
    assertTrue(response[0].startsWith("HTTP/1.1 200"), response[0]);
    Map<String, Object> metadata = JsonUtil.parseJson(response[1]);
    assertEquals(CONFIGURED + "/realms/system", metadata.get("issuer"));
    assertTrue(((String) metadata.get("token_endpoint")).startsWith(CONFIGURED + "/"));
  }

  @Test
  void tokenWhenFetchedThroughHostileHostThenIssuedByConfiguredIssuerAndAdmitted()
      throws Exception {
    String body = "grant_type=client_credentials";
    String[] response =
        exchange(
            "POST /realms/system/oauth2/token HTTP/1.1\r\nHost: evil.example\r\n"
                + "Authorization: "
                + Iam.basic("iam-admin", Iam.ADMIN_SECRET)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length()
                + "\r\nConnection: close\r\n\r\n"
                + body);
    assertTrue(response[0].startsWith("HTTP/1.1 200"), response[0]);
    String token = (String) JsonUtil.parseJson(response[1]).get("access_token");
    JwtClaims claims =
        new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setSkipSignatureVerification()
            .build()
            .processToClaims(token);
    assertEquals(CONFIGURED + "/realms/system", claims.getIssuer());
    assertEquals(200, Iam.adminAs(token, "GET", "", null).status());
  }
}
