-- One service's login role and schema, run by the PostgreSQL superuser inside the database. Idempotent: running it
-- again resets the password and changes nothing else. Placeholders: {{database}}, {{schema}}, {{role}}, {{password}}
-- (role and schema are lower-case identifiers, the password is hex: both are checked before they are substituted).
--
-- The role owns its schema and nothing else: it can connect, use the shared extensions in public, and has no
-- privilege on any other service's schema, so it cannot read another service's data even by mistake.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{role}}') THEN
        CREATE ROLE "{{role}}" LOGIN PASSWORD '{{password}}' NOSUPERUSER NOCREATEDB NOCREATEROLE;
    ELSE
        ALTER ROLE "{{role}}" LOGIN PASSWORD '{{password}}';
    END IF;
END
$$;
GRANT CONNECT, TEMPORARY ON DATABASE "{{database}}" TO "{{role}}";
GRANT USAGE ON SCHEMA public TO "{{role}}";
CREATE SCHEMA IF NOT EXISTS "{{schema}}" AUTHORIZATION "{{role}}";
ALTER SCHEMA "{{schema}}" OWNER TO "{{role}}";
ALTER ROLE "{{role}}" IN DATABASE "{{database}}" SET search_path = "{{schema}}", public;
