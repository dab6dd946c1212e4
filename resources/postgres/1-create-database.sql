-- JamSos Desktop on an office PostgreSQL server, step 1 of 3: the database and its two roles.
--
-- Run as the server's superuser (postgres), once:
--   psql -U postgres -v owner_password='…' -v app_password='…' -f 1-create-database.sql
-- Optional variables: -v db=jamsos -v owner=jamsos_owner -v app=jamsos_app
--
-- Two roles, least privilege:
--   * the OWNER owns the database and its tables; only it may change the schema. It is used to
--     initialise and to upgrade (step 2, and again after installing a newer JamSos version).
--   * the APP role is what the clerks' desktops use: read and write data, nothing else. It cannot
--     create or drop tables, and it cannot rewrite or delete the audit trail (step 3).
\set ON_ERROR_STOP on
\if :{?db}
\else
  \set db jamsos
\endif
\if :{?owner}
\else
  \set owner jamsos_owner
\endif
\if :{?app}
\else
  \set app jamsos_app
\endif

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
-- UTF-8 whatever the server's default; list order does not depend on the locale (the sorted columns
-- are created with COLLATE "C" by the application).
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";

\connect :"db"
-- Name search uses trigram indexes; a superuser creates the extension once.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
-- Tables and sequences the owner creates later (by an upgrade) are usable by the desktops at once.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"app";
