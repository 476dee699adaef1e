/**
 * What users allowed clients (OIDC Core §3.1.2.4, issue 7 point 8): per user and client, the scopes
 * granted; asked again when a request wants more, when the client requires consent and none is
 * stored, or with {@code prompt=consent}. Listed and revoked through the admin API.
 */
package com.pltfrms.iam.oauth.consent;
