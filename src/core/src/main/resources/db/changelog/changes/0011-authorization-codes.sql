--liquibase formatted sql

--changeset pltfrms:0011-token-family
-- Every token descended from one authorization code (the access and ID tokens of its exchange, and
-- later the refresh tokens rotated from it) shares a family; replaying the code, or reusing a
-- rotated refresh token, revokes the family as a whole (RFC 6749 §4.1.2, RFC 9700 §4.14).
CREATE TABLE token_family (
    id          VARCHAR(36)  PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    client_id   VARCHAR(36)  NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    user_id     VARCHAR(36)  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    session_id  VARCHAR(64),
    created_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ,
    revoked_why VARCHAR(64)
);
CREATE INDEX ix_token_family_user ON token_family (realm_id, user_id);
CREATE INDEX ix_token_family_session ON token_family (session_id) WHERE session_id IS NOT NULL;

--changeset pltfrms:0011-authorization-code
-- Authorization codes (RFC 6749 §4.1.2): only the SHA-256 of the code is stored, with everything
-- the token request must match or carry on (client, redirect_uri, PKCE challenge, nonce, scopes,
-- session, auth_time). Single use: consumed_at is set by a conditional UPDATE, so of two
-- concurrent redemptions exactly one wins. Rows outlive their 60 s only so that a replay can be
-- recognised and its family revoked; a sweep deletes them after a day.
CREATE TABLE authorization_code (
    code_hash      VARCHAR(64)   PRIMARY KEY,
    realm_id       VARCHAR(36)   NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    family_id      VARCHAR(36)   NOT NULL REFERENCES token_family (id) ON DELETE CASCADE,
    client_id      VARCHAR(36)   NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    user_id        VARCHAR(36)   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    session_id     VARCHAR(64),
    redirect_uri   VARCHAR(2048) NOT NULL,
    code_challenge VARCHAR(128),
    nonce          VARCHAR(2048),
    scope          VARCHAR(4096) NOT NULL,
    claims         TEXT,
    auth_time      TIMESTAMPTZ   NOT NULL,
    acr            VARCHAR(64),
    amr            VARCHAR(255)  NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ   NOT NULL,
    expires_at     TIMESTAMPTZ   NOT NULL,
    consumed_at    TIMESTAMPTZ
);
CREATE INDEX ix_authorization_code_created ON authorization_code (created_at);
CREATE INDEX ix_authorization_code_family ON authorization_code (family_id);
