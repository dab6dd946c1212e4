-- JamSos Desktop on an office PostgreSQL server, step 3 of 3: what the desktops' role may do.
--
-- After step 2 (`jamsos --db postgresql+psycopg://jamsos_owner@SERVER/jamsos init`), and again after
-- every upgrade of the schema, run as the owner or the superuser:
--   psql -U jamsos_owner -d jamsos -f 3-grant-desktops.sql
-- Optional variable: -v app=jamsos_app
\set ON_ERROR_STOP on
\if :{?app}
\else
  \set app jamsos_app
\endif

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
-- The schema version is the owner's business.
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM :"app";
-- The audit trail only grows: the desktops add entries but cannot rewrite or delete them. Erasing the
-- values of an anonymised person (UU 27/2022) keeps the entry and its hash; only those columns change.
REVOKE UPDATE, DELETE ON audit_entry FROM :"app";
GRANT UPDATE (old_values, new_values, erased) ON audit_entry TO :"app";
