/**
 * Bringing the server up: the embedded PostgreSQL of zero-setup mode, the Liquibase migration and
 * the first-start bootstrap of the system realm. Started once, from the API module's startup
 * listener (CDI startup events fire once per module in an EAR).
 */
package com.pltfrms.iam.runtime;
