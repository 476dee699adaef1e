/**
 * The audit trail: every admin change, authentication outcome and token issuance, appended to a
 * table no one may update, delete from or truncate (partitioned by month), and sealed per realm
 * into a hash chain (each row stores H(previous hash || canonical event)). Signed checkpoints of
 * each chain's head make a cut-off or recomputed chain detectable to anyone holding the realm's
 * public keys; a background verifier remembers how far each chain was checked; unauthenticated
 * failures are counted in bounded windows instead of a row per request; retention drops old
 * partitions only behind signed checkpoints.
 *
 * <p>Other features reach it by firing {@link com.pltfrms.iam.audit.AuditEvent} as a CDI event, or
 * by counting an unauthenticated failure with {@link com.pltfrms.iam.audit.FailedAttempts}. It
 * depends on {@code shared}, on {@code keys} (the realm's signer and public keys, for checkpoints)
 * and on {@code realm} (to find the system realm). Events never carry secrets.
 */
package com.pltfrms.iam.audit;
