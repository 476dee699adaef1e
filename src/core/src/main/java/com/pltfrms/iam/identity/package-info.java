/**
 * People in a realm: users, their credentials (passwords hashed with Argon2id) and roles. So far
 * only the bootstrap admin of the system realm; registration, login and SCIM come later.
 */
package com.pltfrms.iam.identity;
