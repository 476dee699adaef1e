--liquibase formatted sql

--changeset pltfrms:0012-login-attempt
-- An authorization request waiting for its user to sign in on the hosted login page. The browser
-- holds the attempt's id in a cookie scoped to the realm, the login form a CSRF token; only the
-- SHA-256 of each is stored, with the request's parameters, for ten minutes. Any node can continue
-- any attempt (stateless nodes); a finished attempt is deleted, an abandoned one swept. user_id is
-- set once the user has proved their password but must still choose a new one (a temporary one).
CREATE TABLE login_attempt (
    id_hash     VARCHAR(64)  PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    csrf_hash   VARCHAR(64)  NOT NULL,
    parameters  TEXT         NOT NULL,
    user_id     VARCHAR(36)  REFERENCES app_user (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_login_attempt_expires ON login_attempt (expires_at);
