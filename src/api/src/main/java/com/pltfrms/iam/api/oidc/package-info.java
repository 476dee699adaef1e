/** OpenID Connect Discovery 1.0, RFC 8414 authorization server metadata, and the JWKS endpoint. */
package com.pltfrms.iam.api.oidc;
