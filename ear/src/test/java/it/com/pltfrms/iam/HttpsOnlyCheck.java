package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * A server started with production settings ({@code IAM_HTTP_ENABLED=false}, the operator's
 * keystore password): no plain-HTTP listener at all, and HSTS on what HTTPS answers. Not an *IT:
 * ci/test.sh runs it against such a server (stage 4), whose base URL is HTTPS.
 */
class HttpsOnlyCheck {

  private static final int HTTP_PORT = Integer.getInteger("iam.it.http.port", 9080);

  @Test
  void plainHttpWhenDisabledThenNoListener() {
    assertTrue(Iam.BASE.startsWith("https://"), "this check runs against HTTPS");
    assertThrows(IOException.class, () -> connect(HTTP_PORT));
  }

  @Test
  void httpsWhenAnsweredThenStrictTransportSecurity() {
    Iam.Reply live = Iam.get("/health/live");
    assertEquals(200, live.status());
    assertTrue(live.header("Strict-Transport-Security").startsWith("max-age="));
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
  }
}
