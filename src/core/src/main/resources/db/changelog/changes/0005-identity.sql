--liquibase formatted sql

--changeset pltfrms:0005-realm-duplicate-emails
-- Keycloak's realm setting of the same name: off by default, so an e-mail address names at most
-- one user of a realm. Enforced by the identity service (the setting can change at run time).
ALTER TABLE realm ADD COLUMN duplicate_emails_allowed BOOLEAN NOT NULL DEFAULT FALSE;

--changeset pltfrms:0005-app-user-claims
-- OIDC Core §5.1 standard claims as columns (the SCIM core schema maps onto the same ones), the
-- provisioning system's id, and the custom attributes the realm's user profile declares, as one
-- JSON object of string arrays. username is stored normalised (NFKC, lower case), email lower case.
ALTER TABLE app_user
    ADD COLUMN email                 VARCHAR(320),
    ADD COLUMN email_verified        BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN first_name            VARCHAR(255),
    ADD COLUMN last_name             VARCHAR(255),
    ADD COLUMN middle_name           VARCHAR(255),
    ADD COLUMN nickname              VARCHAR(255),
    ADD COLUMN locale                VARCHAR(35),
    ADD COLUMN zoneinfo              VARCHAR(64),
    ADD COLUMN phone_number          VARCHAR(64),
    ADD COLUMN phone_number_verified BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN address_formatted     VARCHAR(1024),
    ADD COLUMN address_street        VARCHAR(512),
    ADD COLUMN address_locality      VARCHAR(255),
    ADD COLUMN address_region        VARCHAR(255),
    ADD COLUMN address_postal_code   VARCHAR(64),
    ADD COLUMN address_country       VARCHAR(255),
    ADD COLUMN picture               VARCHAR(2048),
    ADD COLUMN website               VARCHAR(2048),
    ADD COLUMN birthdate             VARCHAR(10),
    ADD COLUMN external_id           VARCHAR(255),
    ADD COLUMN attributes            TEXT         NOT NULL DEFAULT '{}',
    ADD COLUMN updated_at            TIMESTAMPTZ;
UPDATE app_user SET updated_at = created_at;
ALTER TABLE app_user ALTER COLUMN updated_at SET NOT NULL;

--changeset pltfrms:0005-app-user-indexes
-- Admin search at a million users: q= is a case-insensitive prefix match on four columns, which
-- btree indexes with text_pattern_ops answer with an index range scan per column (OR-ed as a
-- bitmap) whatever the database collation is; username and email are stored lower case, the names
-- are indexed lower-cased. pg_trgm would also answer infix search, but is several times larger and
-- slower to write; it is for SCIM's "co" (contains) filter, which comes with SCIM. email= exact and
-- the uniqueness checks use the email index too.
CREATE INDEX ix_app_user_username_prefix ON app_user (realm_id, username text_pattern_ops);
CREATE INDEX ix_app_user_email ON app_user (realm_id, email text_pattern_ops);
CREATE INDEX ix_app_user_first_name ON app_user (realm_id, lower(first_name) text_pattern_ops);
CREATE INDEX ix_app_user_last_name ON app_user (realm_id, lower(last_name) text_pattern_ops);
CREATE UNIQUE INDEX uq_app_user_external_id ON app_user (realm_id, external_id)
    WHERE external_id IS NOT NULL;
-- attribute=name:value: containment on the attributes object.
CREATE INDEX ix_app_user_attributes ON app_user USING gin ((attributes::jsonb) jsonb_path_ops);

--changeset pltfrms:0005-credential
-- A user's credentials: zero or more of a type (password now; otp, webauthn later), each with its
-- own secret data (a PHC hash for passwords), non-secret data, label and creation time. Previous
-- passwords kept for the password policy's history are credentials of type password-history.
CREATE TABLE credential (
    id              VARCHAR(36)  PRIMARY KEY,
    realm_id        VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    user_id         VARCHAR(36)  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    type            VARCHAR(32)  NOT NULL,
    label           VARCHAR(255),
    secret_data     TEXT         NOT NULL,
    credential_data TEXT         NOT NULL DEFAULT '{}',
    temporary       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_credential_user ON credential (user_id, type, created_at);
CREATE UNIQUE INDEX uq_credential_one_password ON credential (user_id) WHERE type = 'password';

--changeset pltfrms:0005-move-passwords
-- The hashes the bootstrap wrote into app_user move, as they are, into password credentials.
INSERT INTO credential (id, realm_id, user_id, type, secret_data, temporary, created_at)
SELECT gen_random_uuid()::text, realm_id, id, 'password', password_hash, password_temporary,
       created_at
FROM app_user WHERE password_hash IS NOT NULL;
ALTER TABLE app_user DROP COLUMN password_hash, DROP COLUMN password_temporary;

--changeset pltfrms:0005-password-policy
-- A realm's password policy; no row means the defaults (NIST SP 800-63B §3.1.1.2).
CREATE TABLE password_policy (
    realm_id          VARCHAR(36) PRIMARY KEY REFERENCES realm (id) ON DELETE CASCADE,
    min_length        INTEGER     NOT NULL,
    max_length        INTEGER     NOT NULL,
    not_username      BOOLEAN     NOT NULL,
    not_email         BOOLEAN     NOT NULL,
    deny_list         BOOLEAN     NOT NULL,
    history           INTEGER     NOT NULL,
    require_lowercase BOOLEAN     NOT NULL,
    require_uppercase BOOLEAN     NOT NULL,
    require_digit     BOOLEAN     NOT NULL,
    require_special   BOOLEAN     NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0
);

--changeset pltfrms:0005-user-profile
-- A realm's declarative user profile, one JSON document; adding an attribute needs no migration.
-- No row means the default: no custom attributes, unmanaged ones refused.
CREATE TABLE user_profile (
    realm_id   VARCHAR(36) PRIMARY KEY REFERENCES realm (id) ON DELETE CASCADE,
    document   TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0
);
