--liquibase formatted sql

--changeset pltfrms:0010-sso-session
-- SSO sessions (issue 7 point 7): the browser holds an opaque cookie of 256 random bits per realm;
-- only its SHA-256 (hex) is stored. A session ends at idle_expires_at (moved forward on use, never
-- past expires_at) or at expires_at (its maximum lifetime), whichever comes first. Deleting the
-- user deletes its sessions in the same statement (ON DELETE CASCADE), so in the same transaction.
CREATE TABLE sso_session (
    id              VARCHAR(36)  PRIMARY KEY,
    realm_id        VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    user_id         VARCHAR(36)  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    cookie_hash     CHAR(64)     NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL,
    auth_time       TIMESTAMPTZ  NOT NULL,
    idle_expires_at TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_sso_session_cookie_hash UNIQUE (cookie_hash),
    CONSTRAINT ck_sso_session_cookie_hash CHECK (cookie_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_sso_session_times CHECK (idle_expires_at <= expires_at AND created_at <= expires_at)
);
CREATE INDEX ix_sso_session_user ON sso_session (realm_id, user_id);
CREATE INDEX ix_sso_session_expires ON sso_session (expires_at);

--changeset pltfrms:0010-sso-session-client
-- The clients a session issued tokens to, for front- and back-channel logout (issue 8).
CREATE TABLE sso_session_client (
    session_id      VARCHAR(36)  NOT NULL REFERENCES sso_session (id) ON DELETE CASCADE,
    client_id       VARCHAR(36)  NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    first_issued_at TIMESTAMPTZ  NOT NULL,
    last_issued_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (session_id, client_id)
);
CREATE INDEX ix_sso_session_client_client ON sso_session_client (client_id);
