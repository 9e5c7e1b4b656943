#!/usr/bin/env bash
# Builds and starts the service from a checkout, fetches its OpenAPI document and runs run.sh
# against it; stops the service afterwards. For CI and for trying the harness by hand.
#
#   clients/run-local.sh [REPO_DIR]
#
# REPO_DIR (default: the repository that holds this folder) must contain src/AutoKms.Api. The
# service runs on a free loopback port from a fresh temporary working directory, so its kms.db
# and root.key are throwaway. Exit status and last line are run.sh's.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "${1:-$HERE/..}" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORK=$(mktemp -d)
SVC_PID=
cleanup() {
  if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then
    kill "$SVC_PID" 2>/dev/null
    wait "$SVC_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building the service in $REPO ..."
if ! dotnet build "$REPO/src/AutoKms.Api" -c Release -nologo -v q -nodeReuse:false >"$WORK/build.log" 2>&1; then
  tail -n 40 "$WORK/build.log"
  echo "the service did not build"
  echo "clients: 0 passed, 1 failed"
  exit 1
fi

PORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
BASE_URL=http://127.0.0.1:$PORT
# A throwaway service: it runs as Production would, and is told it may generate its root key.
(cd "$WORK" && exec dotnet "$REPO/src/AutoKms.Api/bin/Release/net10.0/AutoKms.Api.dll" --urls "$BASE_URL" --Kms:AllowRootKeyGeneration=true >"$WORK/service.log" 2>&1) &
SVC_PID=$!
up=
for _ in $(seq 1 60); do
  if ! kill -0 "$SVC_PID" 2>/dev/null; then break; fi
  if node -e 'fetch(process.argv[1] + "/openapi.json").then(async r => { if (!r.ok) process.exit(1); require("fs").writeFileSync(process.argv[2], await r.text()); }, () => process.exit(1))' "$BASE_URL" "$WORK/openapi.json"; then
    up=1
    break
  fi
  sleep 0.5
done
if [ -z "$up" ]; then
  tail -n 40 "$WORK/service.log"
  echo "the service did not start on $BASE_URL"
  echo "clients: 0 passed, 1 failed"
  exit 1
fi
echo "service up on $BASE_URL (commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)); document saved to $HERE/out/openapi.json"
mkdir -p "$HERE/out"
cp "$WORK/openapi.json" "$HERE/out/openapi.json"

"$HERE/run.sh" "$BASE_URL" "$HERE/out/openapi.json"
