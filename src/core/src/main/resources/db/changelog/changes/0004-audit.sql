--liquibase formatted sql

--changeset pltfrms:0004-audit-event-partitioned splitStatements:false
-- The audit trail becomes a table partitioned by month of occurred_at (native range partitioning),
-- whose rows also carry the actor's type and stable id and the version of the canonical form their
-- hash covers. Runs on a database with rows: the landed table is locked against writes, its rows
-- move into the partitioned table unchanged (form_version 1: no actor type or id), names swap.
LOCK TABLE audit_event IN EXCLUSIVE MODE;
ALTER TABLE audit_event RENAME TO audit_event_v1;
ALTER SEQUENCE audit_event_id_seq OWNED BY NONE;

CREATE TABLE audit_event (
    id           BIGINT       NOT NULL DEFAULT nextval('audit_event_id_seq'),
    realm_id     VARCHAR(36)  NOT NULL,
    realm_name   VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor_type   VARCHAR(16),
    actor_id     VARCHAR(64),
    actor        VARCHAR(255),
    target       VARCHAR(255),
    outcome      VARCHAR(16)  NOT NULL,
    details      TEXT         NOT NULL,
    form_version SMALLINT     NOT NULL DEFAULT 2,
    chain_seq    BIGINT,
    prev_hash    VARCHAR(64),
    hash         VARCHAR(64)
) PARTITION BY RANGE (occurred_at);

-- TRUNCATE fires statement triggers only on the table it names, so every partition has its own.
CREATE FUNCTION audit_refuse_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

-- Adds the partition of the month (UTC) that holds at_time, unless it exists; true if it added it.
-- Created apart and then attached, so that concurrent appends to audit_event are not blocked.
CREATE FUNCTION audit_event_add_partition(at_time TIMESTAMPTZ) RETURNS BOOLEAN AS $$
DECLARE
    month_start TIMESTAMP := date_trunc('month', at_time AT TIME ZONE 'UTC');
    part TEXT := 'audit_event_' || to_char(month_start, 'YYYYMM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit:partitions'));
    IF to_regclass(part) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE audit_event INCLUDING DEFAULTS)', part);
    EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I'
        ' FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()', part);
    EXECUTE format('ALTER TABLE audit_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part,
        month_start AT TIME ZONE 'UTC', (month_start + INTERVAL '1 month') AT TIME ZONE 'UTC');
    RETURN TRUE;
END;
$$ LANGUAGE plpgsql;

-- A partition for every month from the oldest row to two months ahead; the background job keeps
-- adding the months ahead. The default partition catches a row no partition takes, so an append
-- never fails; it stays empty while that job runs.
SELECT audit_event_add_partition(m AT TIME ZONE 'UTC')
FROM generate_series(
    date_trunc('month', COALESCE((SELECT min(occurred_at) FROM audit_event_v1), now()) AT TIME ZONE 'UTC'),
    now() AT TIME ZONE 'UTC' + INTERVAL '2 months',
    INTERVAL '1 month') AS m;
CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event_default
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();

INSERT INTO audit_event (id, realm_id, realm_name, event_type, occurred_at, actor_type, actor_id,
                         actor, target, outcome, details, form_version, chain_seq, prev_hash, hash)
SELECT id, realm_id, realm_name, event_type, occurred_at, NULL, NULL,
       actor, target, outcome, details, 1, chain_seq, prev_hash, hash
FROM audit_event_v1;
DROP TABLE audit_event_v1;
DROP FUNCTION audit_event_append_only();
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;

-- Unique indexes of a partitioned table must hold the partition key, so (realm_id, chain_seq) is
-- no longer unique in the database. What guards it instead: the sealer updates the realm's row in
-- audit_chain_head only from the head it read (compare-and-set) under the realm's advisory lock,
-- and verification reports a duplicated or missing chain position.
ALTER TABLE audit_event ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id, occurred_at);
CREATE INDEX ix_audit_event_realm_time ON audit_event (realm_id, occurred_at);
CREATE INDEX ix_audit_event_realm_id ON audit_event (realm_id, id);
CREATE INDEX ix_audit_event_chain ON audit_event (realm_id, chain_seq) WHERE chain_seq IS NOT NULL;
CREATE INDEX ix_audit_event_unsealed ON audit_event (realm_id, id) WHERE hash IS NULL;

-- Append-only: rows are never deleted, and a sealed row never changes. The only update allowed is
-- the one that seals a row (hash from NULL to a value, with its chain position).
CREATE FUNCTION audit_event_sealed_once() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_event is append-only';
    END IF;
    IF OLD.hash IS NOT NULL OR NEW.hash IS NULL
       OR NEW.id <> OLD.id OR NEW.realm_id <> OLD.realm_id OR NEW.realm_name <> OLD.realm_name
       OR NEW.event_type <> OLD.event_type OR NEW.occurred_at <> OLD.occurred_at
       OR NEW.actor_type IS DISTINCT FROM OLD.actor_type
       OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
       OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.target IS DISTINCT FROM OLD.target
       OR NEW.outcome <> OLD.outcome OR NEW.details <> OLD.details
       OR NEW.form_version <> OLD.form_version THEN
        RAISE EXCEPTION 'audit_event rows are sealed once written';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_sealed_once();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();

--changeset pltfrms:0004-audit-chain-head
-- The last sealed row of every realm's chain: where the sealer continues, and what verification
-- compares the chain's end with. Existing chains get theirs from their rows.
CREATE TABLE audit_chain_head (
    realm_id  VARCHAR(36) PRIMARY KEY,
    seq       BIGINT      NOT NULL,
    hash      VARCHAR(64) NOT NULL,
    sealed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO audit_chain_head (realm_id, seq, hash, sealed_at)
SELECT DISTINCT ON (realm_id) realm_id, chain_seq, hash, now()
FROM audit_event
WHERE hash IS NOT NULL
ORDER BY realm_id, chain_seq DESC;

--changeset pltfrms:0004-audit-checkpoint splitStatements:false
-- Signed chain heads: a compact JWS by a key of the realm over (realm id, seq, head hash, time,
-- purpose). Append-only too, except that retention removes the ones below the realm's newest
-- retention anchor (they cover only rows that were dropped).
CREATE TABLE audit_checkpoint (
    realm_id  VARCHAR(36) NOT NULL,
    seq       BIGINT      NOT NULL,
    purpose   VARCHAR(16) NOT NULL,
    head_hash VARCHAR(64) NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    kid       VARCHAR(64) NOT NULL,
    jws       TEXT        NOT NULL,
    PRIMARY KEY (realm_id, seq, purpose)
);

CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'audit_checkpoint is append-only';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_checkpoint a
                   WHERE a.realm_id = OLD.realm_id AND a.purpose = 'retention' AND a.seq > OLD.seq) THEN
        RAISE EXCEPTION 'only checkpoints below a retention anchor may be removed';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();

-- The public half of every key that signed a checkpoint of a realm, kept here because a realm's
-- keys go with the realm while its audit trail stays.
CREATE TABLE audit_checkpoint_key (
    realm_id    VARCHAR(36) NOT NULL,
    kid         VARCHAR(64) NOT NULL,
    public_jwk  TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (realm_id, kid)
);

--changeset pltfrms:0004-audit-verification
-- Where the background verifier got to in each realm's chain: everything up to verified_seq was
-- checked link by link; the rescan cursor re-checks the chain from its anchor, again and again.
-- A break, once found, stays recorded.
CREATE TABLE audit_verification (
    realm_id          VARCHAR(36)  PRIMARY KEY,
    verified_seq      BIGINT       NOT NULL,
    verified_hash     VARCHAR(64)  NOT NULL,
    verified_at       TIMESTAMPTZ  NOT NULL,
    checkpoint_seq    BIGINT       NOT NULL,
    rescan_seq        BIGINT       NOT NULL,
    rescan_hash       VARCHAR(64)  NOT NULL,
    rescan_started_at TIMESTAMPTZ  NOT NULL,
    full_pass_at      TIMESTAMPTZ,
    broken_seq        BIGINT,
    broken_id         BIGINT,
    broken_reason     VARCHAR(255),
    broken_at         TIMESTAMPTZ
);
CREATE INDEX ix_audit_verification_rescan ON audit_verification (rescan_started_at)
    WHERE broken_seq IS NULL;

--changeset pltfrms:0004-audit-failure-window
-- Unauthenticated failures counted per (realm, minute, event type, actor, source address): one row
-- per window, closed into one audit event when the minute is over. actor_key is the stable id of
-- the client (or user) the request named, '' for every name the realm does not know, '*' for the
-- overflow window that takes the rest once a realm has used its windows for the minute (counted in
-- audit_failure_slot).
CREATE TABLE audit_failure_window (
    realm_id     VARCHAR(36)  NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    actor_key    VARCHAR(64)  NOT NULL,
    source_key   VARCHAR(64)  NOT NULL,
    realm_name   VARCHAR(64)  NOT NULL,
    actor_type   VARCHAR(16)  NOT NULL,
    actor_name   VARCHAR(255),
    attempts     BIGINT       NOT NULL,
    first_at     TIMESTAMPTZ  NOT NULL,
    last_at      TIMESTAMPTZ  NOT NULL,
    reasons      JSONB        NOT NULL,
    PRIMARY KEY (realm_id, window_start, event_type, actor_key, source_key)
);
CREATE INDEX ix_audit_failure_window_start ON audit_failure_window (window_start);

CREATE TABLE audit_failure_slot (
    realm_id     VARCHAR(36) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    used         INTEGER     NOT NULL,
    PRIMARY KEY (realm_id, window_start)
);
