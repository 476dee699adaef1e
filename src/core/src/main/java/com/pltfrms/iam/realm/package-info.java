/**
 * Realms: isolated tenants, each its own OAuth 2.0 / OpenID Connect authorization server. Depends
 * on {@code shared}, {@code keys} (a realm gets its first signing key at creation) and fires audit
 * events.
 */
package com.pltfrms.iam.realm;
