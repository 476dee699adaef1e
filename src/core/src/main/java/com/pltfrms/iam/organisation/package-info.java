/**
 * Organisations inside a realm (the B2B tenants of a realm: customers, partners, subsidiaries),
 * their internet domains, their members (users of the realm; a user may belong to several) and the
 * organisation roles a member holds within one organisation only. {@link
 * com.pltfrms.iam.organisation.OrganisationAccess} answers a user's organisations with their roles
 * for effective access and the {@code organization} claim; {@link
 * com.pltfrms.iam.organisation.OrganisationAdminPolicy} decides what an organisation's own {@code
 * org-admin} may manage. Depends on {@code shared} and {@code realm}, reads users by id from the
 * {@code app_user} table, and fires audit events.
 */
package com.pltfrms.iam.organisation;
