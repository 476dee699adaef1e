package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.com.pltfrms.iam.Iam.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** MicroProfile Health: ready once migrated and the database answers; live always. */
class HealthIT {

  @Test
  void readyWhenDatabaseMigratedThenUp() {
    Reply reply = Iam.get("/health/ready");
    assertEquals(200, reply.status());
    assertEquals("UP", reply.string("status"));
  }

  @Test
  void liveWhenRunningThenUp() {
    Reply reply = Iam.get("/health/live");
    assertEquals(200, reply.status());
    assertEquals("UP", reply.string("status"));
  }

  @Test
  void httpsWhenCalledThenServesTheSameApi() throws Exception {
    HttpClient https = HttpClient.newBuilder().sslContext(TrustAnything.context()).build();
    String base = Iam.HTTPS_BASE;
    HttpResponse<String> response =
        https.send(
            HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
  }

  @Test
  void unknownPathThen404NotServerError() {
    assertEquals(404, Iam.get("/no/such/path").status());
    assertEquals(404, Iam.get("/realms").status());
  }
}
