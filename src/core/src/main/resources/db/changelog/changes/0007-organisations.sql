--liquibase formatted sql

--changeset pltfrms:0007-organization
-- Organisations inside a realm (B2B tenants of a realm: customers, partners). The alias is the
-- organisation's key in URLs and in the token's organization claim: lower case, URL-safe, bounded.
CREATE TABLE organization (
    id          VARCHAR(36)   PRIMARY KEY,
    realm_id    VARCHAR(36)   NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    alias       VARCHAR(64)   NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    description VARCHAR(1024),
    enabled     BOOLEAN       NOT NULL DEFAULT TRUE,
    attributes  JSONB         NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_organization_realm_alias UNIQUE (realm_id, alias),
    CONSTRAINT uq_organization_realm_id UNIQUE (realm_id, id),
    CONSTRAINT ck_organization_alias CHECK (alias ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
    CONSTRAINT ck_organization_attributes CHECK (jsonb_typeof(attributes) = 'object')
);
-- Paging with a q= prefix on alias or name, by index whatever the database's collation.
CREATE INDEX ix_organization_realm_alias_prefix ON organization (realm_id, alias varchar_pattern_ops);
CREATE INDEX ix_organization_realm_name_prefix
    ON organization (realm_id, lower(name) varchar_pattern_ops);

--changeset pltfrms:0007-organization-domain
-- An internet domain of an organisation (RFC 1035 §2.3.4: at most 253 characters). A domain belongs
-- to at most one organisation of a realm; realm_id is carried (and kept consistent by the composite
-- key) only to make that rule a constraint.
CREATE TABLE organization_domain (
    organization_id VARCHAR(36)  NOT NULL,
    realm_id        VARCHAR(36)  NOT NULL,
    domain          VARCHAR(253) NOT NULL,
    verified        BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (organization_id, domain),
    CONSTRAINT uq_organization_domain_realm_domain UNIQUE (realm_id, domain),
    CONSTRAINT ck_organization_domain_lower CHECK (domain = lower(domain)),
    CONSTRAINT fk_organization_domain_organization FOREIGN KEY (realm_id, organization_id)
        REFERENCES organization (realm_id, id) ON DELETE CASCADE
);

--changeset pltfrms:0007-organization-member
-- A user's membership of an organisation; a user may belong to several. Deleting the user or the
-- organisation deletes the membership (and, below, its organisation roles).
CREATE TABLE organization_member (
    organization_id VARCHAR(36) NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    user_id         VARCHAR(36) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX ix_organization_member_user ON organization_member (user_id);

--changeset pltfrms:0007-organization-role splitStatements:false
-- Roles defined per realm for use inside organisations: a member holds one in one organisation
-- only ("approver in globex, viewer in initech"), so they are not realm roles and live apart from
-- them. Every realm has the built-in org-admin (may manage its organisation's members and their
-- organisation roles), created with the realm by the trigger below.
CREATE TABLE organization_role (
    id          VARCHAR(36)  PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(255),
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_organization_role_realm_name UNIQUE (realm_id, name)
);

CREATE FUNCTION organization_role_builtin() RETURNS trigger AS $$
BEGIN
    INSERT INTO organization_role (id, realm_id, name, description, built_in, created_at)
    VALUES (gen_random_uuid()::text, NEW.id, 'org-admin',
            'Manages the members of its organisation and their organisation roles', TRUE, now());
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER organization_role_builtin
    AFTER INSERT ON realm
    FOR EACH ROW EXECUTE FUNCTION organization_role_builtin();

INSERT INTO organization_role (id, realm_id, name, description, built_in, created_at)
SELECT gen_random_uuid()::text, r.id, 'org-admin',
       'Manages the members of its organisation and their organisation roles', TRUE, now()
FROM realm r;

--changeset pltfrms:0007-organization-member-role
-- An organisation role held by a member within that one organisation. Only a member can hold one
-- (the key refers to the membership); removing the membership removes its roles.
CREATE TABLE organization_member_role (
    organization_id VARCHAR(36) NOT NULL,
    user_id         VARCHAR(36) NOT NULL,
    role_id         VARCHAR(36) NOT NULL REFERENCES organization_role (id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, user_id, role_id),
    CONSTRAINT fk_organization_member_role_member FOREIGN KEY (organization_id, user_id)
        REFERENCES organization_member (organization_id, user_id) ON DELETE CASCADE
);
CREATE INDEX ix_organization_member_role_role ON organization_member_role (role_id);
