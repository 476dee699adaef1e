package com.pltfrms.iam.api.support;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document ({@code /openapi}) where annotations would only repeat themselves:
 * the two error shapes as components ({@code Problem}, RFC 9457 §3; {@code OAuthError}, RFC 6749
 * §5.2), on every admin operation the bearer security requirement and its error responses, on every
 * OAuth/OIDC operation its error responses. A resource therefore describes only its own bodies; one
 * under {@code /admin} gets the rest from here, as it gets the admin gate.
 *
 * <p>Registered with {@code mp.openapi.filter} in this module's {@code
 * META-INF/microprofile-config.properties}.
 */
public class OpenApiFilter implements OASFilter {

  public static final String BEARER = "bearer";
  public static final String CLIENT_BASIC = "clientBasic";
  static final String PROBLEM = "Problem";
  static final String OAUTH_ERROR = "OAuthError";
  private static final String PROBLEM_JSON = "application/problem+json";

  /** Statuses every admin operation may answer, by what they mean there. */
  private static final Map<String, String> ADMIN_ERRORS =
      Map.of(
          "400", "Malformed or invalid input (strict JSON: unknown members, duplicates, types)",
          "401", "No bearer token, or not a valid one",
          "403", "The token does not grant this",
          "404", "No such realm or resource",
          "503", "Not started yet, or the database is unreachable");

  /** More statuses of the operations that change something. */
  private static final Map<String, String> WRITE_ERRORS =
      Map.of(
          "409", "Conflicts with the current state (a name taken, a concurrent change)",
          "412", "If-Match does not match the current ETag",
          "413", "Body too large",
          "415", "Not application/json");

  /**
   * A response header named without a schema ({@code Location}, {@code ETag}) is a string: OpenAPI
   * 3.0.3 §4.7.21 wants a schema or content on every Header Object.
   */
  @Override
  public Header filterHeader(Header header) {
    if (header.getSchema() == null && header.getContent() == null && header.getRef() == null) {
      header.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
    }
    return header;
  }

  /**
   * A {@code oneOf} schema declared on a class gets the scanner's {@code "type": "object"} beside
   * its alternatives, which would exclude those that are not objects (an organisation domain may be
   * a plain string): the alternatives alone say what is valid.
   */
  @Override
  public Schema filterSchema(Schema schema) {
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      schema.setType(null);
    }
    return schema;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    components.addSchema(PROBLEM, problem());
    components.addSchema(OAUTH_ERROR, oauthError());
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/admin")) {
                item.getOperations().forEach((method, operation) -> admin(method, operation));
              } else {
                item.getOperations().forEach((method, operation) -> oauth(path, operation));
              }
            });
  }

  private static void admin(PathItem.HttpMethod method, Operation operation) {
    if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
      operation.addSecurityRequirement(
          OASFactory.createSecurityRequirement().addScheme(BEARER, List.of()));
    }
    APIResponses responses = responses(operation);
    ADMIN_ERRORS.forEach((status, why) -> error(responses, status, why, PROBLEM, PROBLEM_JSON));
    if (method != PathItem.HttpMethod.GET) {
      WRITE_ERRORS.forEach((status, why) -> error(responses, status, why, PROBLEM, PROBLEM_JSON));
    }
    error(responses, "default", "Unexpected failure", PROBLEM, PROBLEM_JSON);
  }

  private static void oauth(String path, Operation operation) {
    APIResponses responses = responses(operation);
    String json = "application/json";
    if (path.endsWith("/token")) {
      // HTTP Basic; client_secret_post sends the credentials in the form instead. OpenAPI's way
      // of saying "or nothing" (an empty requirement) is refused by Liberty's validator, so the
      // description says it.
      operation.addSecurityRequirement(
          OASFactory.createSecurityRequirement().addScheme(CLIENT_BASIC, List.of()));
      String said = operation.getDescription() == null ? "" : operation.getDescription() + " ";
      operation.setDescription(
          said
              + "Clients authenticate with HTTP Basic (client_secret_basic) or with client_id and"
              + " client_secret in the form (client_secret_post), RFC 6749 §2.3.1.");
      error(
          responses, "400", "invalid_request, invalid_grant, invalid_scope, …", OAUTH_ERROR, json);
      error(responses, "401", "invalid_client", OAUTH_ERROR, json);
    }
    error(responses, "404", "No such realm", OAUTH_ERROR, json);
    error(responses, "default", "Unexpected failure", OAUTH_ERROR, json);
  }

  private static APIResponses responses(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    return operation.getResponses();
  }

  /** Adds the error response unless the operation describes that status itself. */
  private static void error(
      APIResponses responses, String status, String why, String schema, String mediaType) {
    if (responses.hasAPIResponse(status)) {
      return;
    }
    responses.addAPIResponse(
        status,
        OASFactory.createAPIResponse()
            .description(why)
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        mediaType,
                        OASFactory.createMediaType()
                            .schema(
                                OASFactory.createSchema().ref("#/components/schemas/" + schema)))));
  }

  /** RFC 9457 §3.1; extension members (such as a key's retirableAt) may follow. */
  private static Schema problem() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details, as application/problem+json.")
        .addProperty(
            "type",
            string("A URI reference naming the problem type; about:blank for plain HTTP status")
                .format("uri-reference"))
        .addProperty("title", string("The status's reason phrase"))
        .addProperty(
            "status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
        .addProperty("detail", string("What went wrong, for a person"))
        .required(List.of("type", "title", "status"))
        .additionalPropertiesBoolean(true);
  }

  /** RFC 6749 §5.2 (also RFC 6750 §3 for the bearer-token errors). */
  private static Schema oauthError() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("An OAuth 2.0 error response (RFC 6749 §5.2).")
        .addProperty(
            "error",
            string("The error code")
                .enumeration(
                    List.of(
                        "invalid_request",
                        "invalid_client",
                        "invalid_grant",
                        "unauthorized_client",
                        "unsupported_grant_type",
                        "invalid_scope",
                        "invalid_token",
                        "insufficient_scope",
                        "server_error",
                        "temporarily_unavailable")))
        .addProperty("error_description", string("What went wrong, for a developer"))
        .addProperty("error_uri", string("Where the error is explained").format("uri"))
        .required(List.of("error"));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }
}
