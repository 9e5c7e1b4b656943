#!/usr/bin/env bash
# Encrypt requests per second with the audit trail on and off (Kms:Audit:Enabled), one Release
# build, one fresh database per run, wrk on the same machine. Not the service's benchmark: a
# quick measure of what the trail costs. Usage: bench/audit-cost.sh [seconds] [connections...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
seconds="${1:-15}"; shift || true
connections=("${@:-1 16 64}")
[ ${#connections[@]} -eq 1 ] && read -r -a connections <<< "${connections[0]}"
out="$(mktemp -d)"
dotnet publish "$repo/src/AutoKms.Api" -c Release -o "$out/bin" -v quiet -nologo >/dev/null

for audit in true false; do
  for c in "${connections[@]}"; do
    work="$(mktemp -d)"
    cd "$work"
    Kms__Audit__Enabled=$audit Logging__LogLevel__Default=Warning \
      dotnet "$out/bin/AutoKms.Api.dll" --urls http://127.0.0.1:8401 >"$work/log" 2>&1 &
    service=$!
    cd - >/dev/null
    until curl -sf http://127.0.0.1:8401/system/healthz >/dev/null; do sleep 0.2; done
    key=$(curl -sf -H 'Content-Type: application/json' -d '{"name":"bench","algorithm":"AES256_GCM"}' http://127.0.0.1:8401/kms/key | sed 's/.*"id":"\([^"]*\)".*/\1/')
    # Warm-up (JIT, pools), then the measured run.
    KEY_ID=$key wrk -t1 -c"$c" -d3s -s "$here/encrypt.lua" http://127.0.0.1:8401 >/dev/null
    result=$(KEY_ID=$key wrk -t1 -c"$c" -d"${seconds}s" --latency -s "$here/encrypt.lua" http://127.0.0.1:8401)
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
    p50=$(awk '$1=="50%" {print $2}' <<<"$result")
    p99=$(awk '$1=="99%" {print $2}' <<<"$result")
    bad=$(awk '/non-2xx answers/ {print $3}' <<<"$result")
    records=$(curl -sf "http://127.0.0.1:8401/kms/audit?limit=1" | sed -n 's/.*"seq":\([0-9]*\).*/\1/p')
    echo "audit=$audit connections=$c req/s=$rps p50=$p50 p99=$p99 non200=$bad last_seq=${records:-none}"
    kill "$service"; wait "$service" 2>/dev/null || true
    rm -rf "$work"
  done
done
rm -rf "$out"
