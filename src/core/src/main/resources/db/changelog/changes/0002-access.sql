--liquibase formatted sql

--changeset pltfrms:0002-user-password-temporary
-- A password set for the user rather than by them (the generated bootstrap password): the hosted
-- login makes the user replace it at the next sign-in.
ALTER TABLE app_user ADD COLUMN password_temporary BOOLEAN NOT NULL DEFAULT FALSE;
