package com.pltfrms.iam.api.oidc;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The discovery and JWKS shapes, for the OpenAPI document only. Member names are the specs'. */
final class OidcSchemas {

  private OidcSchemas() {}

  /** RFC 7517 §5; each key as RFC 7517 §4 (and RFC 7518 §6 for its parameters). */
  @Schema(name = "JsonWebKeySet", requiredProperties = "keys")
  record JsonWebKeySet(
      @Schema(description = "Public keys: kty, kid, use, alg and the key's own parameters")
          List<Map<String, Object>> keys) {}

  /** OpenID Connect Discovery 1.0 §3 and RFC 8414 §2; more members may follow. */
  @Schema(
      name = "ServerMetadata",
      requiredProperties = {"issuer", "token_endpoint", "jwks_uri", "response_types_supported"})
  record ServerMetadata(
      @Schema(format = "uri") String issuer,
      @Schema(format = "uri") String token_endpoint,
      @Schema(format = "uri") String jwks_uri,
      List<String> grant_types_supported,
      List<String> token_endpoint_auth_methods_supported,
      List<String> response_types_supported,
      List<String> subject_types_supported,
      List<String> id_token_signing_alg_values_supported) {}
}
