#!/bin/sh
# The DataStore's database and its read-only user (run once, by the postgres image, when
# the cluster is created). The ckan container applies CKAN's permission script on start.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE "$DATASTORE_READONLY_USER" LOGIN PASSWORD '$DATASTORE_READONLY_PASSWORD';
CREATE DATABASE "$DATASTORE_DB" OWNER "$POSTGRES_USER" ENCODING 'UTF8' TEMPLATE template0;
SQL
