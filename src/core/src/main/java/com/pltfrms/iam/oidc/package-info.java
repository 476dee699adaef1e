/**
 * OpenID Connect for people: what a user's claims are in ID tokens and UserInfo responses, chosen
 * by the granted scopes (OIDC Core §5.4) and the {@code claims} request parameter (§5.5), from the
 * identity model's first-class fields and the realm's user-profile attributes. Pure functions over
 * {@code identity} values, and the UserInfo endpoint's answer for a verified access token. Depends
 * on {@code identity}, {@code oauth.client} and {@code oauth.token}.
 */
package com.pltfrms.iam.oidc;
