#!/usr/bin/env bash
# Stops a cluster started by scripts/postgres-start.sh DIR and removes DIR. Safe to run twice,
# or on a DIR whose cluster never started (CI calls it from an exit trap).
#
# Usage: scripts/postgres-stop.sh DIR
set -uo pipefail

dir=${1:?usage: postgres-stop.sh DIR}
[ -d "$dir" ] || exit 0

if [ -f "$dir/postgres.env" ] && [ -f "$dir/data/postmaster.pid" ]; then
  # shellcheck disable=SC1091
  . "$dir/postgres.env"
  as_owner=()
  if [ "$(id -u)" -eq 0 ] && [ "${AUTOKMS_POSTGRES_OWNER:-root}" != root ]; then
    as_owner=(runuser -u "$AUTOKMS_POSTGRES_OWNER" --)
  fi
  "${as_owner[@]}" "$AUTOKMS_POSTGRES_BINDIR/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
    echo "postgres-stop: pg_ctl stop failed; see $dir/postgres.log" >&2
fi

rm -rf "$dir"
