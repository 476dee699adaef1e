--liquibase formatted sql

--changeset pltfrms:0009-web-clients
-- Web (confidential) and public clients beside service clients (issue 7 point 1). Lists are
-- space-delimited like allowed_scopes (a URI holds no space); existing rows are service clients,
-- whose one grant is client_credentials. A public client has no secret_hash.
ALTER TABLE oauth_client
    ADD COLUMN redirect_uris             TEXT          NOT NULL DEFAULT '',
    ADD COLUMN post_logout_redirect_uris TEXT          NOT NULL DEFAULT '',
    ADD COLUMN grant_types               VARCHAR(128)  NOT NULL DEFAULT 'client_credentials',
    ADD COLUMN consent_required          BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN pkce_required             BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN access_token_lifetime     INTEGER,
    ADD COLUMN logo_uri                  VARCHAR(1024),
    ADD COLUMN client_uri                VARCHAR(1024),
    ADD COLUMN policy_uri                VARCHAR(1024),
    ADD COLUMN tos_uri                   VARCHAR(1024),
    ADD CONSTRAINT ck_oauth_client_type CHECK (client_type IN ('SERVICE', 'CONFIDENTIAL', 'PUBLIC')),
    ADD CONSTRAINT ck_oauth_client_public_pkce CHECK (client_type <> 'PUBLIC' OR pkce_required),
    ADD CONSTRAINT ck_oauth_client_public_secret CHECK (client_type <> 'PUBLIC' OR secret_hash IS NULL),
    ADD CONSTRAINT ck_oauth_client_lifetime
        CHECK (access_token_lifetime IS NULL OR access_token_lifetime BETWEEN 30 AND 86400);

--changeset pltfrms:0009-client-scope
-- Client scopes an admin defines in a realm; the built-in ones (openid profile email address phone
-- offline_access groups organization admin) are not rows.
CREATE TABLE client_scope (
    id          VARCHAR(36)  PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    name        VARCHAR(128) NOT NULL,
    description VARCHAR(255),
    created_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_client_scope_realm_name UNIQUE (realm_id, name)
);
