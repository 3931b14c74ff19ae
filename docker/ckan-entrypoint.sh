#!/bin/sh
# Prepare the site on start (config, migrations, organizations), then run the web app
# under uWSGI ("web") or a CKAN jobs worker ("worker").
set -eu

if [ ! -f "$CKAN_INI" ]; then
  cat > "$CKAN_INI" <<INI
[app:main]
use = config:$APP_DIR/src/config/common.ini
SECRET_KEY = $CKAN_SECRET_KEY
ckan.site_id = hokkaido
ckan.storage_path = $CKAN_STORAGE_PATH
ckanext.xloader.jobs_db.uri = sqlite:///$CKAN_STORAGE_PATH/xloader_jobs.db
INI
fi

case "${1:-web}" in
  web)
    ckan -c "$CKAN_INI" db init
    ckan -c "$CKAN_INI" db pending-migrations --apply
    # CKAN's DataStore permissions (the read user may only read), as the database's
    # superuser (the postgres image makes POSTGRES_USER one); idempotent
    ckan -c "$CKAN_INI" datastore set-permissions | psql -q "$CKAN_SQLALCHEMY_URL"
    ckan -c "$CKAN_INI" hokkaido seed-organizations
    if ! ckan -c "$CKAN_INI" user show "$CKAN_SYSADMIN_NAME" | grep -q " name=$CKAN_SYSADMIN_NAME "; then
      ckan -c "$CKAN_INI" user add "$CKAN_SYSADMIN_NAME" "email=$CKAN_SYSADMIN_EMAIL" \
        "password=$CKAN_SYSADMIN_PASSWORD"
      ckan -c "$CKAN_INI" sysadmin add "$CKAN_SYSADMIN_NAME"
    fi
    # ckanext-xloader fetches uploaded files through the API with a sysadmin's token
    if ! grep -q "^ckanext.xloader.api_token" "$CKAN_INI"; then
      token=$(ckan -c "$CKAN_INI" user token add "$CKAN_SYSADMIN_NAME" xloader | tail -n 1 | tr -d '[:space:]')
      printf 'ckanext.xloader.api_token = %s\n' "$token" >> "$CKAN_INI"
    fi
    exec uwsgi --http :5000 --master --processes 2 --harakiri 60 --need-app \
      --wsgi-file "$APP_DIR/src/docker/wsgi.py" --env CKAN_INI="$CKAN_INI"
    ;;
  worker)
    # "worker QUEUE…": the queues this worker serves (compose runs one for imports and
    # CKAN's default queue, one for scoring)
    shift
    ckan -c "$CKAN_INI" jobs worker "$@" &
    worker=$!
    # `docker stop`: RQ runs the job in a work-horse of its own process group, which the
    # worker's SIGTERM never reaches; signal it first so that the job rolls back and marks
    # itself failed, then let the (idle) worker stop.
    trap 'for horse in $(pgrep -P "$worker"); do kill -TERM -- "-$horse" 2>/dev/null; done
          kill -TERM "$worker"' TERM INT
    while kill -0 "$worker" 2>/dev/null; do wait "$worker"; done
    ;;
  *)
    exec "$@"
    ;;
esac
