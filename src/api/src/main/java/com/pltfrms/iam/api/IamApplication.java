package com.pltfrms.iam.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application at the context root, so that issuers are {@code {base}/realms/{realm}} and
 * discovery sits where OpenID Connect Discovery 1.0 §4 and RFC 8414 §3 put it.
 */
@ApplicationPath("/")
public class IamApplication extends Application {}
