package com.pltfrms.iam.api;

import com.pltfrms.iam.api.support.OpenApiFilter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application at the context root, so that issuers are {@code {base}/realms/{realm}} and
 * discovery sits where OpenID Connect Discovery 1.0 §4 and RFC 8414 §3 put it. Its OpenAPI document
 * is served by Liberty's mpOpenAPI feature at {@code /openapi} (UI at {@code /openapi/ui}).
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "PLTFRMS IAM",
            version = "1",
            description =
                "The admin REST API (RFC 9457 problem details on error, ETag and If-Match on"
                    + " writes) and each realm's OAuth 2.0 / OpenID Connect endpoints."))
@SecurityScheme(
    securitySchemeName = OpenApiFilter.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An access token of the system realm's admin client (client credentials, scope admin)")
@SecurityScheme(
    securitySchemeName = OpenApiFilter.CLIENT_BASIC,
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description =
        "client_secret_basic (RFC 6749 §2.3.1) at the token endpoint; client_secret_post sends"
            + " client_id and client_secret in the form instead")
public class IamApplication extends Application {}
