/**
 * The admin REST API under {@code /admin/realms}: JSON in and out, RFC 9457 problem details for
 * errors, bearer tokens of system-realm admins only.
 */
package com.pltfrms.iam.api.admin;
