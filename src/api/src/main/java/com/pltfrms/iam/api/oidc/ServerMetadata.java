package com.pltfrms.iam.api.oidc;

import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oidc.UserClaims;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;

/**
 * The metadata document of one realm, shared by OpenID Connect Discovery 1.0 §3 and RFC 8414 §2.
 * Lists only what this server implements today.
 */
final class ServerMetadata {

  private ServerMetadata() {}

  /** RFC 8414 §2 authorization server metadata. */
  static JsonObject oauth(
      String issuer,
      Collection<String> grantTypes,
      Collection<ClientAuthMethod> authMethods,
      Collection<String> scopes) {
    return base(issuer, grantTypes, authMethods, scopes).build();
  }

  /**
   * OpenID Connect Discovery 1.0 §3: the OAuth metadata plus the members OpenID Connect requires;
   * ID tokens are signed with the realm keys' algorithm.
   */
  static JsonObject openid(
      String issuer,
      Collection<String> grantTypes,
      Collection<ClientAuthMethod> authMethods,
      Collection<String> scopes) {
    JsonArrayBuilder claims = Json.createArrayBuilder();
    UserClaims.SUPPORTED.forEach(claims::add);
    return base(issuer, grantTypes, authMethods, scopes)
        .add("userinfo_endpoint", issuer + "/oauth2/userinfo")
        .add("claims_supported", claims)
        .add("subject_types_supported", Json.createArrayBuilder().add("public"))
        .add("claims_parameter_supported", true)
        // what acr says of a sign-in (OIDC Core §2): a password; "mfa" joins it with the second
        // factor
        .add("acr_values_supported", Json.createArrayBuilder().add("pwd"))
        .add("request_parameter_supported", false)
        .add("request_uri_parameter_supported", false)
        .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
        .build();
  }

  private static JsonObjectBuilder base(
      String issuer,
      Collection<String> grantTypes,
      Collection<ClientAuthMethod> methods,
      Collection<String> scopes) {
    JsonArrayBuilder scopeNames = Json.createArrayBuilder();
    scopes.forEach(scopeNames::add);
    JsonArrayBuilder authMethods = Json.createArrayBuilder();
    methods.stream().sorted().forEach(m -> authMethods.add(m.value()));
    // introspection needs a client that authenticates (RFC 7662 §2.1); revocation also takes a
    // public client by its client_id (RFC 7009 §2.1)
    JsonArrayBuilder introspectionMethods = Json.createArrayBuilder();
    methods.stream()
        .sorted()
        .filter(m -> m != ClientAuthMethod.NONE)
        .forEach(m -> introspectionMethods.add(m.value()));
    JsonArrayBuilder revocationMethods = Json.createArrayBuilder();
    methods.stream().sorted().forEach(m -> revocationMethods.add(m.value()));
    JsonArrayBuilder grants = Json.createArrayBuilder();
    grantTypes.forEach(grants::add);
    return Json.createObjectBuilder()
        .add("issuer", issuer)
        .add("token_endpoint", issuer + "/oauth2/token")
        .add("jwks_uri", issuer + "/oauth2/jwks")
        .add("grant_types_supported", grants)
        .add("token_endpoint_auth_methods_supported", authMethods)
        .add("introspection_endpoint", issuer + "/oauth2/introspect")
        .add("introspection_endpoint_auth_methods_supported", introspectionMethods)
        .add("revocation_endpoint", issuer + "/oauth2/revoke")
        .add("revocation_endpoint_auth_methods_supported", revocationMethods)
        .add("scopes_supported", scopeNames)
        .add("authorization_endpoint", issuer + "/oauth2/authorize")
        .add("response_types_supported", Json.createArrayBuilder().add("code"))
        .add("response_modes_supported", Json.createArrayBuilder().add("query").add("form_post"))
        .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
        // RFC 9207 §3: every authorization response carries iss
        .add("authorization_response_iss_parameter_supported", true);
  }
}
