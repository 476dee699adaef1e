--liquibase formatted sql

--changeset pltfrms:0012-login-attempt
-- An authorization request waiting for its user to sign in on the hosted login page. The browser
-- holds the attempt's id in a cookie scoped to the realm, the login form a CSRF token; only the
-- SHA-256 of each is stored, with the request's parameters, for ten minutes. Any node can continue
-- any attempt (stateless nodes); a finished attempt is deleted, an abandoned one swept. user_id and
-- stage are set once the user is known but the attempt still waits: for a new password (stage
-- 'password', the old one was temporary) or for the user's consent (stage 'consent').
CREATE TABLE login_attempt (
    id_hash     VARCHAR(64)  PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    csrf_hash   VARCHAR(64)  NOT NULL,
    parameters  TEXT         NOT NULL,
    user_id     VARCHAR(36)  REFERENCES app_user (id) ON DELETE CASCADE,
    stage       VARCHAR(16)  CHECK (stage IN ('password', 'consent')),
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_login_attempt_expires ON login_attempt (expires_at);
