--liquibase formatted sql

--changeset pltfrms:0015-refresh-token
-- Refresh tokens (RFC 6749 §1.5, §6; RFC 9700 §4.14.2): only the SHA-256 of the token is stored,
-- with what it is bound to (client, user, session, scopes, auth_time). Every use rotates: the
-- presented token is consumed by a conditional UPDATE and a new one of the same family is
-- inserted, so of two concurrent uses exactly one wins; presenting a consumed token again is reuse
-- and revokes the family. expires_at is the token's own end: its idle end capped at the family's.
-- Offline tokens (OIDC Core §11) are not bound to the SSO session and outlive it.
ALTER TABLE token_family ADD COLUMN offline BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE token_family ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE token_family ADD COLUMN last_used_at TIMESTAMPTZ;
CREATE INDEX ix_token_family_revoked ON token_family (revoked_at) WHERE revoked_at IS NOT NULL;

CREATE TABLE refresh_token (
    token_hash   VARCHAR(64)   PRIMARY KEY,
    id           VARCHAR(36)   NOT NULL UNIQUE,
    realm_id     VARCHAR(36)   NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    family_id    VARCHAR(36)   NOT NULL REFERENCES token_family (id) ON DELETE CASCADE,
    client_id    VARCHAR(36)   NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    user_id      VARCHAR(36)   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    session_id   VARCHAR(64),
    scope        VARCHAR(4096) NOT NULL,
    auth_time    TIMESTAMPTZ   NOT NULL,
    acr          VARCHAR(64),
    amr          VARCHAR(255)  NOT NULL DEFAULT '',
    offline      BOOLEAN       NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    expires_at   TIMESTAMPTZ   NOT NULL,
    consumed_at  TIMESTAMPTZ
);
CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);
CREATE INDEX ix_refresh_token_expires ON refresh_token (expires_at);

--changeset pltfrms:0015-revoked-access-token
-- Access tokens revoked before their exp (RFC 7009 §2.1), by jti: every node keeps the live rows
-- in memory, fed by NOTIFY and re-read every few seconds, so verifying a token costs no query.
-- A row is useless once the token has expired and is swept then.
CREATE TABLE revoked_access_token (
    jti        VARCHAR(64)  PRIMARY KEY,
    realm_id   VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    revoked_at TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_revoked_access_token_revoked ON revoked_access_token (revoked_at);
CREATE INDEX ix_revoked_access_token_expires ON revoked_access_token (expires_at);

--changeset pltfrms:0015-client-token-settings
-- Per client: whether it may introspect every token of its realm (a resource server, RFC 7662
-- §2.1), and its own refresh-token idle and maximum lifetimes (null: the realm's).
ALTER TABLE oauth_client ADD COLUMN introspection_allowed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE oauth_client ADD COLUMN refresh_token_idle_seconds INTEGER;
ALTER TABLE oauth_client ADD COLUMN refresh_token_max_seconds INTEGER;

--changeset pltfrms:0015-realm-offline-lifetimes
-- Offline sessions (OIDC Core §11 offline_access): idle 30 days, at most 60 days by default.
ALTER TABLE realm ADD COLUMN offline_session_idle_seconds INTEGER NOT NULL DEFAULT 2592000;
ALTER TABLE realm ADD COLUMN offline_session_max_seconds INTEGER NOT NULL DEFAULT 5184000;
