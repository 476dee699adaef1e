package it.com.pltfrms.iam;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A small HTTP client for the black-box tests: talks to the EAR running in Liberty, as any client
 * would. Settings come from failsafe system properties (see ear/pom.xml).
 */
public final class Iam {

  public static final String BASE = System.getProperty("iam.it.base.url", "http://localhost:9080");
  public static final String HTTPS_BASE =
      System.getProperty("iam.it.https.url", "https://localhost:9443");
  public static final String ADMIN_SECRET = System.getProperty("iam.it.admin.client.secret");
  public static final String DB_URL = System.getProperty("iam.it.db.url");
  public static final String DB_USER = System.getProperty("iam.it.db.user", "postgres");

  /** The server's data folder: the embedded database's generated password is kept there. */
  public static final Path DATA_DIR =
      Path.of(System.getProperty("iam.it.data.dir", "target/it-data"));

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .sslContext(TrustAnything.contextUnchecked())
          .build();

  private static String adminToken;
  private static long adminTokenRenewAt;

  private Iam() {}

  /** A response: status, headers, body, and the body as JSON when it is JSON. */
  public record Reply(int status, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public Map<String, Object> json() {
      try {
        return JsonUtil.parseJson(raw.body());
      } catch (JoseException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    public String string(String field) {
      return (String) json().get(field);
    }

    /** An RFC 6749 §5.2 error: this status, this error code, and never cached. */
    public void assertOAuthError(int expectedStatus, String expectedError) {
      org.junit.jupiter.api.Assertions.assertEquals(expectedStatus, status, raw.body());
      org.junit.jupiter.api.Assertions.assertEquals(expectedError, string("error"));
      org.junit.jupiter.api.Assertions.assertEquals("no-store", header("Cache-Control"));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) json().get("items");
    }
  }

  public static Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
  }

  public static Reply get(String path) {
    return send(request(path).GET().build());
  }

  // ---- OAuth ----------------------------------------------------------------------------------

  public static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static Map<String, String> params(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  public static String basic(String clientId, String secret) {
    String pair = enc(clientId) + ":" + enc(secret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs a raw body to a realm's token endpoint. */
  public static Reply tokenRaw(
      String realm, String contentType, byte[] body, String authorization) {
    HttpRequest.Builder request =
        request("/realms/" + realm + "/oauth2/token")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  public static Reply token(String realm, Map<String, String> form, String authorization) {
    return tokenRaw(
        realm,
        "application/x-www-form-urlencoded",
        form(form).getBytes(StandardCharsets.UTF_8),
        authorization);
  }

  /** Client credentials with client_secret_basic; the access token, or an assertion error. */
  public static String clientToken(String realm, String clientId, String secret) {
    Reply reply = token(realm, params("grant_type", "client_credentials"), basic(clientId, secret));
    if (reply.status() != 200) {
      throw new AssertionError("token request failed: " + reply.status() + " " + reply.body());
    }
    return reply.string("access_token");
  }

  // ---- admin API ------------------------------------------------------------------------------

  /**
   * A token of the bootstrap admin client, renewed well before it expires: the system realm's
   * tokens live five minutes at most, less than a full run.
   */
  public static synchronized String adminToken() {
    long now = System.currentTimeMillis();
    if (adminToken == null || now >= adminTokenRenewAt) {
      Reply reply =
          token(
              "system",
              params("grant_type", "client_credentials"),
              basic("iam-admin", ADMIN_SECRET));
      if (reply.status() != 200) {
        throw new AssertionError(
            "admin token request failed: " + reply.status() + " " + reply.body());
      }
      adminToken = reply.string("access_token");
      long lifetime = ((Number) reply.json().get("expires_in")).longValue();
      adminTokenRenewAt = now + lifetime * 1000 / 2;
    }
    return adminToken;
  }

  public static Reply admin(String method, String path, String json) {
    return adminAs(adminToken(), method, path, json);
  }

  /** An admin request with extra headers, e.g. {@code If-Match}. */
  public static Reply admin(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request = adminRequest(adminToken(), method, path, json);
    headers.forEach(request::header);
    return send(request.build());
  }

  public static Reply adminAs(String token, String method, String path, String json) {
    return send(adminRequest(token, method, path, json).build());
  }

  private static HttpRequest.Builder adminRequest(
      String token, String method, String path, String json) {
    HttpRequest.Builder request = request("/admin/realms" + path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return request;
  }

  /** Creates a realm with a fresh, unique name and returns that name. */
  public static String newRealm(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply =
        admin("POST", "", "{\"name\":\"" + name + "\",\"displayName\":\"" + prefix + "\"}");
    if (reply.status() != 201) {
      throw new AssertionError("realm creation failed: " + reply.status() + " " + reply.body());
    }
    return name;
  }

  /** Registers a service client and returns its secret. */
  public static String newClient(
      String realm, String clientId, String scopesJson, String rolesJson) {
    Reply reply =
        admin(
            "POST",
            "/" + realm + "/clients",
            "{\"clientId\":\""
                + clientId
                + "\",\"type\":\"service\",\"allowedScopes\":"
                + scopesJson
                + ",\"roles\":"
                + rolesJson
                + "}");
    if (reply.status() != 201) {
      throw new AssertionError("client creation failed: " + reply.status() + " " + reply.body());
    }
    return reply.string("clientSecret");
  }

  // ---- the database, as an operator sees it ------------------------------------------------

  /**
   * A connection to the server's database: the embedded one with the password generated into the
   * data folder, an external one (trust authentication in the tests) with none.
   */
  public static Connection database() throws SQLException {
    return database(DB_URL);
  }

  /** A connection to another database of the same PostgreSQL server, as {@link #database()}. */
  public static Connection databaseNamed(String name) throws SQLException {
    return database(DB_URL.substring(0, DB_URL.lastIndexOf('/') + 1) + name);
  }

  private static Connection database(String url) throws SQLException {
    Path passwordFile = DATA_DIR.resolve("postgres.password");
    String password = "";
    try {
      if (Files.exists(passwordFile)) {
        password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new SQLException("cannot read " + passwordFile, e);
    }
    return DriverManager.getConnection(url, DB_USER, password);
  }

  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
