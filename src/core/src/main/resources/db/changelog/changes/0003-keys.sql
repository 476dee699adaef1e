--liquibase formatted sql

--changeset pltfrms:0003-keys-retirement
-- When a key stopped signing, and from when it may retire (see KeyRetirement). Keys that stopped
-- signing before this change did not record it: take the first activation of another key of their
-- realm after their own (or now), and the longest access-token lifetime a realm can have (86,400 s)
-- plus the key-ring (30 s) and JWKS (60 s) cache lifetimes.
ALTER TABLE signing_key ADD COLUMN stopped_signing_at TIMESTAMPTZ;
ALTER TABLE signing_key ADD COLUMN retirable_at TIMESTAMPTZ;
UPDATE signing_key k
   SET stopped_signing_at = COALESCE(
           (SELECT min(n.activated_at) FROM signing_key n
             WHERE n.realm_id = k.realm_id AND n.id <> k.id
               AND n.activated_at > COALESCE(k.activated_at, k.created_at)),
           now()),
       version = k.version + 1
 WHERE k.status = 'PASSIVE';
UPDATE signing_key SET retirable_at = stopped_signing_at + INTERVAL '86490 seconds'
 WHERE status = 'PASSIVE';
ALTER TABLE signing_key ADD CONSTRAINT ck_signing_key_status
    CHECK (status IN ('NEXT', 'ACTIVE', 'PASSIVE', 'RETIRED'));
ALTER TABLE signing_key ADD CONSTRAINT ck_signing_key_passive_retirable
    CHECK (status <> 'PASSIVE' OR retirable_at IS NOT NULL);

--changeset pltfrms:0003-keys-retired-private-halves
-- A retired key never signs again: its private half is destroyed, only the public JWK stays (it
-- still verifies old signatures, such as signed audit checkpoints).
ALTER TABLE signing_key ALTER COLUMN private_key_sealed DROP NOT NULL;
UPDATE signing_key SET private_key_sealed = NULL, version = version + 1 WHERE status = 'RETIRED';
ALTER TABLE signing_key ADD CONSTRAINT ck_signing_key_private_half
    CHECK (status = 'RETIRED' OR private_key_sealed IS NOT NULL);

--changeset pltfrms:0003-keys-one-active
-- At most one key of a realm signs. Should concurrent activations have left several ACTIVE, the
-- most recently activated one keeps signing and the others become PASSIVE (still published).
UPDATE signing_key k
   SET status = 'PASSIVE', stopped_signing_at = now(),
       retirable_at = now() + INTERVAL '86490 seconds', version = k.version + 1
 WHERE k.status = 'ACTIVE'
   AND EXISTS (SELECT 1 FROM signing_key n
                WHERE n.realm_id = k.realm_id AND n.status = 'ACTIVE' AND n.id <> k.id
                  AND (COALESCE(n.activated_at, n.created_at), n.id)
                      > (COALESCE(k.activated_at, k.created_at), k.id));
CREATE UNIQUE INDEX uq_signing_key_one_active ON signing_key (realm_id) WHERE status = 'ACTIVE';
