--liquibase formatted sql

--changeset pltfrms:0008-app-user-search-indexes
-- Admin search at a million users (issue 6, point 17). Listings are ordered by username in code
-- point order (COLLATE "C": the same on every database whatever its collation, and the order the
-- after= cursor walks). q= is answered as a union of branches that each read their index in that
-- order and stop after one page, never a sort of every match:
--   username: a range of ix_app_user_username_c, in order.
--   first and last name: the distinct lower-cased names with the prefix (a skip scan of the name
--     index), then per name a range of (name, username), in order. Costs grow with the number of
--     distinct names a prefix matches, not with the users who bear them.
--   e-mail: most addresses start with their user's username, and those match q exactly when the
--     username does or the username is a proper prefix of q (a few equality probes); only the
--     others are indexed here, as a partial index, and sorted.
-- The covering columns (INCLUDE) let the bounded count behind total read the indexes alone.
-- Built in the migration's transaction: on a large realm this holds writes to app_user for the
-- seconds the build takes (about 10 s per million users).
CREATE INDEX ix_app_user_username_c ON app_user (realm_id, (username COLLATE "C")) INCLUDE (id);
CREATE INDEX ix_app_user_first_name_c
    ON app_user (realm_id, (lower(first_name) COLLATE "C"), (username COLLATE "C")) INCLUDE (id);
CREATE INDEX ix_app_user_last_name_c
    ON app_user (realm_id, (lower(last_name) COLLATE "C"), (username COLLATE "C")) INCLUDE (id);
CREATE INDEX ix_app_user_email_unlike_username
    ON app_user (realm_id, (email COLLATE "C")) INCLUDE (username, id)
    WHERE NOT starts_with(email, username);
-- Superseded by the above; ix_app_user_email stays for email= and the uniqueness check.
DROP INDEX ix_app_user_username_prefix;
DROP INDEX ix_app_user_first_name;
DROP INDEX ix_app_user_last_name;
