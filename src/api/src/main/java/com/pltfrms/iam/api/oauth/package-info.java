/**
 * OAuth 2.0 endpoints of a realm: the token endpoint (RFC 6749 §3.2). Errors are RFC 6749 §5.2
 * JSON.
 */
@ErrorVocabulary(Vocabulary.OAUTH)
package com.pltfrms.iam.api.oauth;

import com.pltfrms.iam.api.support.ErrorVocabulary;
import com.pltfrms.iam.api.support.Vocabulary;
