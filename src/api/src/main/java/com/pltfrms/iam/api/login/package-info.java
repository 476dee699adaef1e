/**
 * The hosted pages of a realm, rendered on the server as plain HTML forms that work without
 * JavaScript: the authorization endpoint (RFC 6749 §3.1, OIDC Core §3.1.2) and the pages it shows
 * (errors that must not be redirected, the form-post response). Every page escapes what it
 * reflects, loads nothing from elsewhere, and sends the headers of {@link HostedPage}. Errors that
 * go back to a client are RFC 6749 §4.1.2.1 redirects; the rest are pages (the {@code PAGE}
 * vocabulary), never JSON.
 */
@ErrorVocabulary(Vocabulary.PAGE)
package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.ErrorVocabulary;
import com.pltfrms.iam.api.support.Vocabulary;
