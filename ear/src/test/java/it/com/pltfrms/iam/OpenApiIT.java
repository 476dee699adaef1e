package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import it.com.pltfrms.iam.Iam.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /openapi}: served without a token, and describing every endpoint
 * of the fuzz catalogue ({@link Endpoints#ALL}, so an endpoint added there is checked here too)
 * with a schema for each request and response body, the error shape of its vocabulary and, under
 * {@code /admin}, the bearer security requirement.
 */
class OpenApiIT {

  private static Map<String, Object> document;

  @BeforeAll
  static void fetch() {
    Reply reply = Iam.send(Iam.request("/openapi").header("Accept", "application/json").build());
    assertEquals(200, reply.status(), reply.body());
    document = reply.json();
  }

  @Test
  void openapiWhenFetchedWithoutTokenThenOpenApiDocument() {
    assertTrue(String.valueOf(document.get("openapi")).startsWith("3."), "OpenAPI 3.x");
    assertNotNull(map(document, "info").get("title"));
  }

  @Test
  void openapiWhenAskedForJsonByQueryThenJson() {
    Reply reply = Iam.get("/openapi?format=JSON");
    assertEquals(200, reply.status());
    assertTrue(reply.json().containsKey("paths"));
  }

  @Test
  void openapiWhenDefaultFormatThenYaml() {
    Reply reply = Iam.get("/openapi");
    assertEquals(200, reply.status());
    assertTrue(reply.body().startsWith("---") || reply.body().startsWith("openapi:"));
  }

  @Test
  void openapiUiWhenFetchedThenHtmlWithoutToken() {
    Reply reply = Iam.get("/openapi/ui/");
    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("text/html"), reply.header("Content-Type"));
  }

  @Test
  void catalogueWhenDocumentedThenEveryEndpointHasAnOperation() {
    List<String> missing = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.ALL) {
      if (endpoint.ours() && operation(endpoint) == null) {
        missing.add(endpoint.toString());
      }
    }
    assertEquals(List.of(), missing, "endpoints missing from /openapi");
  }

  @Test
  void catalogueWhenDocumentedThenEveryBodyHasASchema() {
    List<String> problems = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.ALL) {
      Map<String, Object> operation = endpoint.ours() ? operation(endpoint) : null;
      if (operation == null) {
        continue;
      }
      if (endpoint.body() != Endpoints.Body.NONE) {
        Map<String, Object> body = map(operation, "requestBody");
        String mediaType =
            endpoint.body() == Endpoints.Body.JSON
                ? "application/json"
                : "application/x-www-form-urlencoded";
        if (body == null || !hasSchema(map(map(body, "content"), mediaType))) {
          problems.add(endpoint + ": request body without a " + mediaType + " schema");
        }
      }
      Map<String, Object> responses = map(operation, "responses");
      boolean success = false;
      for (Map.Entry<String, Object> response : responses.entrySet()) {
        success |= response.getKey().startsWith("2");
        Map<String, Object> content = map(asMap(response.getValue()), "content");
        if (content == null) {
          // 204, a 201 whose Location names what was created (RFC 9110 §15.3.2), or a redirect
          // (302, 303) whose Location says where to (§15.4)
          boolean bodiless =
              response.getKey().equals("204")
                  || List.of("201", "302", "303").contains(response.getKey())
                      && map(asMap(response.getValue()), "headers") != null
                      && map(asMap(response.getValue()), "headers").containsKey("Location");
          if (!bodiless) {
            problems.add(endpoint + ": response " + response.getKey() + " without a body");
          }
          continue;
        }
        content.forEach(
            (type, media) -> {
              if (!hasSchema(asMap(media))) {
                problems.add(endpoint + ": response " + response.getKey() + " " + type);
              }
            });
      }
      if (!success) {
        problems.add(endpoint + ": no success response");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void catalogueWhenDocumentedThenErrorsHaveTheirVocabularysShape() {
    List<String> problems = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.ALL) {
      Map<String, Object> operation = endpoint.ours() ? operation(endpoint) : null;
      if (operation == null) {
        continue;
      }
      boolean problem = endpoint.vocabulary() == Endpoints.Vocabulary.PROBLEM;
      String shape = problem ? "#/components/schemas/Problem" : "#/components/schemas/OAuthError";
      String mediaType = problem ? "application/problem+json" : "application/json";
      Map<String, Object> notFound = map(map(operation, "responses"), "404");
      Map<String, Object> media =
          notFound == null ? null : map(map(notFound, "content"), mediaType);
      if (media == null || !shape.equals(map(media, "schema").get("$ref"))) {
        problems.add(endpoint + ": 404 is not " + shape + " as " + mediaType);
      }
      if (problem && !security(operation).contains("bearer")) {
        problems.add(endpoint + ": no bearer security requirement");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void tokenEndpointWhenDocumentedThenClientBasicOrFormAuthentication() {
    Map<String, Object> token =
        map(map(map(document, "paths"), "/realms/{realm}/oauth2/token"), "post");
    assertTrue(security(token).contains("clientBasic"), String.valueOf(token.get("security")));
    Map<String, Object> basic =
        map(map(map(document, "components"), "securitySchemes"), "clientBasic");
    assertEquals("basic", String.valueOf(basic.get("scheme")).toLowerCase(Locale.ROOT));
  }

  @Test
  void componentsWhenReferencedThenDefined() {
    Map<String, Object> schemas = map(map(document, "components"), "schemas");
    assertTrue(schemas.containsKey("Problem"));
    assertTrue(schemas.containsKey("OAuthError"));
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      assertTrue(
          ref.startsWith("#/components/schemas/") && schemas.containsKey(name),
          "unresolved " + ref);
    }
    Map<String, Object> bearer = map(map(map(document, "components"), "securitySchemes"), "bearer");
    assertEquals("http", bearer.get("type"));
    assertEquals("bearer", String.valueOf(bearer.get("scheme")).toLowerCase(Locale.ROOT));
  }

  @Test
  void componentsWhenRequiredPropertiesThenEachIsDescribed() {
    List<String> problems = new ArrayList<>();
    map(map(document, "components"), "schemas")
        .forEach(
            (name, value) -> {
              Map<String, Object> schema = asMap(value);
              Object required = schema.get("required");
              Map<String, Object> properties = map(schema, "properties");
              if (required instanceof List<?> names) {
                for (Object property : names) {
                  if (properties == null || !properties.containsKey(property)) {
                    problems.add(name + "." + property);
                  }
                }
              }
            });
    assertEquals(List.of(), problems, "required but not described");
  }

  // ---- the document ---------------------------------------------------------------------------

  private static Map<String, Object> operation(Endpoint endpoint) {
    String path = "/" + endpoint.template().replaceAll("\\{\\s*([^}:\\s]+)[^}]*}", "{$1}");
    Map<String, Object> item = map(map(document, "paths"), path);
    return item == null ? null : map(item, endpoint.method().toLowerCase(Locale.ROOT));
  }

  private static boolean hasSchema(Map<String, Object> media) {
    Map<String, Object> schema = media == null ? null : map(media, "schema");
    return schema != null
        && (schema.containsKey("$ref")
            || schema.containsKey("type")
            || schema.containsKey("oneOf")
            || schema.containsKey("allOf"));
  }

  private static List<String> security(Map<String, Object> operation) {
    List<String> schemes = new ArrayList<>();
    Object security = operation.get("security");
    if (security == null) {
      security = document.get("security");
    }
    if (security instanceof List<?> requirements) {
      requirements.forEach(r -> schemes.addAll(asMap(r).keySet()));
    }
    return schemes;
  }

  private static void collectRefs(Object node, List<String> refs) {
    if (node instanceof Map<?, ?> members) {
      members.forEach(
          (key, value) -> {
            if ("$ref".equals(key)) {
              refs.add((String) value);
            } else {
              collectRefs(value, refs);
            }
          });
    } else if (node instanceof List<?> items) {
      items.forEach(item -> collectRefs(item, refs));
    }
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return parent == null ? null : asMap(parent.get(key));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }
}
