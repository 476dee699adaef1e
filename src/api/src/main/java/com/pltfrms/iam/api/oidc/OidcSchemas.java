package com.pltfrms.iam.api.oidc;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The discovery and JWKS shapes, for the OpenAPI document only. Member names are the specs'. */
final class OidcSchemas {

  private OidcSchemas() {}

  /** RFC 7517 §5; each key as RFC 7517 §4 (and RFC 7518 §6 for its parameters). */
  @Schema(name = "JsonWebKeySet", requiredProperties = "keys")
  static final class JsonWebKeySet {
    @Schema(description = "Public keys: kty, kid, use, alg and the key's own parameters")
    public List<Map<String, Object>> keys;
  }

  /** OpenID Connect Discovery 1.0 §3 and RFC 8414 §2; more members may follow. */
  @Schema(
      name = "ServerMetadata",
      requiredProperties = {"issuer", "token_endpoint", "jwks_uri", "response_types_supported"})
  static final class ServerMetadata {
    @Schema(format = "uri")
    public String issuer;

    @Schema(format = "uri")
    public String token_endpoint;

    @Schema(format = "uri")
    public String jwks_uri;

    public List<String> grant_types_supported;

    public List<String> token_endpoint_auth_methods_supported;

    public List<String> response_types_supported;

    public List<String> subject_types_supported;

    public List<String> id_token_signing_alg_values_supported;
  }

  /**
   * OIDC Core §5.3.2: {@code sub} and the claims of the granted scopes (§5.4), those with values.
   */
  @Schema(name = "UserInfoClaims", requiredProperties = "sub")
  static final class UserInfoClaims {
    @Schema(description = "The user's stable id, as in the ID token")
    public String sub;

    public String name;
    public String given_name;
    public String family_name;
    public String preferred_username;
    public String email;
    public Boolean email_verified;
  }

  /** RFC 6750 §2.2: the access token as a form parameter, instead of the header. */
  @Schema(name = "UserInfoRequest")
  static final class UserInfoRequest {
    @Schema(description = "The access token, when not sent in the Authorization header")
    public String access_token;
  }
}
