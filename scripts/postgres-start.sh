#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and CI, and prints its connection string (the
# value of AUTOKMS_POSTGRES) as the last line on stdout. Not a production setup: see
# docs/operations.md, "PostgreSQL".
#
# Usage: scripts/postgres-start.sh DIR
#        scripts/postgres-stop.sh DIR      (stops it and removes DIR)
#
# DIR (created) gets the cluster (data/), its socket directory, its log (postgres.log) and
# postgres.env (AUTOKMS_POSTGRES=..., plus what postgres-stop.sh needs). The cluster listens on
# 127.0.0.1 only, on a free port, with trust authentication for that address and the private
# socket directory only; it has one superuser, autokms, and one database, autokms, in UTF-8 (the
# tests create databases of their own beside it). Durability is off (fsync, synchronous_commit):
# the data is thrown away. PostgreSQL refuses to run as root, so when started as root the cluster
# runs as the user postgres (Debian's package creates it). DIR must be reachable by that user.
# Needs Debian's postgresql; installed with apt-get when initdb and pg_ctl are missing.
set -euo pipefail

dir=${1:?usage: postgres-start.sh DIR}

find_bindir() {
  local candidate
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  # Debian keeps the server programs out of PATH, one directory per major version: take the newest.
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! bindir=$(find_bindir); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres-start: initdb and pg_ctl not found; install them: apt-get install -y postgresql" >&2
    exit 2
  fi
  # The package would otherwise create and start a cluster of its own on port 5432.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/autokms-no-main.conf
  echo "postgres-start: installing postgresql with apt-get" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null ||
    { echo "postgres-start: could not install postgresql" >&2; exit 2; }
  bindir=$(find_bindir) || { echo "postgres-start: postgresql installed but initdb/pg_ctl not found" >&2; exit 2; }
fi

# As root, run every server program as an unprivileged user.
as_owner=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  if ! id "$owner" >/dev/null 2>&1; then
    useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$owner"
  fi
  as_owner=(runuser -u "$owner" --)
fi

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [ -e "$dir/data" ]; then
  echo "postgres-start: $dir/data exists; stop that cluster first (scripts/postgres-stop.sh $dir)" >&2
  exit 2
fi
mkdir -p "$dir/socket"
chmod 700 "$dir" "$dir/socket"
[ "$(id -u)" -ne 0 ] || chown -R "$owner" "$dir"

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U autokms --auth=trust --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 ||
  { echo "postgres-start: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1; }

# Trust for the loopback address and the private socket only.
cat >"$dir/data/pg_hba.conf" <<'EOF'
local all all trust
host  all all 127.0.0.1/32 trust
EOF

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=""
for attempt in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 20000))
  port_in_use "$port" && continue
  cat >"$dir/data/postgresql.auto.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/socket'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  [ "$(id -u)" -ne 0 ] || chown "$owner" "$dir/data/postgresql.auto.conf" "$dir/data/pg_hba.conf"
  if "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null 2>&1; then
    started=yes
    break
  fi
  echo "postgres-start: could not start on port $port (attempt $attempt), trying another" >&2
done
if [ -z "$started" ]; then
  echo "postgres-start: the cluster did not start; its log:" >&2
  tail -n 30 "$dir/postgres.log" >&2 || true
  exit 1
fi

"${as_owner[@]}" "$bindir/psql" -h "$dir/socket" -p "$port" -U autokms -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE DATABASE autokms ENCODING 'UTF8' TEMPLATE template0" >/dev/null

connection="Host=127.0.0.1;Port=$port;Username=autokms;Database=autokms"
cat >"$dir/postgres.env" <<EOF
AUTOKMS_POSTGRES='$connection'
AUTOKMS_POSTGRES_BINDIR='$bindir'
AUTOKMS_POSTGRES_OWNER='$owner'
EOF
echo "$connection"
