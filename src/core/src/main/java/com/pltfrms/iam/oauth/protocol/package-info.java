/**
 * OAuth 2.0 messages and their validation, free of any container API (no {@code jakarta.*}): form
 * parsing, client authentication parsing, scopes, the error vocabulary, authorization requests
 * (with PKCE and the {@code claims} parameter) and how their errors travel. Unit-tested in
 * milliseconds.
 */
package com.pltfrms.iam.oauth.protocol;
