package it.com.pltfrms.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every endpoint the server has, as FuzzIT sends to it: method, URI template (with the resources'
 * own variable names), error vocabulary, how it takes input, and how to authenticate. FuzzIT fails
 * when a JAX-RS resource method of the API module is missing here, so a new endpoint is fuzzed from
 * the day it exists: add it below.
 */
final class Endpoints {

  /** How an endpoint writes errors. */
  enum Vocabulary {
    /** RFC 6749 §5.2 JSON. */
    OAUTH,
    /** RFC 9457 application/problem+json. */
    PROBLEM,
    /** An HTML page with the hosted pages' headers: what a browser is shown. */
    PAGE,
    /** MicroProfile Health, served by Liberty rather than the API: no vocabulary of ours. */
    HEALTH
  }

  /** What an endpoint reads from the body. */
  enum Body {
    NONE,
    JSON,
    FORM
  }

  /** How a request to it is authenticated, so that it gets as far as it can. */
  enum Auth {
    NONE,
    /** A bearer token of the system realm's iam-admin client. */
    ADMIN,
    /** HTTP Basic with a wrong secret: never a token, so never a write. */
    CLIENT_WRONG_SECRET
  }

  /** The JSON type of a field of a JSON body. */
  enum Type {
    STRING,
    BOOLEAN,
    INTEGER,
    STRINGS,
    /** A JSON object (attributes, settings documents). */
    OBJECT
  }

  record Endpoint(
      String method,
      String template,
      Vocabulary vocabulary,
      Body body,
      Auth auth,
      List<String> query,
      Map<String, Type> fields) {

    boolean ours() {
      return vocabulary != Vocabulary.HEALTH;
    }

    /** The template's variables, in order. */
    List<String> variables() {
      return java.util.regex.Pattern.compile("\\{([^}:]+)[^}]*}")
          .matcher(template)
          .results()
          .map(m -> m.group(1).trim())
          .toList();
    }

    /** The template with its variables filled in (values used as they are: encode them first). */
    String path(Map<String, String> values) {
      String path = template;
      for (String variable : variables()) {
        path = path.replaceFirst("\\{" + variable + "[^}]*}", values.get(variable));
      }
      return "/" + path;
    }

    @Override
    public String toString() {
      return method + " /" + template;
    }
  }

  private static final Map<String, Type> REALM_CREATE = fields("name", "displayName");
  private static final Map<String, Type> REALM_UPDATE =
      fields(
          "name",
          "displayName",
          "enabled",
          Type.BOOLEAN,
          "accessTokenLifetimeSeconds",
          Type.INTEGER,
          "duplicateEmailsAllowed",
          Type.BOOLEAN);
  private static final Map<String, Type> CLIENT_CREATE =
      withWebClientFields(
          fields(
              "clientId",
              "type",
              "displayName",
              "allowedScopes",
              Type.STRINGS,
              "roles",
              Type.STRINGS));
  private static final Map<String, Type> CLIENT_UPDATE =
      withWebClientFields(
          fields(
              "clientId",
              "type",
              "displayName",
              "enabled",
              Type.BOOLEAN,
              "allowedScopes",
              Type.STRINGS,
              "roles",
              Type.STRINGS));
  static final List<String> PAGE = List.of("offset", "limit");

  /** The foundation's endpoints: realms, clients, keys, audit, OAuth, discovery, health. */
  private static final List<Endpoint> FOUNDATION =
      List.of(
          admin("POST", "admin/realms", REALM_CREATE),
          admin("GET", "admin/realms", List.of("offset", "limit", "after", "before")),
          admin("GET", "admin/realms/{realm}"),
          admin("PATCH", "admin/realms/{realm}", REALM_UPDATE),
          admin("PUT", "admin/realms/{realm}", REALM_UPDATE),
          admin("DELETE", "admin/realms/{realm}"),
          admin("POST", "admin/realms/{realm}/clients", CLIENT_CREATE),
          admin("GET", "admin/realms/{realm}/clients", PAGE),
          admin("GET", "admin/realms/{realm}/clients/{clientId}"),
          admin("PATCH", "admin/realms/{realm}/clients/{clientId}", CLIENT_UPDATE),
          admin("PUT", "admin/realms/{realm}/clients/{clientId}", CLIENT_UPDATE),
          admin("DELETE", "admin/realms/{realm}/clients/{clientId}"),
          admin("POST", "admin/realms/{realm}/clients/{clientId}/secret"),
          admin("GET", "admin/realms/{realm}/keys"),
          admin("POST", "admin/realms/{realm}/keys"),
          admin("POST", "admin/realms/{realm}/keys/{kid}/activate"),
          admin("POST", "admin/realms/{realm}/keys/{kid}/retire", List.of("force")),
          admin("GET", "admin/master-key"),
          admin("POST", "admin/master-key/reseal"),
          admin(
              "GET",
              "admin/realms/{realm}/audit",
              List.of("type", "from", "to", "offset", "limit")),
          admin("GET", "admin/realms/{realm}/audit/verify", List.of("fromSeq")),
          admin("GET", "admin/realms/{realm}/audit/export", List.of("fromSeq")),
          admin("POST", "admin/realms/{realm}/audit/checkpoints"),
          admin("GET", "admin/realms/{realm}/audit/checkpoints", PAGE),
          admin("GET", "admin/realms/{realm}/audit/checkpoints/{seq}"),
          admin("GET", "admin/realms/{realm}/audit/failures"),
          new Endpoint(
              "POST",
              "realms/{realm}/oauth2/token",
              Vocabulary.OAUTH,
              Body.FORM,
              Auth.CLIENT_WRONG_SECRET,
              List.of(),
              Map.of()),
          new Endpoint(
              "POST",
              "realms/{realm}/oauth2/introspect",
              Vocabulary.OAUTH,
              Body.FORM,
              Auth.CLIENT_WRONG_SECRET,
              List.of(),
              Map.of()),
          new Endpoint(
              "POST",
              "realms/{realm}/oauth2/revoke",
              Vocabulary.OAUTH,
              Body.FORM,
              Auth.CLIENT_WRONG_SECRET,
              List.of(),
              Map.of()),
          open("GET", "realms/{realm}/oauth2/jwks", Vocabulary.OAUTH),
          open("GET", "realms/{realm}/.well-known/openid-configuration", Vocabulary.OAUTH),
          open("GET", ".well-known/oauth-authorization-server/realms/{realm}", Vocabulary.OAUTH),
          open("GET", "health/ready", Vocabulary.HEALTH),
          open("GET", "health/live", Vocabulary.HEALTH));

  /**
   * Every endpoint: the foundation's and each feature's own catalogue (one file per feature, so
   * that features add theirs without touching each other's).
   */
  static final List<Endpoint> ALL =
      java.util.stream.Stream.of(
              FOUNDATION,
              IdentityEndpoints.ALL,
              AccessEndpoints.ALL,
              OrganisationEndpoints.ALL,
              ExportEndpoints.ALL,
              OidcEndpoints.ALL,
              ClientEndpoints.ALL,
              SessionEndpoints.ALL)
          .flatMap(List::stream)
          .toList();

  /** The methods each template answers, as the catalogue lists them. */
  static Map<String, Set<String>> methodsByTemplate() {
    return ALL.stream()
        .filter(Endpoint::ours)
        .collect(
            Collectors.groupingBy(
                Endpoint::template,
                LinkedHashMap::new,
                Collectors.mapping(Endpoint::method, Collectors.toSet())));
  }

  private Endpoints() {}

  static Endpoint admin(String method, String template) {
    return new Endpoint(
        method, template, Vocabulary.PROBLEM, Body.NONE, Auth.ADMIN, List.of(), Map.of());
  }

  static Endpoint admin(String method, String template, List<String> query) {
    return new Endpoint(
        method, template, Vocabulary.PROBLEM, Body.NONE, Auth.ADMIN, query, Map.of());
  }

  static Endpoint admin(String method, String template, Map<String, Type> fields) {
    return new Endpoint(
        method, template, Vocabulary.PROBLEM, Body.JSON, Auth.ADMIN, List.of(), fields);
  }

  static Endpoint open(String method, String template, Vocabulary vocabulary) {
    return new Endpoint(method, template, vocabulary, Body.NONE, Auth.NONE, List.of(), Map.of());
  }

  /** Field names, each a string unless a {@link Type} follows it. */
  private static Map<String, Type> withWebClientFields(Map<String, Type> base) {
    Map<String, Type> all = new LinkedHashMap<>(base);
    all.putAll(ClientEndpoints.WEB_CLIENT_FIELDS);
    return all;
  }

  static Map<String, Type> fields(Object... namesAndTypes) {
    Map<String, Type> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i++) {
      String name = (String) namesAndTypes[i];
      Type type = Type.STRING;
      if (i + 1 < namesAndTypes.length && namesAndTypes[i + 1] instanceof Type given) {
        type = given;
        i++;
      }
      fields.put(name, type);
    }
    return fields;
  }
}
