/**
 * SSO sessions: a user's login in a browser, per realm, held server-side in PostgreSQL (never in
 * the EclipseLink cache) and named in the browser by an opaque cookie whose SHA-256 alone is
 * stored. Every login starts a new session with a new id and cookie (no fixation); a session ends
 * when idle too long, at its maximum lifetime, when an administrator ends it, or with its user.
 * Depends on {@code identity} (the user must exist in the realm), {@code audit} (through CDI
 * events) and {@code shared}.
 */
package com.pltfrms.iam.session;
