/**
 * OpenID Connect Discovery 1.0, RFC 8414 authorization server metadata, and the JWKS endpoint.
 * Errors are RFC 6749 §5.2 JSON, as at the OAuth endpoints these documents describe.
 */
@ErrorVocabulary(Vocabulary.OAUTH)
package com.pltfrms.iam.api.oidc;

import com.pltfrms.iam.api.support.ErrorVocabulary;
import com.pltfrms.iam.api.support.Vocabulary;
