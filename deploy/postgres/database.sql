-- Homeward database-wide setup, run by the PostgreSQL superuser inside the database (local mode, tests, the k8s
-- migration job). Idempotent. Extensions live in schema public, which every service role may use but not change.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
REVOKE ALL ON DATABASE "{{database}}" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
