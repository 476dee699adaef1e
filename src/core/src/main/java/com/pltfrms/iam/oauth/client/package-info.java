/**
 * OAuth clients (applications) of a realm: service, confidential (web) and public (SPA, native,
 * CLI) clients, their registration (redirect URIs matched exactly, grant types the type allows,
 * PKCE, consent, links), secrets (random, stored only as SHA-256; none for public clients), allowed
 * scopes and service roles, the client authenticators of the token endpoint, and the cached lookup
 * it uses.
 */
package com.pltfrms.iam.oauth.client;
