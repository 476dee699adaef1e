--liquibase formatted sql

--changeset pltfrms:0001-realm
CREATE TABLE realm (
    id                            VARCHAR(36)  PRIMARY KEY,
    name                          VARCHAR(64)  NOT NULL UNIQUE,
    display_name                  VARCHAR(255) NOT NULL,
    enabled                       BOOLEAN      NOT NULL DEFAULT TRUE,
    access_token_lifetime_seconds INTEGER      NOT NULL DEFAULT 300,
    created_at                    TIMESTAMPTZ  NOT NULL,
    version                       BIGINT       NOT NULL DEFAULT 0
);

--changeset pltfrms:0001-oauth-client
CREATE TABLE oauth_client (
    id             VARCHAR(36)  PRIMARY KEY,
    realm_id       VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    client_id      VARCHAR(128) NOT NULL,
    client_type    VARCHAR(32)  NOT NULL,
    display_name   VARCHAR(255),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    secret_hash    VARCHAR(64),
    allowed_scopes VARCHAR(2048) NOT NULL DEFAULT '',
    roles          VARCHAR(2048) NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_oauth_client_realm_client_id UNIQUE (realm_id, client_id)
);

--changeset pltfrms:0001-signing-key
CREATE TABLE signing_key (
    id                 VARCHAR(36)  PRIMARY KEY,
    realm_id           VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    kid                VARCHAR(64)  NOT NULL UNIQUE,
    algorithm          VARCHAR(16)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    public_jwk         TEXT         NOT NULL,
    private_key_sealed TEXT         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    activated_at       TIMESTAMPTZ,
    retired_at         TIMESTAMPTZ,
    version            BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_signing_key_realm ON signing_key (realm_id);

--changeset pltfrms:0001-app-user
CREATE TABLE app_user (
    id            VARCHAR(36)  PRIMARY KEY,
    realm_id      VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    username      VARCHAR(255) NOT NULL,
    password_hash VARCHAR(512),
    roles         VARCHAR(2048) NOT NULL DEFAULT '',
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_app_user_realm_username UNIQUE (realm_id, username)
);

--changeset pltfrms:0001-audit-event splitStatements:false
CREATE TABLE audit_event (
    id          BIGSERIAL    PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL,
    realm_name  VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(255),
    target      VARCHAR(255),
    outcome     VARCHAR(16)  NOT NULL,
    details     TEXT         NOT NULL,
    chain_seq   BIGINT,
    prev_hash   VARCHAR(64),
    hash        VARCHAR(64)
);
CREATE INDEX ix_audit_event_realm_time ON audit_event (realm_id, occurred_at);
CREATE INDEX ix_audit_event_unsealed ON audit_event (realm_id, id) WHERE hash IS NULL;
CREATE UNIQUE INDEX uq_audit_event_chain ON audit_event (realm_id, chain_seq);

-- Append-only: rows are never deleted, and a sealed row never changes. The only update allowed
-- is the one that seals a row (hash from NULL to a value).
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_event is append-only';
    END IF;
    IF OLD.hash IS NOT NULL
       OR NEW.id <> OLD.id OR NEW.realm_id <> OLD.realm_id OR NEW.event_type <> OLD.event_type
       OR NEW.occurred_at <> OLD.occurred_at OR NEW.details <> OLD.details
       OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.target IS DISTINCT FROM OLD.target
       OR NEW.outcome <> OLD.outcome THEN
        RAISE EXCEPTION 'audit_event rows are sealed once written';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
