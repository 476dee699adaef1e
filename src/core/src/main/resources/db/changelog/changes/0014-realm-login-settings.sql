--liquibase formatted sql

--changeset pltfrms:0014-token-family-claims
-- The claims request (OIDC Core §5.5) as the authorization request sent it: UserInfo answers its
-- userinfo member for every access token of the family, so the tokens themselves stay small.
ALTER TABLE token_family ADD COLUMN claims TEXT;

--changeset pltfrms:0014-realm-login-settings
-- Per-realm settings of the hosted login (issue 7 points 5, 7, 10): SSO session lifetimes (idle
-- and maximum, defaults 30 min and 10 h), whether ID tokens always carry the granted scopes'
-- claims, and the login pages' branding (logo URL, primary colour, footer text).
ALTER TABLE realm ADD COLUMN sso_session_idle_seconds INTEGER NOT NULL DEFAULT 1800;
ALTER TABLE realm ADD COLUMN sso_session_max_seconds INTEGER NOT NULL DEFAULT 36000;
ALTER TABLE realm ADD COLUMN scope_claims_in_id_token BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE realm ADD COLUMN branding_logo_uri VARCHAR(2048);
ALTER TABLE realm ADD COLUMN branding_primary_color VARCHAR(7);
ALTER TABLE realm ADD COLUMN branding_footer_text VARCHAR(500);
