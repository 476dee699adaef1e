/**
 * OAuth clients (applications) of a realm: registration, secrets (random, stored only as SHA-256),
 * allowed scopes and service roles, and the cached lookup the token endpoint uses.
 */
package com.pltfrms.iam.oauth.client;
