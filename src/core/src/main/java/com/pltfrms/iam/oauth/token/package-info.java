/**
 * The token endpoint's use case: authenticate the client, hand the request to the grant's handler,
 * sign RFC 9068 JWT access tokens with the realm's active key; and verify such tokens for the
 * server's own APIs.
 */
package com.pltfrms.iam.oauth.token;
