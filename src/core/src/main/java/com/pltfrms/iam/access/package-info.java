/**
 * Who may do what: roles (realm and client roles, composites), permissions, groups and role
 * mappings, and the one access decision ({@link com.pltfrms.iam.access.EffectiveAccessService})
 * that tokens, the admin API ({@link com.pltfrms.iam.access.AdminAccess}) and later SCIM and the
 * console ask. Decisions are made from live state (is the principal still there, enabled, holding
 * the role now), never from a token's claims alone. A user's organisations and the roles held in
 * each come from organisation ({@link com.pltfrms.iam.organisation.OrganisationAccess}) and are
 * part of the answer. Depends on realm, audit, oauth.client, oauth.token, organisation and shared;
 * oauth.grant depends on it (tokens carry effective access), not the other way round.
 */
package com.pltfrms.iam.access;
