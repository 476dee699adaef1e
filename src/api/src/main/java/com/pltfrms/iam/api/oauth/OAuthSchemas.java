package com.pltfrms.iam.api.oauth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The token endpoint's shapes, for the OpenAPI document only ({@link TokenResource} reads the form
 * and writes the JSON itself). Member names are the RFC's.
 */
final class OAuthSchemas {

  private OAuthSchemas() {}

  /**
   * RFC 6749 §4.4.2 (client credentials) and §4.3.2 (the legacy password grant), client
   * authentication by HTTP Basic (§2.3.1), in the form, or a public client's client_id alone.
   */
  @Schema(name = "TokenRequest", requiredProperties = "grant_type")
  static final class TokenRequest {
    @Schema(enumeration = {"authorization_code", "refresh_token", "client_credentials", "password"})
    public String grant_type;

    @Schema(maxLength = 128, description = "authorization_code grant: the code")
    public String code;

    @Schema(maxLength = 2048, description = "authorization_code grant: as in the request")
    public String redirect_uri;

    @Schema(maxLength = 128, description = "authorization_code grant: the PKCE verifier")
    public String code_verifier;

    @Schema(maxLength = 256, description = "refresh_token grant: the refresh token")
    public String refresh_token;

    @Schema(
        maxLength = 1024,
        description = "password grant (legacy, RFC 9700 §2.4; only for clients registered for it)")
    public String username;

    @Schema(maxLength = 1024, description = "password grant: the user's password")
    public String password;

    @Schema(description = "Space-separated scope tokens (RFC 6749 §3.3)")
    public String scope;

    @Schema(
        description = "With client_secret_post instead of HTTP Basic, or alone for a public client")
    public String client_id;

    @Schema(description = "With client_secret_post, instead of HTTP Basic")
    public String client_secret;
  }

  /** RFC 6749 §5.1. */
  @Schema(
      name = "TokenResponse",
      requiredProperties = {"access_token", "token_type", "expires_in"})
  static final class TokenResponse {
    @Schema(description = "A JWT (RFC 9068) signed by the realm's active key")
    public String access_token;

    @Schema(enumeration = "Bearer")
    public String token_type;

    @Schema(description = "Seconds until the token expires")
    public long expires_in;

    @Schema(description = "The granted scope, when not empty")
    public String scope;

    @Schema(description = "The ID token (OIDC Core §3.1.3.3), when openid was granted")
    public String id_token;

    @Schema(description = "A new refresh token (RFC 6749 §6: every use rotates it)")
    public String refresh_token;
  }

  /** RFC 7662 §2.1 and RFC 7009 §2.1, with client authentication as at the token endpoint. */
  @Schema(name = "TokenPresented", requiredProperties = "token")
  static final class TokenPresented {
    @Schema(maxLength = 8192)
    public String token;

    @Schema(
        enumeration = {"access_token", "refresh_token"},
        description = "A hint only: the token is found whatever it says")
    public String token_type_hint;

    public String client_id;

    public String client_secret;
  }

  /** RFC 7662 §2.2; an inactive token is {"active": false} and nothing more. */
  @Schema(name = "Introspection", requiredProperties = "active")
  static final class Introspection {
    public boolean active;
    public String scope;
    public String client_id;
    public String username;

    @Schema(enumeration = {"Bearer", "refresh_token"})
    public String token_type;

    public Long exp;
    public Long iat;
    public Long nbf;
    public String sub;

    @Schema(description = "A string, or an array when the token has several audiences")
    public Object aud;

    public String iss;
    public String jti;

    @Schema(description = "The SSO session, for a user's token from a sign-in")
    public String sid;
  }
}
