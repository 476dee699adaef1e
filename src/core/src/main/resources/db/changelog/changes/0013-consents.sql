--liquibase formatted sql

--changeset pltfrms:0013-consent
-- What a user allowed a client (issue 7 point 8): the scopes granted, space-separated, one row per
-- user and client, grown when a later request asks for more and the user accepts. A request for
-- the same or fewer scopes needs no new consent. Deleting the user or the client deletes it.
CREATE TABLE consent (
    user_id     VARCHAR(36)   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    client_id   VARCHAR(36)   NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    realm_id    VARCHAR(36)   NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    scopes      VARCHAR(4096) NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (user_id, client_id)
);
CREATE INDEX ix_consent_client ON consent (client_id);
