/**
 * People in a realm: users ({@link com.pltfrms.iam.identity.UserService}) with the OIDC standard
 * claims and custom attributes that the realm's declarative user profile allows, their credentials
 * (passwords hashed with Argon2id, checked against the realm's password policy and the bundled
 * breached-password list), and the realm settings that govern them ({@link
 * com.pltfrms.iam.identity.IdentitySettingsService}), and the one brute-force-safe password check
 * every login uses ({@link com.pltfrms.iam.identity.PasswordLogin}). Registration and SCIM come
 * later and use the same services.
 */
package com.pltfrms.iam.identity;
