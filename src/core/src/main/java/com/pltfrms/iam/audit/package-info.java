/**
 * The audit trail: every admin change, authentication outcome and token issuance, appended to a
 * table no one may update or delete from, and sealed per realm into a hash chain (each row stores
 * H(previous hash || canonical event)). Other features reach it only by firing {@link
 * com.pltfrms.iam.audit.AuditEvent} as a CDI event. Events never carry secrets.
 */
package com.pltfrms.iam.audit;
