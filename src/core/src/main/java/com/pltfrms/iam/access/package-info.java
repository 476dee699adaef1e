/**
 * Who may do what: the one access decision the admin API (and later SCIM and the console) asks.
 * Decisions are made from live state (is the principal still there, enabled, holding the role now),
 * never from a token's claims alone. Depends on realm, oauth.client and oauth.token.
 */
package com.pltfrms.iam.access;
