--liquibase formatted sql

--changeset pltfrms:0006-access-roles
-- Roles of a realm (client_id NULL) and of its clients (client_id = oauth_client.id). A role name is
-- unique among the realm's roles, and among one client's roles. Built-in roles cannot be deleted.
CREATE TABLE iam_role (
    id          VARCHAR(36)  PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    client_id   VARCHAR(36)  REFERENCES oauth_client (id) ON DELETE CASCADE,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(255),
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     BIGINT       NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX uq_iam_role_realm_name ON iam_role (realm_id, name) WHERE client_id IS NULL;
CREATE UNIQUE INDEX uq_iam_role_client_name ON iam_role (client_id, name) WHERE client_id IS NOT NULL;
CREATE INDEX ix_iam_role_realm ON iam_role (realm_id, client_id, name);

-- Named fine-grained permissions ("invoices:read"), unique per realm; realm-wide (client_id NULL)
-- or owned by one client (a resource server).
CREATE TABLE iam_permission (
    id          VARCHAR(36)  PRIMARY KEY,
    realm_id    VARCHAR(36)  NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    client_id   VARCHAR(36)  REFERENCES oauth_client (id) ON DELETE CASCADE,
    name        VARCHAR(128) NOT NULL,
    description VARCHAR(255),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     BIGINT       NOT NULL DEFAULT 1,
    CONSTRAINT uq_iam_permission_realm_name UNIQUE (realm_id, name)
);

-- A composite role includes other roles (realm or client roles of the same realm). Cycles are
-- refused by the service; the effective-access query terminates on them regardless.
CREATE TABLE role_composite (
    role_id  VARCHAR(36) NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    child_id VARCHAR(36) NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, child_id),
    CONSTRAINT ck_role_composite_not_self CHECK (role_id <> child_id)
);
CREATE INDEX ix_role_composite_child ON role_composite (child_id);

CREATE TABLE role_permission (
    role_id       VARCHAR(36) NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    permission_id VARCHAR(36) NOT NULL REFERENCES iam_permission (id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, permission_id)
);
CREATE INDEX ix_role_permission_permission ON role_permission (permission_id);

--changeset pltfrms:0006-access-groups
-- Groups form a tree per realm. path is materialised ("/eng/platform": the names from the root,
-- which hold no '/'), kept by the service on create, rename and move; unique per realm, which makes
-- names unique among siblings. depth is 1 for a top-level group, at most 32.
CREATE TABLE iam_group (
    id          VARCHAR(36)   PRIMARY KEY,
    realm_id    VARCHAR(36)   NOT NULL REFERENCES realm (id) ON DELETE CASCADE,
    parent_id   VARCHAR(36)   REFERENCES iam_group (id) ON DELETE CASCADE,
    name        VARCHAR(255)  NOT NULL,
    path        TEXT          NOT NULL,
    depth       INTEGER       NOT NULL,
    external_id VARCHAR(255),
    attributes  JSONB         NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 1,
    CONSTRAINT ck_iam_group_depth CHECK (depth BETWEEN 1 AND 32),
    CONSTRAINT ck_iam_group_name CHECK (position('/' IN name) = 0 AND length(name) > 0)
);
CREATE UNIQUE INDEX uq_iam_group_path ON iam_group (realm_id, path);
CREATE UNIQUE INDEX uq_iam_group_external_id ON iam_group (realm_id, external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX ix_iam_group_parent ON iam_group (realm_id, parent_id, name);
CREATE INDEX ix_iam_group_path_prefix ON iam_group (realm_id, path text_pattern_ops);

CREATE TABLE group_member (
    group_id   VARCHAR(36) NOT NULL REFERENCES iam_group (id) ON DELETE CASCADE,
    user_id    VARCHAR(36) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX ix_group_member_user ON group_member (user_id);

--changeset pltfrms:0006-access-mappings
-- Role mappings: to users, to groups (inherited by the members of the group and of its
-- descendants), and to service clients (their service account).
CREATE TABLE user_role (
    user_id VARCHAR(36) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role_id VARCHAR(36) NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX ix_user_role_role ON user_role (role_id);

CREATE TABLE group_role (
    group_id VARCHAR(36) NOT NULL REFERENCES iam_group (id) ON DELETE CASCADE,
    role_id  VARCHAR(36) NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, role_id)
);
CREATE INDEX ix_group_role_role ON group_role (role_id);

CREATE TABLE client_role (
    client_id VARCHAR(36) NOT NULL REFERENCES oauth_client (id) ON DELETE CASCADE,
    role_id   VARCHAR(36) NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    PRIMARY KEY (client_id, role_id)
);
CREATE INDEX ix_client_role_role ON client_role (role_id);

--changeset pltfrms:0006-access-built-in-roles splitStatements:false
-- Every realm has the delegated-administration roles; the system realm also has admin (every
-- realm). A trigger creates them for new realms; the INSERT below for the realms there are.
CREATE FUNCTION iam_built_in_roles(p_realm_id VARCHAR, p_realm_name VARCHAR) RETURNS void AS $$
BEGIN
    INSERT INTO iam_role (id, realm_id, name, description, built_in)
    SELECT gen_random_uuid()::text, p_realm_id, r.name, r.description, TRUE
      FROM (VALUES
              ('realm-admin', 'Administers everything in this realm'),
              ('manage-users', 'Manages the users of this realm and their role mappings'),
              ('view-users', 'Reads the users of this realm and their role mappings'),
              ('manage-groups', 'Manages the groups of this realm'),
              ('manage-clients', 'Manages the clients of this realm and their roles'),
              ('view-audit', 'Reads the audit trail of this realm'),
              ('admin', 'Administers every realm of the server')) AS r (name, description)
     WHERE r.name <> 'admin' OR p_realm_name = 'system'
    ON CONFLICT (realm_id, name) WHERE client_id IS NULL
    DO UPDATE SET built_in = TRUE;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION iam_realm_built_in_roles() RETURNS trigger AS $$
BEGIN
    PERFORM iam_built_in_roles(NEW.id, NEW.name);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER iam_realm_built_in_roles
    AFTER INSERT ON realm
    FOR EACH ROW EXECUTE FUNCTION iam_realm_built_in_roles();

SELECT iam_built_in_roles(id, name) FROM realm;

--changeset pltfrms:0006-access-migrate-role-words splitStatements:false
-- The space-separated role words of clients and users become direct realm-role mappings; a word
-- that names no role yet becomes a realm role. (app_user.roles is the user API's to keep or drop:
-- its part runs only where the column is there.)
INSERT INTO iam_role (id, realm_id, name)
SELECT gen_random_uuid()::text, w.realm_id, w.name
  FROM (SELECT DISTINCT realm_id, unnest(string_to_array(roles, ' ')) AS name FROM oauth_client) w
 WHERE w.name <> ''
ON CONFLICT (realm_id, name) WHERE client_id IS NULL DO NOTHING;

INSERT INTO client_role (client_id, role_id)
SELECT DISTINCT c.id, r.id
  FROM oauth_client c
 CROSS JOIN LATERAL unnest(string_to_array(c.roles, ' ')) AS w (name)
  JOIN iam_role r ON r.realm_id = c.realm_id AND r.client_id IS NULL AND r.name = w.name
ON CONFLICT DO NOTHING;

-- Client roles are stored as mappings only from now on.
ALTER TABLE oauth_client DROP COLUMN roles;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'app_user'
                  AND column_name = 'roles') THEN
        INSERT INTO iam_role (id, realm_id, name)
        SELECT gen_random_uuid()::text, w.realm_id, w.name
          FROM (SELECT DISTINCT realm_id, unnest(string_to_array(roles, ' ')) AS name
                  FROM app_user) w
         WHERE w.name <> ''
        ON CONFLICT (realm_id, name) WHERE client_id IS NULL DO NOTHING;

        INSERT INTO user_role (user_id, role_id)
        SELECT DISTINCT u.id, r.id
          FROM app_user u
         CROSS JOIN LATERAL unnest(string_to_array(u.roles, ' ')) AS w (name)
          JOIN iam_role r ON r.realm_id = u.realm_id AND r.client_id IS NULL AND r.name = w.name
        ON CONFLICT DO NOTHING;

        -- A bridge until the user API replaces app_user.roles: words written there (the
        -- bootstrap admin user) become direct realm-role mappings as well. Additive only;
        -- mappings are the truth.
        CREATE FUNCTION app_user_role_words() RETURNS trigger AS $f$
        BEGIN
            INSERT INTO iam_role (id, realm_id, name)
            SELECT gen_random_uuid()::text, NEW.realm_id, w.name
              FROM unnest(string_to_array(NEW.roles, ' ')) AS w (name)
             WHERE w.name <> ''
            ON CONFLICT (realm_id, name) WHERE client_id IS NULL DO NOTHING;
            INSERT INTO user_role (user_id, role_id)
            SELECT NEW.id, r.id
              FROM unnest(string_to_array(NEW.roles, ' ')) AS w (name)
              JOIN iam_role r
                ON r.realm_id = NEW.realm_id AND r.client_id IS NULL AND r.name = w.name
            ON CONFLICT DO NOTHING;
            RETURN NEW;
        END;
        $f$ LANGUAGE plpgsql;

        CREATE TRIGGER app_user_role_words
            AFTER INSERT OR UPDATE OF roles ON app_user
            FOR EACH ROW EXECUTE FUNCTION app_user_role_words();
    END IF;
END;
$$;
